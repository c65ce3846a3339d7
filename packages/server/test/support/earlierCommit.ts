/**
 * An earlier commit of Links, taken from git history at test time (`git archive`), ready to run as
 * its own process: the upgrade test fills databases with it and then opens them with this code.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function repositoryRoot(): string {
  return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: HERE, encoding: 'utf8' }).trim();
}

export interface EarlierCommit {
  commit: string;
  /** The checkout's `packages/server/bin/links.js`. */
  bin: string;
  /** How its dependencies were provided: the current node_modules (same lockfile) or a fresh `npm ci`. */
  dependencies: 'shared' | 'installed';
  remove(): void;
}

/**
 * Extracts `commit` into a temporary directory. With the same package-lock.json as this checkout it
 * shares this node_modules (a symlink); otherwise it installs its own (`npm ci`, from the cache when
 * it can). A missing commit (a shallow clone) fails with what to do.
 */
export function checkoutEarlierCommit(commit: string): EarlierCommit {
  const root = repositoryRoot();
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    throw new Error(`commit ${commit} is not in this clone's history: the upgrade test needs it (git fetch --unshallow)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `links-${commit}-`));
  execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const sameLockfile = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8') === fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  if (sameLockfile) {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } else {
    // With its install scripts: the SDK workspace builds its dist/ in `prepare`, and the old server imports it.
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  }
  return {
    commit,
    bin: path.join(dir, 'packages/server/bin/links.js'),
    dependencies: sameLockfile ? 'shared' : 'installed',
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
