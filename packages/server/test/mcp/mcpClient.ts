/** An MCP client of the official SDK, connected over real HTTP to a test server's /api/v1/mcp. */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

export type Era = 'legacy' | 'modern';

export interface McpConnection {
  client: Client;
  close(): Promise<void>;
}

/** `era` legacy: the 2025 initialize handshake; modern: the 2026-07-28 revision (server/discover). `via` query: the key as ?apiKey=. */
export async function connectMcp(origin: string, key: string, options: { era?: Era; via?: 'header' | 'query' } = {}): Promise<McpConnection> {
  const via = options.via ?? 'header';
  const url = new URL('/api/v1/mcp', origin);
  if (via === 'query') url.searchParams.set('apiKey', key);
  const transport = new StreamableHTTPClientTransport(url, via === 'header' ? { requestInit: { headers: { authorization: `Bearer ${key}` } } } : {});
  const client = new Client(
    { name: 'links-test', version: '1.0.0' },
    { versionNegotiation: { mode: options.era === 'modern' ? { pin: '2026-07-28' } : 'legacy' } },
  );
  await client.connect(transport);
  return { client, close: () => client.close() };
}

/** The JSON a tool answered (its structuredContent), failing on an isError result. */
export function structuredOf(result: { isError?: boolean; content?: unknown; structuredContent?: unknown }): any {
  if (result.isError) throw new Error(`tool failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent;
}

/** The contract error of an isError result. */
export function errorOf(result: { isError?: boolean; content?: unknown }): { code: string; message: string } {
  if (!result.isError) throw new Error(`expected an isError result, got ${JSON.stringify(result)}`);
  const [first] = result.content as Array<{ type: string; text: string }>;
  try {
    return JSON.parse(first!.text).error;
  } catch {
    return { code: 'sdk', message: first!.text };
  }
}
