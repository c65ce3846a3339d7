/**
 * The sandbox database of throwaway storage, opened in this process, with that storage's secrets
 * key: for tests that drive the GL engine or a connector directly on the real storage.
 */
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config/config.js';
import { loadSecretsKey } from '../../src/sources/secretBox.js';
import { openDatabase } from '../../src/storage/database.js';
import type { EnvironmentDatabase } from '../../src/storage/environmentSchema.js';
import { newStorage } from './linksServer.js';

export interface SandboxStore {
  db: Kysely<EnvironmentDatabase>;
  /** The secrets key credentials and tokens are sealed with. */
  key: Buffer;
  /** Closes the database and deletes the storage. */
  close(): Promise<void>;
}

export async function openSandboxStore(): Promise<SandboxStore> {
  const storage = newStorage();
  try {
    const config = loadConfig(storage.env);
    const database = await openDatabase<EnvironmentDatabase>('sandbox', config);
    return {
      db: database.db,
      key: loadSecretsKey({ secretsKey: config.secretsKey, dataDir: config.dataDir }),
      close: async () => {
        await database.close();
        await storage.destroy();
      },
    };
  } catch (error) {
    await storage.destroy();
    throw error;
  }
}
