/** The SDK's tests use what users get: the built package (ESM, CJS, types) in dist/. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.resolve(root, '../../node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'pipe' });
}
