/** Configuration: sane defaults, and one clear line for every bad value. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, databasesFor, loadConfig } from '../../src/config/config.js';
import { jobSlotsFor } from '../../src/jobs/jobWorker.js';

/** PostgreSQL mode needs a secrets key shared by every process. */
const KEY = { LINKS_SECRETS_KEY: Buffer.alloc(32, 9).toString('base64') };

describe('configuration', () => {
  it('defaults to three listeners on 4000–4002 and the embedded database under ./.links', () => {
    const config = loadConfig({});
    expect(config.ports).toEqual({ production: 4000, sandbox: 4001, console: 4002 });
    expect(config.listeners).toEqual(['production', 'sandbox', 'console']);
    expect(config.host).toBe('127.0.0.1');
    expect(config.storage).toEqual({ kind: 'embedded', dataDir: path.resolve('.links') });
    expect(config.adminToken).toBeUndefined();
    expect(config.rateLimitPerKey).toBe(5000);
    expect(config.authFailuresPerMinute).toBe(100);
    expect(loadConfig({ LINKS_RATE_LIMIT_PER_KEY: '0' }).rateLimitPerKey).toBe(0);
    expect(config.jobSlots).toBe(4);
    expect(loadConfig({ LINKS_JOB_SLOTS: '1' }).jobSlots).toBe(1);
    // On PostgreSQL the worker leaves one pool connection for requests; embedded has no pool.
    expect(jobSlotsFor(loadConfig({}))).toBe(4);
    const postgres = { LINKS_DATABASE_URL: 'postgres://h/links', LINKS_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(jobSlotsFor(loadConfig({ ...postgres, LINKS_DATABASE_POOL_SIZE: '4' }))).toBe(3);
    expect(jobSlotsFor(loadConfig({ ...postgres, LINKS_DATABASE_POOL_SIZE: '1', LINKS_JOB_SLOTS: '8' }))).toBe(1);
    expect(jobSlotsFor(loadConfig({ ...postgres, LINKS_DATABASE_POOL_SIZE: '20' }))).toBe(4);
  });

  it('derives the environment databases from LINKS_DATABASE_URL, with per-environment overrides', () => {
    const config = loadConfig({ ...KEY, LINKS_DATABASE_URL: 'postgres://u:p@db:5432/links?sslmode=disable' });
    expect(config.storage).toEqual({
      kind: 'postgres',
      urls: {
        control: 'postgres://u:p@db:5432/links?sslmode=disable',
        production: 'postgres://u:p@db:5432/links_production?sslmode=disable',
        sandbox: 'postgres://u:p@db:5432/links_sandbox?sslmode=disable',
      },
    });
    const split = loadConfig({ ...KEY, LINKS_DATABASE_URL: 'postgres://db/links', LINKS_PRODUCTION_DATABASE_URL: 'postgres://prod-db/books' });
    expect(split.storage.kind === 'postgres' && split.storage.urls.production).toBe('postgres://prod-db/books');
  });

  it('refuses PostgreSQL mode without LINKS_SECRETS_KEY instead of falling back to a per-host key file', () => {
    const env = { LINKS_DATABASE_URL: 'postgres://db/links', LINKS_DATA_DIR: '/var/lib/links' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/^LINKS_SECRETS_KEY is required with LINKS_DATABASE_URL/);
    expect(loadConfig({ ...env, ...KEY }).secretsKey).toBe(KEY.LINKS_SECRETS_KEY);
  });

  it('bounds every SQL statement: LINKS_STATEMENT_TIMEOUT_MS, 30 s by default, 0 = none', () => {
    expect(loadConfig({}).statementTimeoutMs).toBe(30_000);
    expect(loadConfig({ LINKS_STATEMENT_TIMEOUT_MS: '250' }).statementTimeoutMs).toBe(250);
    expect(loadConfig({ LINKS_STATEMENT_TIMEOUT_MS: '0' }).statementTimeoutMs).toBe(0);
    expect(() => loadConfig({ LINKS_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(/LINKS_STATEMENT_TIMEOUT_MS must be an integer from 0 to 3600000/);
  });

  it("points at Xero's public endpoints unless LINKS_XERO_* say otherwise (a stand-in), and refuses what is not an http(s) URL", () => {
    expect(loadConfig({}).xero).toEqual({
      apiUrl: 'https://api.xero.com/api.xro/2.0',
      identityUrl: 'https://identity.xero.com',
      connectionsUrl: 'https://api.xero.com/connections',
      loginUrl: 'https://login.xero.com/identity/connect/authorize',
    });
    expect(loadConfig({ LINKS_XERO_API_URL: 'http://127.0.0.1:4900/api.xro/2.0/', LINKS_XERO_IDENTITY_URL: 'http://127.0.0.1:4900' }).xero).toMatchObject({
      apiUrl: 'http://127.0.0.1:4900/api.xro/2.0',
      identityUrl: 'http://127.0.0.1:4900',
    });
    expect(() => loadConfig({ LINKS_XERO_LOGIN_URL: 'login.xero.com' })).toThrow(/LINKS_XERO_LOGIN_URL is not a URL/);
    expect(() => loadConfig({ LINKS_XERO_CONNECTIONS_URL: 'ftp://x/connections' })).toThrow(/LINKS_XERO_CONNECTIONS_URL must start with https:\/\/ or http:\/\//);
    expect(() => loadConfig({ LINKS_XERO_API_URL: 'https://x/api?a=1' })).toThrow(/must not carry a query/);
  });

  it('reads LINKS_SECRETS_KEY and keeps LINKS_DATA_DIR in PostgreSQL mode too', () => {
    const hex = 'ab'.repeat(32);
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({}).secretsKey).toBeUndefined();
    expect(loadConfig({ LINKS_SECRETS_KEY: hex }).secretsKey).toBe(hex);
    expect(loadConfig({ LINKS_SECRETS_KEY: base64 }).secretsKey).toBe(base64);
    expect(loadConfig({}).dataDir).toBe(path.resolve('.links'));
    const postgres = loadConfig({ ...KEY, LINKS_DATABASE_URL: 'postgres://db/links', LINKS_DATA_DIR: '/var/lib/links' });
    expect(postgres.dataDir).toBe('/var/lib/links');
    expect(loadConfig({ LINKS_DATA_DIR: '/var/lib/links' }).storage).toEqual({ kind: 'embedded', dataDir: '/var/lib/links' });
  });

  it('takes --env over LINKS_LISTENERS, and opens only the databases those listeners need', () => {
    expect(loadConfig({ LINKS_LISTENERS: 'sandbox,console' }).listeners).toEqual(['sandbox', 'console']);
    expect(loadConfig({ LINKS_LISTENERS: 'sandbox' }, { env: 'production' }).listeners).toEqual(['production']);
    expect(databasesFor(['sandbox'])).toEqual(['control', 'sandbox']);
    expect(databasesFor(['production'])).toEqual(['control', 'production']);
    expect(databasesFor(['console'])).toEqual(['control', 'production', 'sandbox']);
  });

  it('caches verified keys for 60 s unless LINKS_KEY_CACHE_MAX_AGE_MS says otherwise', () => {
    expect(loadConfig({}).keyCacheMaxAgeMs).toBe(60_000);
    expect(loadConfig({ LINKS_KEY_CACHE_MAX_AGE_MS: '5000' }).keyCacheMaxAgeMs).toBe(5000);
  });

  it('believes no X-Forwarded-For unless LINKS_TRUST_PROXY names the proxies or a hop count', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LINKS_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ LINKS_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ LINKS_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '192.168.0.0/16', '::1', 'fd00::/8']);
  });

  it.each([
    [{ LINKS_KEY_CACHE_MAX_AGE_MS: '5' }, /LINKS_KEY_CACHE_MAX_AGE_MS must be an integer from 10 to 3600000/],
    [{ LINKS_KEY_CACHE_MAX_AGE_MS: 'forever' }, /LINKS_KEY_CACHE_MAX_AGE_MS must be an integer/],
    [{ LINKS_TRUST_PROXY: '0' }, /LINKS_TRUST_PROXY as a hop count must be from 1 to 10/],
    [{ LINKS_TRUST_PROXY: 'true' }, /LINKS_TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDRs.*"true"/],
    [{ LINKS_TRUST_PROXY: '10.0.0.1,proxy.local' }, /LINKS_TRUST_PROXY.*"proxy\.local"/],
    [{ LINKS_TRUST_PROXY: '10.0.0.0/33' }, /LINKS_TRUST_PROXY.*"10\.0\.0\.0\/33"/],
    [{ LINKS_TRUST_PROXY: '10.0.0.1,' }, /LINKS_TRUST_PROXY.*""/],
  ])('refuses the key cache or proxy setting %j with one clear line', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it.each([
    [{ LINKS_PRODUCTION_PORT: 'abc' }, /LINKS_PRODUCTION_PORT must be a port number/],
    [{ LINKS_SANDBOX_PORT: '70000' }, /LINKS_SANDBOX_PORT/],
    [{ LINKS_RATE_LIMIT_PER_KEY: '-1' }, /LINKS_RATE_LIMIT_PER_KEY must be an integer from 0/],
    [{ LINKS_AUTH_FAILURES_PER_MINUTE: 'lots' }, /LINKS_AUTH_FAILURES_PER_MINUTE must be an integer from 0/],
    [{ LINKS_SANDBOX_PORT: '4000' }, /two listeners share one port/],
    [{ LINKS_LISTENERS: 'staging' }, /unknown listener "staging"/],
    [{ LINKS_DATABASE_URL: 'mysql://x/y' }, /must start with postgres:\/\//],
    [{ LINKS_DATABASE_URL: 'not a url' }, /is not a URL/],
    [{ LINKS_DATABASE_URL: 'postgres://h/bad-name' }, /must name a database/],
    [{ LINKS_SANDBOX_DATABASE_URL: 'postgres://h/s' }, /need LINKS_DATABASE_URL/],
    [{ LINKS_ADMIN_TOKEN: 'short' }, /at least 32 characters/],
    [{ LINKS_LOG_LEVEL: 'loud' }, /LINKS_LOG_LEVEL/],
    [{ LINKS_LOG_FORMAT: 'colour' }, /LINKS_LOG_FORMAT must be one of auto, json, pretty \(got "colour"\)/],
    [{ LINKS_DATABASE_APP_ROLE: 'Robert"); DROP' }, /LINKS_DATABASE_APP_ROLE/],
    [{ LINKS_DATABASE_POOL_SIZE: '0' }, /LINKS_DATABASE_POOL_SIZE/],
    [{ LINKS_GROUP_COMMIT: 'maybe' }, /LINKS_GROUP_COMMIT must be on or off/],
    [{ LINKS_JOB_SLOTS: '0' }, /LINKS_JOB_SLOTS must be an integer from 1 to 64/],
    [{ LINKS_SECRETS_KEY: 'too-short' }, /LINKS_SECRETS_KEY must be 32 bytes as base64 \(44 characters\) or hex \(64 characters\)/],
    [{ LINKS_SECRETS_KEY: 'g'.repeat(64) }, /LINKS_SECRETS_KEY must be 32 bytes/],
  ])('refuses %j with one clear line', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('never echoes a database password in its errors', () => {
    try {
      loadConfig({ LINKS_DATABASE_URL: 'postgres://u:s3cret@h/bad-name' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('s3cret');
    }
  });
});

describe('application role credentials', () => {
  it('are the same for the control, production and sandbox databases of one server, and differ per owner', async () => {
    const { derivedAppPassword, appRoleUrl } = await import('../../src/storage/appRoleCredentials.js');
    const control = 'postgres://owner:pw@db:5432/links';
    const derived = derivedAppPassword(control, 'links_app');
    expect(derivedAppPassword('postgres://owner:pw@db:5432/links_production', 'links_app')).toBe(derived);
    expect(derivedAppPassword('postgres://owner:pw@db/links_sandbox', 'links_app')).toBe(derived);
    expect(derivedAppPassword('postgres://owner:other@db:5432/links', 'links_app')).not.toBe(derived);
    expect(derived).not.toContain('pw');
    expect(appRoleUrl(control, 'links_app')).toBe(`postgres://links_app:${derived}@db:5432/links`);
  });
});
