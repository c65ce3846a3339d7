/**
 * The MCP endpoint through the official SDK client over real HTTP: both protocol eras and both ways
 * of sending the key; every tool listed with its metadata and called, its answer valid against its
 * output schema and mirrored as text; bad arguments and business errors come back as isError
 * results; lists page with a cursor and stay under the size limit; every call is audited.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type LedgerTenant } from '../ledger/ledgerClient.js';
import { waitForJob } from '../records/accountingRunClient.js';
import { connectMcp, errorOf, structuredOf, type McpConnection } from './mcpClient.js';
import { argumentsFor, cashSale, createMcpBooks, type McpBooks } from './toolCases.js';

describe.skipIf(!postgresAvailable())('MCP tools', () => {
  let links: TestLinks;
  let tenant: LedgerTenant;
  let books: McpBooks;

  useTestServer(async (started) => {
    links = started;
    tenant = await createLedgerTenant(links, 'Mcp');
    books = await createMcpBooks(links.url('sandbox'), tenant.sandbox.key);
  });

  describe.each([
    ['legacy', 'header'],
    ['modern', 'query'],
  ] as const)('%s era, key in the %s', (era, via) => {
    let mcp: McpConnection;
    beforeAll(async () => {
      mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key, { era, via });
      return () => mcp.close();
    });

    it('negotiates its era', () => {
      expect(mcp.client.getProtocolEra()).toBe(era);
    });

    it('lists every tool with a title, a description of its side effects, schemas and all four annotations', async () => {
      const { tools } = await mcp.client.listTools();
      expect(tools.map((t) => t.name)).toContain(books.sourceTool);
      expect(tools.length).toBeGreaterThanOrEqual(16);
      expect(tools.filter((t) => !t.annotations?.readOnlyHint).map((t) => t.name)).toEqual(['propose_journal_entry', 'post_journal_entry']);
      for (const tool of tools) {
        expect(tool.title, tool.name).toBeTruthy();
        expect(tool.description, tool.name).toMatch(tool.annotations?.readOnlyHint ? /Read-only: changes nothing\./ : /Side effects: /);
        expect(tool.inputSchema.type).toBe('object');
        expect((tool.inputSchema.properties as Record<string, unknown>).tenant_id, tool.name).toBeDefined();
        expect(tool.outputSchema?.type, tool.name).toBe('object');
        const { readOnlyHint, destructiveHint, idempotentHint, openWorldHint } = tool.annotations ?? {};
        expect([typeof readOnlyHint, destructiveHint, typeof idempotentHint, typeof openWorldHint], tool.name).toEqual(['boolean', false, 'boolean', 'boolean']);
        if (readOnlyHint) expect(idempotentHint, tool.name).toBe(true);
      }
    });

    it('calls every tool: structuredContent valid against its outputSchema and mirrored as text', async () => {
      const { tools } = await mcp.client.listTools();
      const ajv = new Ajv2020({ strict: false });
      for (const tool of tools) {
        const args = argumentsFor(tool.name, books);
        expect(args, `no test arguments for tool ${tool.name} (test/mcp/toolCases.ts)`).toBeDefined();
        const result = await mcp.client.callTool({ name: tool.name, arguments: { ...args, tenant_id: tenant.tenantId } }).catch((error: Error) => {
          throw new Error(`${tool.name}: ${error.message}`);
        });
        const structured = structuredOf(result);
        const validate = ajv.compile(tool.outputSchema!);
        expect(validate(structured), `${tool.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(JSON.parse((result.content as Array<{ text: string }>)[0]!.text)).toEqual(structured);
      }
    });

    it('answers what the books hold, money as decimal strings', async () => {
      const balance = structuredOf(await mcp.client.callTool({ name: 'get_account_balance', arguments: { account: books.receivable } }));
      expect(balance.balances).toEqual([{ currency: 'USD', debits: '100.00', credits: '0.00', balance: '100.00' }]);
      const entries = structuredOf(await mcp.client.callTool({ name: 'list_journal_entries', arguments: { text: 'CONSULTING', fields: ['id', 'reference'] } }));
      expect(entries.data).toEqual([{ id: books.entryId, reference: books.reference }]);
      const entry = structuredOf(await mcp.client.callTool({ name: 'get_journal_entry', arguments: { id: books.entryId } }));
      expect(entry.audit_trail).toEqual([expect.objectContaining({ action: 'journal_entry.posted', actor: { type: 'api_key', id: tenant.sandbox.keyId } })]);
      const rows = structuredOf(await mcp.client.callTool({ name: books.sourceTool, arguments: { filters: { city: 'London' } } }));
      expect(rows.rows).toEqual([{ id: 'cus_1', name: books.sourceMarker, city: 'London' }]);
    });

    it('bad arguments, a foreign tenant_id and business errors are isError results the model can read', async () => {
      const badDate = await mcp.client.callTool({ name: 'get_account_balance', arguments: { account: books.cash, as_of: 'yesterday' } });
      expect(badDate.isError).toBe(true);
      expect(JSON.stringify(badDate.content)).toMatch(/as_of/);
      const missing = errorOf(await mcp.client.callTool({ name: 'get_account_balance', arguments: { account: 'NOPE' } }));
      expect(missing.code).toBe('not_found');
      const otherTenant = errorOf(await mcp.client.callTool({ name: 'whoami', arguments: { tenant_id: '00000000-0000-4000-8000-000000000000' } }));
      expect(otherTenant).toMatchObject({ code: 'forbidden' });
      for (const [name, args] of [
        ['get_record', { model: 'customer', id: 'nope' }],
        ['get_customer_balance', { customer_id: 'nope' }],
        ['list_gl_transfers', { connection_id: 'nope' }],
      ] as const) {
        const notAnId = await mcp.client.callTool({ name, arguments: args });
        expect(notAnId.isError, name).toBe(true);
        expect(JSON.stringify(notAnId.content), name).toMatch(/UUID/i);
      }
      const unknownColumn = errorOf(await mcp.client.callTool({ name: 'query_data_source', arguments: { source_id: books.sourceId, filters: { nope: 'x' } } }));
      expect(unknownColumn.code).toBe('invalid_request');
    });
  });

  it('lists page by cursor; a cursor of another tool or tenant is refused', async () => {
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key);
    try {
      const first = structuredOf(await mcp.client.callTool({ name: 'list_accounts', arguments: { limit: 2 } }));
      expect(first.data).toHaveLength(2);
      const second = structuredOf(await mcp.client.callTool({ name: 'list_accounts', arguments: { limit: 2, cursor: first.next_cursor } }));
      expect(second.next_cursor).toBeNull();
      expect([...first.data, ...second.data].map((a: { code: string }) => a.code)).toEqual([books.cash, books.receivable, books.revenue]);
      const misplaced = errorOf(await mcp.client.callTool({ name: 'list_records', arguments: { model: 'customer', cursor: first.next_cursor } }));
      expect(misplaced.code).toBe('invalid_request');
    } finally {
      await mcp.close();
    }
  });

  it('list_gl_connections and list_gl_transfers: what the GL connection queued, paged by cursor; a REST cursor is refused', async () => {
    await tenant.sandbox.ok('POST', '/journal-entries', cashSale(books, '4.00'));
    expect((await waitForJob(tenant.sandbox, (await tenant.sandbox.ok('POST', `/gl-connections/${books.glConnectionId}/run`, undefined, [202])).id)).status).toBe('succeeded');
    const rest = (await tenant.sandbox.get(`/gl-connections/${books.glConnectionId}/transfers?limit=1`)).body;
    const all = await tenant.sandbox.ok('GET', `/gl-connections/${books.glConnectionId}/transfers?limit=100`);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key, { era: 'modern' });
    try {
      const connections = structuredOf(await mcp.client.callTool({ name: 'list_gl_connections', arguments: {} }));
      expect(connections.data).toEqual([expect.objectContaining({ id: books.glConnectionId, provider: 'webhook', status: 'paused' })]);
      expect(JSON.stringify(connections)).not.toContain('127.0.0.1:9'); // the webhook URL is a credential
      const seen: Array<{ id: string; entry_ids: string[]; entry_count: number }> = [];
      let cursor: string | undefined;
      for (let i = 0; i <= all.length; i++) {
        const page = structuredOf(await mcp.client.callTool({ name: 'list_gl_transfers', arguments: { connection_id: books.glConnectionId, limit: 1, ...(cursor ? { cursor } : {}) } }));
        seen.push(...page.data);
        cursor = page.next_cursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen.map((t) => t.id)).toEqual(all.map((t: { id: string }) => t.id));
      expect(seen[0]).toMatchObject({ status: 'pending', entry_ids: [books.entryId], entry_count: 1 });
      const restCursor = errorOf(await mcp.client.callTool({ name: 'list_gl_transfers', arguments: { connection_id: books.glConnectionId, cursor: rest.next_cursor } }));
      expect(restCursor.code).toBe('invalid_request');
      const unknown = errorOf(await mcp.client.callTool({ name: 'list_gl_transfers', arguments: { connection_id: '00000000-0000-7000-8000-000000000000' } }));
      expect(unknown.code).toBe('not_found');
    } finally {
      await mcp.close();
    }
  });

  it('list_gl_transfers: a summarized transfer shows its entry count and at most 50 of its entry ids', async () => {
    const daily = await tenant.sandbox.ok('POST', '/gl-connections', {
      provider: 'webhook',
      name: 'daily erp',
      credentials: { url: 'http://127.0.0.1:9/daily' },
      settings: { start_date: '2026-04-10', summarize: 'daily', paused: true },
    });
    for (let i = 0; i < 55; i++) await tenant.sandbox.ok('POST', '/journal-entries', cashSale(books, '1.00', '2026-04-10'));
    expect((await waitForJob(tenant.sandbox, (await tenant.sandbox.ok('POST', `/gl-connections/${daily.id}/run`, undefined, [202])).id)).status).toBe('succeeded');
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key);
    try {
      const page = structuredOf(await mcp.client.callTool({ name: 'list_gl_transfers', arguments: { connection_id: daily.id } }));
      const [transfer] = page.data.filter((t: { date: string }) => t.date === '2026-04-10');
      expect(transfer.entry_count).toBe(55);
      expect(transfer.entry_ids).toHaveLength(50);
    } finally {
      await mcp.close();
    }
  });

  it('a large answer stops under 100,000 characters with a cursor for the rest', async () => {
    const wide = 'x'.repeat(2000);
    const csv = `id,note\n${Array.from({ length: 120 }, (_, i) => `r${i},${wide}`).join('\n')}\n`;
    const source = await tenant.sandbox.ok('POST', '/external-connections', { name: 'wide notes', type: 'csv', csv });
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key, { era: 'modern' });
    try {
      let cursor: string | undefined;
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        const result = await mcp.client.callTool({ name: 'query_data_source', arguments: { source_id: source.id, limit: 100, ...(cursor ? { cursor } : {}) } });
        expect((result.content as Array<{ text: string }>)[0]!.text.length).toBeLessThan(100_000);
        const page = structuredOf(result);
        seen.push(...page.rows.map((r: { id: string }) => r.id));
        cursor = page.next_cursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `r${i}`));
    } finally {
      await mcp.close();
    }
  });

  it('every tool call is audited with the key and the tool, and no audit row holds a key', async () => {
    const key = tenant.sandbox.key;
    const mcp = await connectMcp(links.url('sandbox'), key, { via: 'query' });
    await mcp.client.callTool({ name: 'get_trial_balance', arguments: {} });
    await mcp.close();
    const audit = await tenant.sandbox.get('/audit-events?limit=100');
    expect(audit.status).toBe(200);
    expect(audit.body.data).toContainEqual(
      expect.objectContaining({ action: 'mcp.tool_called', resource_type: 'mcp_tool', resource_id: 'get_trial_balance', actor: { type: 'api_key', id: tenant.sandbox.keyId } }),
    );
    expect(audit.text).not.toContain(key.slice(-20));
    expect(links.logs.join('')).toContain('"tool":"get_trial_balance"');
  });

  it('a read-only key is shown no write tool, and calling one is an error', async () => {
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const readOnly = await admin.createKey(tenant.tenantId, { environment: 'sandbox', user_id: tenant.userId, permissions: ['read'] });
    const mcp = await connectMcp(links.url('sandbox'), readOnly.key);
    try {
      const { tools } = await mcp.client.listTools();
      expect(tools.length).toBeGreaterThanOrEqual(16);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      const before = await tenant.sandbox.entryCount();
      // A tool the key is not offered does not exist for it: a protocol error (-32602 tool not found).
      await expect(mcp.client.callTool({ name: 'propose_journal_entry', arguments: { entry: cashSale(books, '1.00') } })).rejects.toThrow(/propose_journal_entry not found/);
      expect(await tenant.sandbox.entryCount()).toBe(before);
    } finally {
      await mcp.close();
    }
  });

  it('publishing a data source: a bad tool name is 400, a taken one 409; at most 20 become tools, the rest stay queryable', async () => {
    const connection = (name: string, mcp: Record<string, unknown>) =>
      tenant.sandbox.post('/external-connections', { name, type: 'csv', csv: `id,n\n${name},1\n`, mcp });
    const bad = await connection('bad name', { enabled: true, tool_name: 'Drop Tables!' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('mcp.tool_name');
    const taken = await connection('taken name', { enabled: true, tool_name: books.sourceTool.replace(/^source_/, '') });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ path: 'mcp.tool_name', message: 'taken' }]);
    // The test's books published one source already; 20 more make 21.
    const created: Array<{ id: string; mcp: { tool_name: string } }> = [];
    for (let i = 1; i <= 20; i++) created.push((await connection(`Cap Source ${i}`, { enabled: true })).body.data);
    expect(created[0]!.mcp.tool_name).toBe('cap_source_1');
    const mcp = await connectMcp(links.url('sandbox'), tenant.sandbox.key);
    try {
      const sourceTools = (await mcp.client.listTools()).tools.map((t) => t.name).filter((n) => n.startsWith('source_'));
      expect(sourceTools).toHaveLength(20);
      expect(sourceTools).toContain(books.sourceTool);
      expect(sourceTools).not.toContain('source_cap_source_20');
      const last = structuredOf(await mcp.client.callTool({ name: 'query_data_source', arguments: { source_id: created[19]!.id } }));
      expect(last.rows).toEqual([{ id: 'Cap Source 20', n: '1' }]);
    } finally {
      await mcp.close();
    }
  });
});
