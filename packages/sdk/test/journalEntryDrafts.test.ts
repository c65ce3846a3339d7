/** `journalEntryDrafts` against a real server: propose, list, get, approve (once), reject, and their errors. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, LinksSDK, PermissionError, ValidationError, type JournalEntryInput } from '@links/sdk';
import { AdminClient } from '../../server/test/support/http.js';
import { useTestServer, type TestLinks } from '../../server/test/support/linksServer.js';

const rent = (date: string, amount = '25.00'): JournalEntryInput => ({
  date,
  description: `Rent ${date}`,
  currency: 'USD',
  lines: [
    { account: '6000', debit: amount },
    { account: '1000', credit: amount },
  ],
});

describe('@links/sdk journalEntryDrafts', () => {
  let links: TestLinks;
  let client: LinksSDK;
  let reader: LinksSDK;

  useTestServer(async (started) => {
    links = started;
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant(`SDK drafts ${randomBytes(3).toString('hex')}`);
    const user = await admin.createUser(`drafts-${randomBytes(3).toString('hex')}@sdk.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const endpoints = { sandbox: links.url('sandbox'), production: links.url('production') };
    client = new LinksSDK({ apiKey: (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key, endpoints });
    reader = new LinksSDK({ apiKey: (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id, permissions: ['read'] })).key, endpoints });
    await client.accounts.create({ code: '1000', name: 'Cash', type: 'asset' });
    await client.accounts.create({ code: '6000', name: 'Rent', type: 'expense' });
  });

  it('proposes without posting, approves once, rejects with a reason, and lists by status', async () => {
    const draft = await client.journalEntryDrafts.create(rent('2026-11-01'));
    expect(draft.status).toBe('pending_approval');
    expect(draft.impact).toEqual([
      { account: '6000', currency: 'USD', before: '0.00', after: '25.00' },
      { account: '1000', currency: 'USD', before: '0.00', after: '-25.00' },
    ]);
    expect((await client.journalEntries.list()).totalResults).toBe(0);
    expect(await client.journalEntryDrafts.get(draft.id)).toEqual(draft);

    const posted = await client.journalEntryDrafts.approve(draft.id);
    expect(posted).toMatchObject({ status: 'posted', date: '2026-11-01' });
    expect((await client.journalEntryDrafts.approve(draft.id)).id).toBe(posted.id);
    expect((await client.journalEntries.list()).totalResults).toBe(1);

    const other = await client.journalEntryDrafts.create(rent('2026-11-02', '5.00'));
    const rejected = await client.journalEntryDrafts.reject(other.id, 'Paid twice');
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Paid twice' });
    await expect(client.journalEntryDrafts.approve(other.id)).rejects.toBeInstanceOf(ConflictError);

    const approved = await client.journalEntryDrafts.list({ status: 'approved' });
    expect(approved.data.map((d) => d.journal_entry_id)).toEqual([posted.id]);
    const all = await client.journalEntryDrafts.list({ limit: 1 }).all();
    expect(all.map((d) => d.id)).toEqual([other.id, draft.id]);
  });

  it('refuses what posting refuses, and a read-only key', async () => {
    await expect(client.journalEntryDrafts.create({ ...rent('2026-11-03'), lines: [{ account: '6000', debit: '1.00' }, { account: '1000', credit: '2.00' }] })).rejects.toMatchObject({
      code: 'unbalanced_entry',
    });
    await expect(client.journalEntryDrafts.create({ ...rent('2026-11-03'), lines: [{ account: '6000', debit: '1.00' }, { account: '1000', credit: '2.00' }] })).rejects.toBeInstanceOf(ValidationError);
    await expect(reader.journalEntryDrafts.create(rent('2026-11-03'))).rejects.toBeInstanceOf(PermissionError);
    expect((await reader.journalEntryDrafts.list()).data.length).toBe(2);
  });
});
