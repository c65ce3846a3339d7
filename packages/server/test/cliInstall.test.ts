/**
 * The `links` command installed the way the README says, into a throwaway npm prefix, then run
 * from a folder outside the clone with only that prefix's bin on PATH (no node_modules/.bin):
 * `--version`, `--help`, and the CLI lines `links quickstart` prints, run as printed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/server/package.json'), 'utf8')).version as string;

function sh(script: string, cwd: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** PATH without any node_modules/.bin, so `links` can only come from the install under test. */
function bareSystemPath(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter);
}

describe.skipIf(!postgresAvailable())('links, installed as the README says', () => {
  let links: TestLinks;
  let prefix: string;
  let elsewhere: string;
  let env: Record<string, string>;
  useTestServer((started) => {
    links = started;
  });

  beforeAll(async () => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'links-prefix-'));
    elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'links-elsewhere-'));
    env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${bareSystemPath()}`, HOME: process.env.HOME ?? os.tmpdir() };
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const install = /^npm install -g \.\/packages\/server\b.*$/m.exec(readme)?.[0];
    expect(install, 'the README says how to install links').toBeDefined();
    // The README's line as written; the prefix (npm's global folder) is the throwaway one.
    const installed = await sh(install!, ROOT, { ...env, npm_config_prefix: prefix });
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);
  }, 180_000);
  afterAll(() => {
    for (const dir of [prefix, elsewhere]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers --version and --help from outside the clone', async () => {
    const which = await sh('command -v links', elsewhere, env);
    expect(which.stdout.trim()).toBe(path.join(prefix, 'bin', 'links'));
    const version = await sh('links --version', elsewhere, env);
    expect(version).toMatchObject({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = await sh('links --help', elsewhere, env);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: links \[options\] \[command\]/);
    for (const command of ['start', 'quickstart', 'accounts', 'entries', 'import']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it("runs the CLI lines quickstart prints, as printed, and prints the SDK README's install lines", async () => {
    const serverEnv = { ...env, LINKS_CONSOLE_URL: links.url('console'), LINKS_ADMIN_TOKEN: links.adminToken, LINKS_SANDBOX_URL: links.url('sandbox') };
    const quickstart = await sh('links quickstart', elsewhere, serverEnv);
    expect(quickstart.status, quickstart.stderr).toBe(0);
    const printed = quickstart.stdout.split('\n');
    const cli = printed.findIndex((line) => line.startsWith('With the CLI'));
    expect(printed[cli]).toContain('`npm install -g ./packages/server`');
    const commands = printed.slice(cli + 1, printed.indexOf('', cli)).map((line) => line.trim());
    expect(commands[0]).toMatch(/^export LINKS_API_KEY=lk_sandbox_/);
    expect(commands.at(-1)).toBe('links trial-balance');
    const ran = await sh(commands.join('\n'), elsewhere, serverEnv);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/│\s+│ Total\s+│\s+│\s+100\.00 │\s+100\.00 │/);

    const sdkReadme = fs.readFileSync(path.join(ROOT, 'packages/sdk/README.md'), 'utf8');
    const sdk = printed.findIndex((line) => line.startsWith('With the SDK'));
    for (const line of printed.slice(sdk + 1, sdk + 3)) {
      const command = line.replace(/#.*$/, '').trim();
      expect(command).toMatch(/^npm (pack|install) /);
      expect(sdkReadme).toContain(command);
    }
  });
});
