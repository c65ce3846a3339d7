/**
 * `links quickstart`: on a running server, a demo tenant, its owner, and one sandbox and one
 * production key, printed with a curl line and an SDK snippet to try them. The keys are shown once.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Command } from 'commander';
import { addAdminOptions, connectAdmin, type AdminOptions } from '../connection.js';
import { emit, type OutputOptions } from '../output.js';
import type { ApiKey } from './operator.js';

/** The SDK version the tarball carries: the one this server's CLI is built against. */
const SDK_VERSION = (JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@links/sdk'];

type Options = AdminOptions &
  OutputOptions & { tenantName?: string; email?: string; userName?: string; sandboxUrl?: string; productionUrl?: string };

function apiUrl(explicit: string | undefined, variable: string, fallback: string): string {
  return (explicit || process.env[variable] || fallback).replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

async function quickstart(options: Options): Promise<void> {
  const admin = connectAdmin(options);
  const suffix = randomBytes(3).toString('hex');
  const tenant = await admin.request<{ id: string; name: string; created_at: string }>('POST', '/tenants', { name: options.tenantName ?? `Demo ${suffix}` });
  const user = await admin.request<{ id: string; email: string; name: string; created_at: string }>('POST', '/users', {
    email: options.email ?? `demo-${suffix}@example.com`,
    name: options.userName ?? 'Demo owner',
  });
  const membership = await admin.request<{ role: string }>('POST', `/tenants/${tenant.id}/members`, { user_id: user.id, role: 'owner' });
  const sandboxKey = await admin.request<ApiKey>('POST', `/tenants/${tenant.id}/api-keys`, { environment: 'sandbox', user_id: user.id, name: 'quickstart' });
  const productionKey = await admin.request<ApiKey>('POST', `/tenants/${tenant.id}/api-keys`, { environment: 'production', user_id: user.id, name: 'quickstart' });

  const sandboxUrl = apiUrl(options.sandboxUrl, 'LINKS_SANDBOX_URL', 'http://127.0.0.1:4001');
  const productionUrl = apiUrl(options.productionUrl, 'LINKS_PRODUCTION_URL', 'http://127.0.0.1:4000');
  const curl = `curl -s ${sandboxUrl}/api/v1/whoami -H "Authorization: Bearer ${sandboxKey.key}"`;
  const sdk = [
    "import { LinksSDK } from '@links/sdk';",
    '',
    `// LINKS_API_KEY=${sandboxKey.key}${options.sandboxUrl || process.env.LINKS_SANDBOX_URL ? ` LINKS_SANDBOX_URL=${sandboxUrl}` : ''}`,
    'const links = new LinksSDK({ apiKey: process.env.LINKS_API_KEY });',
    'const me = await links.whoami();',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript printed for the user to run.
    'console.log(`${me.tenant_name} (${me.environment}): ${me.permissions.join(", ")}`);',
  ].join('\n');

  emit(
    options,
    {
      tenant,
      user,
      role: membership.role,
      keys: { sandbox: sandboxKey, production: productionKey },
      endpoints: { sandbox: `${sandboxUrl}/api/v1`, production: `${productionUrl}/api/v1` },
      curl,
      sdk,
    },
    () =>
      [
        'A demo tenant, its owner and two API keys:',
        '',
        `  tenant          ${tenant.name}  (${tenant.id})`,
        `  user            ${user.email}  (${user.id}), ${membership.role}`,
        `  sandbox key     ${sandboxKey.key}`,
        `  production key  ${productionKey.key}`,
        '',
        'The keys are shown once: store them now (they can be revoked or rotated with `links keys`).',
        '',
        'Try the sandbox key:',
        `  ${curl}`,
        '',
        'With the CLI (`npm install -g ./packages/server` in the clone puts `links` on your PATH):',
        `  export LINKS_API_KEY=${sandboxKey.key}`,
        '  links accounts create 1000 Cash asset --currency USD',
        '  links accounts create 4000 Revenue revenue',
        `  links entries post --date ${new Date().toISOString().slice(0, 10)} --description "First sale" --currency USD --line 1000:debit:100.00 --line 4000:credit:100.00`,
        '  links trial-balance',
        '',
        'With the SDK, packed in the clone and installed into your project (packages/sdk/README.md):',
        `  npm pack --workspace @links/sdk --pack-destination /tmp   # in the clone`,
        `  npm install /tmp/links-sdk-${SDK_VERSION}.tgz                  # in your project`,
        'then save this as whoami.mjs and run `node whoami.mjs`:',
        ...sdk.split('\n').map((line) => (line ? `  ${line}` : '')),
      ].join('\n'),
  );
}

export function registerQuickstart(program: Command): void {
  addAdminOptions(
    program
      .command('quickstart')
      .description('create a demo tenant, its owner and a sandbox and a production key on a running server')
      .option('--json', 'print one JSON object')
      .option('--tenant-name <name>', 'the demo tenant name (default "Demo <random>")')
      .option('--email <email>', 'the demo user email (default demo-<random>@example.com)')
      .option('--user-name <name>', 'the demo user name')
      .option('--sandbox-url <url>', 'the sandbox API for the examples; default LINKS_SANDBOX_URL or http://127.0.0.1:4001')
      .option('--production-url <url>', 'the production API; default LINKS_PRODUCTION_URL or http://127.0.0.1:4000'),
  ).action(quickstart);
}
