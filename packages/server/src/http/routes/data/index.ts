/** Every data-plane route, one file each. Each is also registered with the isolation harness (test/isolation). */
import type { LinksApp } from '../../listener.js';
import type { LinksServices } from '../../services.js';
import whoami from './whoami.js';

export const dataRoutes: Array<(app: LinksApp, services: LinksServices) => void> = [whoami];
