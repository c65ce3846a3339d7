/**
 * The SDK's built package (packages/sdk/dist), which the docs' SDK examples and the CLI import as
 * users get it. Built again only when a source is newer than it: tsup empties dist/ first, so a
 * rebuild in the middle of a run would pull the package from under test files running beside.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './docsScript.js';

function newestChange(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newestChange(path.join(target, name))));
}

export function ensureSdkBuilt(): void {
  const sdk = path.join(ROOT, 'packages/sdk');
  const built = path.join(sdk, 'dist/index.js');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = ['src', 'package.json', 'tsup.config.ts'].map((name) => newestChange(path.join(sdk, name)));
  if (builtAt >= Math.max(...sources)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsup/dist/cli-default.js')], { cwd: sdk, stdio: 'pipe' });
}
