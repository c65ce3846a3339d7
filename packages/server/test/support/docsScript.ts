/**
 * The docs as one shell script, in the order a newcomer reads them: the README's walkthrough, the
 * guides in docs/ (those present), then the SDK README's TypeScript examples run with tsx. Each part
 * starts with a marker line `=== <file> <ms since the epoch>` so a test can tell its output and its
 * requests apart.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** In reading order; a guide another change has not written yet is left out. */
export const GUIDES = ['README.md', 'docs/ledger.md', 'docs/records.md', 'docs/gl.md', 'docs/mcp.md'];
export const SDK_README = 'packages/sdk/README.md';

export function blocks(markdown: string, language: 'bash' | 'ts'): string[] {
  return [...markdown.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
}

const marker = (file: string) => `echo "=== ${file} $(date +%s%3N)"`;

/** `examplesDir`: where the SDK examples are written; inside the clone, so `@links/sdk` resolves to the workspace. */
export function docsScript(examplesDir: string): { script: string; parts: string[] } {
  const parts = GUIDES.filter((guide) => fs.existsSync(path.join(ROOT, guide)));
  const lines: string[] = [];
  for (const guide of parts) lines.push(marker(guide), ...blocks(fs.readFileSync(path.join(ROOT, guide), 'utf8'), 'bash'));
  lines.push(marker(SDK_README), `mkdir -p '${examplesDir}' && cd '${examplesDir}'`, 'export LINKS_SANDBOX_API_KEY=$KEY LINKS_SANDBOX_URL=$SANDBOX');
  blocks(fs.readFileSync(path.join(ROOT, SDK_README), 'utf8'), 'ts').forEach((example, i) => {
    lines.push(`cat > example${i}.ts <<'LINKS_EXAMPLE'\n${example}LINKS_EXAMPLE`, `npx tsx "$PWD/example${i}.ts"`);
  });
  lines.push(marker('end'));
  return { script: lines.join('\n'), parts: [...parts, SDK_README] };
}

export interface DocsPart {
  file: string;
  startedAt: number;
  endedAt: number;
  output: string;
}

/** Splits the script's output at its markers. */
export function splitOutput(stdout: string): DocsPart[] {
  const found = [...stdout.matchAll(/^=== (\S+) (\d+)$/gm)];
  return found.slice(0, -1).map((m, i) => {
    const next = found[i + 1]!;
    return { file: m[1]!, startedAt: Number(m[2]), endedAt: Number(next[2]), output: stdout.slice(m.index! + m[0].length + 1, next.index) };
  });
}

/** Runs a script as the docs say to: `bash -euo pipefail`, from the clone's root. */
export function runBash(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env, cwd: ROOT, timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
