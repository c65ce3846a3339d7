/**
 * Backup and restore of the embedded database as docs/operations.md tells it: stop Links, copy the
 * data directory (LINKS_DATA_DIR, `.links` by default), start Links on the copy. Everything reads
 * back, keys work, the chain verifies and new postings join it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { startTestLinks, type TestLinks } from '../support/linksServer.js';
import { expectChainExtends, fillBooks, readBooks, type BooksServer, type FilledBooks } from '../support/upgradeBooks.js';

const servers = (links: TestLinks): BooksServer => ({ console: links.url('console'), sandbox: links.url('sandbox'), production: links.url('production') });

describe('backup of the embedded data directory: stop, copy, start on the copy', () => {
  const original = fs.mkdtempSync(path.join(os.tmpdir(), 'links-embedded-'));
  const copy = `${original}-copy`;
  let books: FilledBooks;
  let restored: TestLinks;

  beforeAll(async () => {
    const links = await startTestLinks({ storage: { env: { LINKS_DATA_DIR: original }, destroy: async () => undefined } });
    books = await fillBooks(servers(links), links.adminToken, { records: true });
    await links.stop();
    fs.cpSync(original, copy, { recursive: true });
    fs.rmSync(original, { recursive: true, force: true });
    restored = await startTestLinks({ storage: { env: { LINKS_DATA_DIR: copy }, destroy: async () => undefined } });
  });

  afterAll(async () => {
    await restored?.stop();
    fs.rmSync(original, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  });

  it('reads back everything from the copy, and the keys authenticate', async () => {
    const reads = await readBooks(servers(restored), restored.adminToken, books, { records: true });
    for (const [path, before] of Object.entries(books.reads)) expect(reads[path], path).toMatchObject(before as object);
    expect((await call(restored.url('production'), 'GET', '/api/v1/whoami', { token: books.productionKey })).status).toBe(200);
  });

  it('the chain verifies and a new posting joins it', async () => {
    await expectChainExtends(restored.url('sandbox'), books.sandboxKey);
  });
});
