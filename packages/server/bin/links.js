#!/usr/bin/env node
// The `links` command: runs the TypeScript sources through tsx, so no build step stands between a clone and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
