/**
 * What users install: `npm pack`, installed into an empty project, runs the README's examples
 * (ESM through tsx, and CommonJS), and the committed types match the running server's document.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, call } from '../../server/test/support/http.js';
import { useTestServer, type TestLinks } from '../../server/test/support/linksServer.js';
import { typesFromOpenApi } from '../scripts/typesFromOpenApi.js';

const SDK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.resolve(SDK, '../../node_modules/.bin/tsx');

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (status) => resolve({ status, out }));
  });
}

function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('@links/sdk as published', () => {
  let links: TestLinks;
  let project: string;
  let tarball: string;
  let installOutput: string;
  let env: Record<string, string>;

  useTestServer(async (started) => {
    links = started;
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant('Package');
    const user = await admin.createUser('package@sdk.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    env = {
      LINKS_SANDBOX_URL: links.url('sandbox'),
      LINKS_PRODUCTION_URL: links.url('production'),
      LINKS_SANDBOX_API_KEY: (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key,
      LINKS_PROD_API_KEY: (await admin.createKey(tenant.id, { environment: 'production', user_id: user.id })).key,
    };
  });

  beforeAll(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'links-sdk-user-'));
    tarball = path.join(project, execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: SDK, encoding: 'utf8' }).trim().split('\n').at(-1)!);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'sdk-user', private: true, type: 'module' }));
    // npm's default log level: a warning (an install script, say) would show here.
    const install = await run('npm', ['install', '--no-audit', '--no-fund', tarball], project, {});
    expect(install.status, install.out).toBe(0);
    installOutput = install.out;
  }, 180_000);

  it('installs with no runtime dependency at all, no install script and no warning', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/@links/sdk/package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts, script).not.toHaveProperty(script);
    expect(installOutput).not.toMatch(/warn/i);
    expect(installOutput).toMatch(/added 1 package/);
    expect(fs.readdirSync(path.join(project, 'node_modules')).sort()).toEqual(['.package-lock.json', '@links']);
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      expect(fs.existsSync(path.join(project, 'node_modules/@links/sdk', file)), file).toBe(true);
    }
    expect(fs.existsSync(path.join(project, 'node_modules/@links/sdk/src'))).toBe(false);
  });

  it('runs the README examples as written', async () => {
    const examples = tsBlocks(fs.readFileSync(path.join(SDK, 'README.md'), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const outputs: string[] = [];
    for (const [i, example] of examples.entries()) {
      const file = path.join(project, `example${i}.ts`);
      fs.writeFileSync(file, example);
      for (const LINKS_ENV of ['sandbox', 'production'].slice(0, i === 0 ? 2 : 1)) {
        const result = await run(TSX, [file], project, { ...env, LINKS_ENV });
        expect(result.status, `example ${i} (${LINKS_ENV}):\n${example}\n${result.out}`).toBe(0);
        outputs.push(result.out);
      }
    }
    expect(outputs[0]).toMatch(/Package \(sandbox\): read, write/);
    expect(outputs[1]).toMatch(/Package \(production\): read, write/);
    expect(outputs[2]).toContain("'250.00', '250.00'");
    expect(outputs[2]).toContain('true');
    expect(outputs[3]).toMatch(/1 entries touch 1000/);
    expect(outputs[4]).toContain('unbalanced_entry');
    expect(outputs[5]).toContain('201 1200.00');
    expect(outputs[5]).toContain("[ '1100: 1200.00' ]");
    expect(outputs[5]).toContain("[ 'email', 'first' ]");
    expect(outputs[5]).toContain('synced 1, 1 contacts');
    expect(outputs[5]).toContain("[ '1100 50.00', '4000 -50.00' ]");
  });

  it('loads from CommonJS too', async () => {
    const file = path.join(project, 'check.cjs');
    fs.writeFileSync(
      file,
      `const { LinksSDK, NotFoundError } = require('@links/sdk');
       new LinksSDK({ apiKey: process.env.LINKS_SANDBOX_API_KEY }).accounts.get('none')
         .catch((e) => { console.log(e instanceof NotFoundError ? 'not found, as expected' : 'wrong: ' + e); });`,
    );
    const result = await run(process.execPath, [file], project, env);
    expect(result.out.trim()).toBe('not found, as expected');
  });

  it('has typings that compile with skipLibCheck: false next to nothing but @types/node, and run', async () => {
    // A TypeScript project of its own: the tarball, the compiler and Node's types, from the npm cache.
    const typed = path.join(project, 'typed');
    fs.mkdirSync(typed);
    fs.writeFileSync(path.join(typed, 'package.json'), JSON.stringify({ name: 'sdk-typed-user', private: true, type: 'module' }));
    const install = await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, '@types/node@20.19.43', 'typescript@5.9.3'],
      typed,
      {},
    );
    expect(install.status, install.out).toBe(0);
    expect(fs.existsSync(path.join(typed, 'node_modules/openapi-fetch'))).toBe(false);
    const compilerOptions = { strict: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['ES2022'], types: ['node'], outDir: 'out' };
    fs.writeFileSync(path.join(typed, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['main.ts'] }));
    fs.writeFileSync(
      path.join(typed, 'main.ts'),
      `import { LinksSDK, NotFoundError, type Account, type LinksResponse, type TrialBalance } from '@links/sdk';

const client = new LinksSDK({ apiKey: process.env.LINKS_SANDBOX_API_KEY });
const me = await client.whoami();
const missing: Account | string = await client.accounts.get('none').catch((e: unknown) => (e instanceof NotFoundError ? e.code : 'other'));
const trial: TrialBalance = await client.reports.trialBalance({ currency: 'USD' });
const listed: LinksResponse<unknown> = await client.unifiedInvoicesApi.getPaginatedUnifiedInvoiceLists(1, 5);
console.log(me.environment, missing, trial.total_debits === trial.total_credits, listed.status);
`,
    );
    const compiled = await run(process.execPath, [path.join(typed, 'node_modules/typescript/bin/tsc'), '-p', typed], typed, {});
    expect(compiled.status, compiled.out).toBe(0);
    const result = await run(process.execPath, [path.join(typed, 'out/main.js')], typed, env);
    expect(result.status, result.out).toBe(0);
    expect(result.out.trim()).toBe('sandbox not_found true 200');
  }, 180_000);

  it("has types generated from the running server's OpenAPI document", async () => {
    const document = (await call(links.url('sandbox'), 'GET', '/api/v1/openapi')).body;
    const committed = fs.readFileSync(path.join(SDK, 'src/generated/openapi.ts'), 'utf8');
    expect(await typesFromOpenApi(document), 'stale: run npm run generate').toBe(committed);
  });
});
