import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a Neo4j, to play the failures a database has without stopping the one the test run
 * shares:
 * - `freeze()`: everything sent either way is held, connections stay open and new ones are accepted, as when
 *   the Java process is stopped (SIGSTOP, a long GC pause, a suspended VM) or the network path drops
 *   packets without a reset; `thaw()` delivers what was held, in order, as a resumed process reads it.
 * - `kill()`: every connection is cut and the port stops listening, so reconnects are refused, as when the
 *   process dies; `killAfterClientBytes` does that once the client has sent more than that many bytes.
 */
export interface TcpProxy {
  /** `bolt://127.0.0.1:<port>` of the proxy. */
  readonly uri: string;
  /** Whether `kill()` happened (by hand or after `killAfterClientBytes`). */
  readonly killed: boolean;
  freeze(): void;
  thaw(): void;
  kill(): void;
}

export function startTcpProxy(target: URL, { killAfterClientBytes = Number.POSITIVE_INFINITY } = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const thawing = new Set<() => void>();
  let clientBytes = 0;
  let frozen = false;
  let killed = false;

  const kill = (): void => {
    killed = true;
    server.close();
    for (const socket of sockets) socket.destroy();
  };

  /** Forwards `from`'s data to `to`, holding it while frozen; returns what delivers the held data. */
  const pipe = (from: Socket, to: Socket, counted: boolean): (() => void) => {
    const held: Buffer[] = [];
    const deliver = (): void => {
      for (const chunk of held.splice(0)) to.write(chunk);
    };
    thawing.add(deliver);
    from.on('data', (chunk: Buffer) => {
      if (counted) {
        clientBytes += chunk.length;
        if (clientBytes > killAfterClientBytes && !killed) return kill();
      }
      if (frozen) held.push(chunk);
      else to.write(chunk);
    });
    return deliver;
  };

  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    const delivers = [pipe(client, upstream, true), pipe(upstream, client, false)];
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
        for (const deliver of delivers) thawing.delete(deliver);
      });
    }
  });

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        uri: `bolt://127.0.0.1:${port}`,
        get killed() {
          return killed;
        },
        freeze() {
          frozen = true;
        },
        thaw() {
          frozen = false;
          for (const deliver of thawing) deliver();
        },
        kill,
      });
    });
  });
}
