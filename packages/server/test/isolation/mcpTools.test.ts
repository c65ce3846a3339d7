/**
 * The isolation harness's MCP section: every tool tenant A's sandbox key is offered (write tools
 * and per-source tools included) is called by the keys of another tenant and of A's other
 * environment with the arguments that read A's books; they get nothing of A's. A tool missing from
 * test/mcp/toolCases.ts fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { connectMcp, errorOf, type McpConnection } from '../mcp/mcpClient.js';
import { argumentsFor, createMcpBooks, type McpBooks } from '../mcp/toolCases.js';
import { createIsolationWorld, type IsolationWorld } from './world.js';

describe.skipIf(!postgresAvailable())('isolation harness: MCP tools', () => {
  let links: TestLinks;
  let world: IsolationWorld;
  let books: McpBooks;
  let toolsOfA: string[];

  useTestServer(async (started) => {
    links = started;
    world = await createIsolationWorld(links);
    books = await createMcpBooks(links.url('sandbox'), world.keys.aSandbox);
    const a = await connectMcp(links.url('sandbox'), world.keys.aSandbox);
    toolsOfA = (await a.client.listTools()).tools.map((t) => t.name);
    await a.close();
  });

  /** Everything of A's that must never show elsewhere. */
  const owned = () => [books.entryId, books.customerId, books.sourceId, books.sourceMarker, books.glConnectionId, books.cash, books.reference, world.tenantA.id];

  it("every tool of A's is covered, its own data-source tool included", () => {
    expect(toolsOfA).toContain(books.sourceTool);
    expect(toolsOfA).toContain('post_journal_entry');
    expect(toolsOfA.filter((name) => argumentsFor(name, books) === undefined), 'tools without a case in test/mcp/toolCases.ts').toEqual([]);
  });

  describe.each([
    ['tenant B sandbox', 'bSandbox', 'sandbox'],
    ['tenant B production', 'bProduction', 'production'],
    ['tenant A production', 'aProduction', 'production'],
  ] as const)('%s', (_name, keyName, listener) => {
    let mcp: McpConnection;
    beforeAll(async () => {
      mcp = await connectMcp(links.url(listener), world.keys[keyName]);
      return () => mcp.close();
    });

    it("is not shown A's data-source tool", async () => {
      const names = (await mcp.client.listTools()).tools.map((t) => t.name);
      expect(names).not.toContain(books.sourceTool);
    });

    it("gets nothing of A's from any tool: its own (empty) books, or an error that only echoes what it sent", async () => {
      const secrets = owned().filter((id) => keyName !== 'aProduction' || id !== world.tenantA.id);
      for (const name of toolsOfA) {
        let result: Awaited<ReturnType<typeof mcp.client.callTool>>;
        try {
          result = await mcp.client.callTool({ name, arguments: argumentsFor(name, books) });
        } catch (error) {
          expect(String(error), name).toMatch(/not found/); // a tool this key is not offered does not exist for it
          continue;
        }
        if (result.isError) {
          expect(errorOf(result).code, name).toMatch(/^(not_found|unknown_account|invalid_request)$/);
          continue;
        }
        for (const id of secrets) expect(JSON.stringify(result), `${name} leaked ${id}`).not.toContain(id);
      }
    });

    it("a tenant_id of A's selects nothing: an error", async () => {
      const result = await mcp.client.callTool({ name: 'list_journal_entries', arguments: { tenant_id: world.tenantA.id } });
      if (keyName === 'aProduction') {
        expect(result.isError).toBeFalsy(); // A's own tenant: served from A's production books
        expect(JSON.stringify(result)).not.toContain(books.entryId);
      } else {
        expect(result.isError).toBe(true);
      }
    });
  });
});
