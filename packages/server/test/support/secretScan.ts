/**
 * Runs after every server test file (vitest setupFiles): the logs of every server the file started
 * hold no API key, admin token or other key material, nor any secret a test planted (a connection
 * string's password), whatever the tests sent.
 */
import { afterAll, expect } from 'vitest';
import { plantedSecrets, serverLogs, TEST_ADMIN_TOKEN } from './linksServer.js';

/** A key or token: its prefix and at least 20 characters of its secret part. */
const KEY_MATERIAL = /lk_(sandbox|production|admin)_[0-9A-Za-z]{20}/;

afterAll(() => {
  const logs = serverLogs.flat().join('');
  expect(logs).not.toMatch(KEY_MATERIAL);
  expect(logs).not.toContain(TEST_ADMIN_TOKEN);
  for (const secret of plantedSecrets) expect(logs).not.toContain(secret);
});
