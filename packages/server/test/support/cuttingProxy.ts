/**
 * A TCP proxy between Links and PostgreSQL that passes everything through until armed, then cuts one
 * connection right after the database has finished a chosen statement: the query went through, the
 * server executed and committed it (its ReadyForQuery came back), and the answer is thrown away with
 * the connection. That is a connection lost after COMMIT, made deterministic.
 */
import net from 'node:net';

/** ReadyForQuery: 'Z', length 5 (the status byte follows). */
const READY_FOR_QUERY = Buffer.from([0x5a, 0, 0, 0, 5]);

export interface CuttingProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  /**
   * Cuts the first connection whose statement (the client's bytes since the server last answered)
   * matches, once it has been executed. Resolves with that statement's text once cut.
   */
  cutAfterCommit(matches: (statement: string) => boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startCuttingProxy(target: { host: string; port: number }): Promise<CuttingProxy> {
  let armed: { matches: (statement: string) => boolean; cut: (statement: string) => void } | undefined;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let statement = '';
    let doomed: { text: string; cut: (statement: string) => void } | undefined;
    let answer = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (!armed || doomed) return;
      statement += chunk.toString('latin1');
      if (armed.matches(statement)) {
        doomed = { text: statement, cut: armed.cut };
        armed = undefined;
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!doomed) {
        statement = '';
        client.write(chunk);
        return;
      }
      answer = Buffer.concat([answer, chunk]);
      if (answer.indexOf(READY_FOR_QUERY) < 0) return;
      client.destroy();
      upstream.destroy();
      doomed.cut(doomed.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    via(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    cutAfterCommit(matches) {
      return new Promise((cut) => (armed = { matches, cut }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
