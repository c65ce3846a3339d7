/**
 * The MCP write tools: propose_journal_entry makes a draft with its balance impact and posts
 * nothing (a person approves it over REST); post_journal_entry is offered only where the key may
 * post directly, needs an idempotency_key and posts once however often it is retried; production
 * keys without direct agent posting (an owner or admin key gets it through the operator API), and
 * developer and read-only keys, cannot post.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AdminClient, call } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type LedgerTenant } from '../ledger/ledgerClient.js';
import { connectMcp, errorOf, structuredOf } from './mcpClient.js';
import { cashSale, createMcpBooks, type McpBooks } from './toolCases.js';

describe.skipIf(!postgresAvailable())('MCP write tools', () => {
  let links: TestLinks;
  let tenant: LedgerTenant;
  let books: McpBooks;

  useTestServer(async (started) => {
    links = started;
    tenant = await createLedgerTenant(links, 'McpWrites');
    books = await createMcpBooks(links.url('sandbox'), tenant.sandbox.key);
  });

  it('propose_journal_entry: a draft with each balance before and after, nothing posted; a person approves it', async () => {
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key, { era: 'modern' });
    try {
      const before = await tenant.sandbox.entryCount();
      const draft = structuredOf(await mcp.client.callTool({ name: 'propose_journal_entry', arguments: { entry: cashSale(books, '25.00') } }));
      expect(draft).toMatchObject({ status: 'pending_approval', proposed_by: { key_id: tenant.sandbox.keyId, via: 'mcp' }, journal_entry_id: null });
      expect(draft.impact).toEqual([
        { account: books.cash, currency: 'USD', before: '0.00', after: '25.00' },
        { account: books.revenue, currency: 'USD', before: '100.00', after: '125.00' },
      ]);
      expect(await tenant.sandbox.entryCount()).toBe(before);
      expect(await tenant.sandbox.balance(books.cash)).toBe('0.00');
      const approved = await tenant.sandbox.post(`/journal-entry-drafts/${draft.id}/approve`);
      expect(approved.status, approved.text).toBe(201);
      expect(await tenant.sandbox.balance(books.cash)).toBe('25.00');
    } finally {
      await mcp.close();
    }
  });

  it('propose_journal_entry refuses what posting would refuse, with the contract code', async () => {
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key);
    try {
      const unbalanced = { ...cashSale(books, '5.00'), lines: [{ account: books.cash, debit: '5.00' }, { account: books.revenue, credit: '4.00' }] };
      expect(errorOf(await mcp.client.callTool({ name: 'propose_journal_entry', arguments: { entry: unbalanced } })).code).toBe('unbalanced_entry');
      const unknown = { ...cashSale(books, '5.00'), lines: [{ account: 'NOPE', debit: '5.00' }, { account: books.revenue, credit: '5.00' }] };
      expect(errorOf(await mcp.client.callTool({ name: 'propose_journal_entry', arguments: { entry: unknown } })).code).toBe('unknown_account');
    } finally {
      await mcp.close();
    }
  });

  it('post_journal_entry (sandbox key): needs an idempotency_key and posts once however often retried', async () => {
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key);
    try {
      const noKey = await mcp.client.callTool({ name: 'post_journal_entry', arguments: { entry: cashSale(books, '9.00') } });
      expect(noKey.isError).toBe(true);
      const before = await tenant.sandbox.entryCount();
      const args = { entry: cashSale(books, '9.00'), idempotency_key: `sale-${randomBytes(4).toString('hex')}` };
      const first = structuredOf(await mcp.client.callTool({ name: 'post_journal_entry', arguments: args }));
      const again = structuredOf(await mcp.client.callTool({ name: 'post_journal_entry', arguments: args }));
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ entry: first.entry, replayed: true });
      expect(await tenant.sandbox.entryCount()).toBe(before + 1);
      const reused = errorOf(await mcp.client.callTool({ name: 'post_journal_entry', arguments: { ...args, entry: cashSale(books, '8.00') } }));
      expect(reused.code).toBe('idempotency_key_reused');
    } finally {
      await mcp.close();
    }
  });

  it('production: an owner key without direct agent posting may propose but not post; a developer key may do neither', async () => {
    const owner = await tenant.production();
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const user = await admin.createUser(`dev-${randomBytes(4).toString('hex')}@mcp.example`);
    await admin.addMember(tenant.tenantId, user.id, 'developer');
    const developer = await admin.createKey(tenant.tenantId, { environment: 'production', user_id: user.id });
    const namesFor = async (key: string) => {
      const mcp = await connectMcp(links.url('production'), key);
      try {
        return (await mcp.client.listTools()).tools.map((t) => t.name);
      } finally {
        await mcp.close();
      }
    };
    const ownerTools = await namesFor(owner.key);
    expect(ownerTools).toContain('propose_journal_entry');
    expect(ownerTools).not.toContain('post_journal_entry');
    const developerTools = await namesFor(developer.key);
    expect(developerTools).not.toContain('propose_journal_entry');
    expect(developerTools).not.toContain('post_journal_entry');
    const mcp = await connectMcp(links.url('production'), owner.key);
    try {
      const refused = mcp.client.callTool({ name: 'post_journal_entry', arguments: { entry: cashSale(books, '1.00'), idempotency_key: 'prod-1' } });
      await expect(refused).rejects.toThrow(/post_journal_entry not found/);
      expect(await owner.entryCount()).toBe(0);
    } finally {
      await mcp.close();
    }
  });

  it('production: an owner turns on agent_posting (PATCH /admin/v1/api-keys/{id}); the key is then offered post_journal_entry and posts once per idempotency_key; turned off, the tool is gone', async () => {
    const owner = await tenant.production();
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const [cash, revenue] = [`PC${randomBytes(3).toString('hex')}`, `PV${randomBytes(3).toString('hex')}`];
    await owner.createAccount(cash, 'asset');
    await owner.createAccount(revenue, 'revenue');
    const sale = cashSale({ ...books, cash, revenue }, '12.00');
    const toolsOf = async () => {
      const mcp = await connectMcp(links.url('production'), owner.key);
      try {
        return (await mcp.client.listTools()).tools.map((t) => t.name);
      } finally {
        await mcp.close();
      }
    };
    expect(await toolsOf()).not.toContain('post_journal_entry');
    expect(await admin.request('PATCH', `/api-keys/${owner.keyId}`, { agent_posting: true })).toMatchObject({ id: owner.keyId, agent_posting: true });
    expect(await toolsOf()).toContain('post_journal_entry');
    const mcp = await connectMcp(links.url('production'), owner.key, { era: 'modern' });
    try {
      const args = { entry: sale, idempotency_key: `prod-${randomBytes(4).toString('hex')}` };
      const first = structuredOf(await mcp.client.callTool({ name: 'post_journal_entry', arguments: args }));
      const again = structuredOf(await mcp.client.callTool({ name: 'post_journal_entry', arguments: args }));
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ entry: first.entry, replayed: true });
      expect(await owner.entryCount()).toBe(1);
      expect(await owner.balance(cash)).toBe('12.00');
    } finally {
      await mcp.close();
    }
    await admin.request('PATCH', `/api-keys/${owner.keyId}`, { agent_posting: false });
    expect(await toolsOf()).not.toContain('post_journal_entry');
  });

  it('a read-only production key of an owner sees no write tool, and agent_posting cannot be turned on for it', async () => {
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const readOnly = await admin.createKey(tenant.tenantId, { environment: 'production', user_id: tenant.userId, permissions: ['read'] });
    const refused = await call(links.url('console'), 'PATCH', `/admin/v1/api-keys/${readOnly.id}`, { token: links.adminToken, body: { agent_posting: true } });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('permission_exceeds_role');
    const mcp = await connectMcp(links.url('production'), readOnly.key);
    try {
      const tools = (await mcp.client.listTools()).tools;
      expect(tools.map((t) => t.name)).toContain('list_journal_entries');
      expect(tools.filter((t) => !t.annotations?.readOnlyHint).map((t) => t.name)).toEqual([]);
    } finally {
      await mcp.close();
    }
  });
});
