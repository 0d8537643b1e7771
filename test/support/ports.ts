import net from 'node:net';

/** Whether nothing listens on 127.0.0.1:`port` right now (we can bind it). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on: the OS picks one (bound, then released). */
export function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `preferred` when it is free, else any free port: two test runs on one machine (two engineers, or
 * CI next to a dev server) must not fight over the test ports.
 */
export async function testPort(preferred: number): Promise<number> {
  return (await portIsFree(preferred)) ? preferred : anyFreePort();
}
