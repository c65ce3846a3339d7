/** The GL providers this build ships; Xero is pointed at the configured endpoints (tests: a stand-in). */
import type { XeroEndpoints } from '../config/config.js';
import type { GlProviderRegistry } from './connectors.js';
import { webhookProvider } from './webhook/webhookProvider.js';
import { xeroProvider } from './xero/xeroProvider.js';

export function glProviders(options: { xero: XeroEndpoints; secretsKey: () => Buffer }): GlProviderRegistry {
  return {
    webhook: webhookProvider,
    xero: xeroProvider({ endpoints: options.xero, secretsKey: options.secretsKey }),
  };
}
