/** The README's walkthrough runs as written against a real server: the docs cannot drift from the code. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, startTestLinks, type TestLinks } from './support/linksServer.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md');

function bashBlocks(markdown: string): string {
  return [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

function runBash(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!postgresAvailable())('README walkthrough', () => {
  let links: TestLinks;
  beforeAll(async () => {
    links = await startTestLinks();
  });
  afterAll(async () => {
    await links?.stop();
    await links?.storage.destroy();
  });

  it('runs from start to end with the documented results', async () => {
    const script = bashBlocks(fs.readFileSync(README, 'utf8'));
    expect(script).toContain('whoami');
    // Asynchronous on purpose: the server under test lives in this process's event loop.
    const result = await runBash(script, {
      PATH: process.env.PATH ?? '',
      CONSOLE: links.url('console'),
      SANDBOX: links.url('sandbox'),
      PRODUCTION: links.url('production'),
      LINKS_ADMIN_TOKEN: links.adminToken,
    });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/"environment":"sandbox","key_id":"key_\w+","user_id":"[\w-]+","permissions":\["read","write"\]/);
    expect(out).toMatch(/"environment":"production","key_id":"key_\w+","user_id":"[\w-]+","permissions":\["read"\]/);
    expect(out).toContain('"code":"environment_mismatch"');
    expect(out).toContain('This API key belongs to the sandbox environment');
    expect(out).toContain('"action":"api_key.rotated"');
  });
});
