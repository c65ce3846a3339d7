/**
 * The embedded database serves one process. A pid file in the data directory turns a second
 * process on the same directory into a clear error instead of a corrupted database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Directories this process holds: a second server inside one process is refused too. */
const heldHere = new Set<string>();

function inUse(dataDir: string, holder: number): ConfigError {
  return new ConfigError(
    `the data directory ${dataDir} is in use by Links process ${holder}; the embedded database serves one process (use LINKS_DATABASE_URL to run listeners in separate processes)`,
  );
}

export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'links.pid');
  if (heldHere.has(file)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw inUse(dataDir, holder);
      }
      fs.unlinkSync(file); // left by a process that died
    }
  }
  throw new ConfigError(`cannot lock the data directory ${dataDir}`);
}
