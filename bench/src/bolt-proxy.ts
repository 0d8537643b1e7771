import net from 'node:net';

/** What the proxy has seen clients send since the last `reset()`. */
export interface BoltCounts {
  /** Bolt RUN messages: one per Cypher statement, i.e. one database round trip in our sense. */
  runs: number;
  /** Bolt BEGIN messages: explicit transactions (managed transactions send one each). */
  begins: number;
  /** Bytes Neo4j sent back (records and metadata): how much data a client pulls per request. */
  bytesFromServer: number;
}

/** A counting TCP proxy in front of Neo4j's Bolt port. */
export interface BoltProxy {
  readonly uri: string;
  counts(): BoltCounts;
  /** The start of every statement sent since the last `reset()` (for diagnosing round-trip counts). */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
}

const RUN = 0x10;
const BEGIN = 0x11;
const MANIFEST_V1 = 0x000001ff;

/**
 * Forwards Bolt connections to `target` and counts the statements clients send, so the benchmark can
 * report database round trips for any client (our API, @neo4j/graphql, raw driver) without changing it.
 *
 * Bolt framing (client to server): a 20-byte handshake (magic + 4 proposed versions); with handshake
 * manifest v1 (server answers 0x000001FF) the client then sends a 4-byte version and a varint of
 * capabilities. After that, messages are chunked: a 2-byte size then that many bytes, a message ending
 * with a zero-size chunk; a message's first chunk starts with a struct marker (0xB0 | fields) and the
 * signature byte (RUN 0x10, BEGIN 0x11, ...). Only the client-to-server direction is parsed.
 */
export async function startBoltProxy(targetHost: string, targetPort: number): Promise<BoltProxy> {
  let counts: BoltCounts = { runs: 0, begins: 0, bytesFromServer: 0 };
  let statements: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client);
    sockets.add(upstream);
    const parser = new ClientStreamParser((signature, head) => {
      if (signature === RUN) {
        counts.runs++;
        statements.push(runStatement(head));
      } else if (signature === BEGIN) counts.begins++;
    });
    let serverHandshake = Buffer.alloc(0);
    upstream.on('data', (chunk: Buffer) => {
      counts.bytesFromServer += chunk.length;
      if (!parser.knowsHandshake && serverHandshake.length < 4) {
        serverHandshake = Buffer.concat([serverHandshake, chunk]);
        if (serverHandshake.length >= 4) parser.serverChose(serverHandshake.readUInt32BE(0));
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    statements: () => [...statements],
    reset: () => {
      counts = { runs: 0, begins: 0, bytesFromServer: 0 };
      statements = [];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Incremental parser of the client-to-server byte stream (TCP may split anything anywhere). */
class ClientStreamParser {
  /** Bytes of the fixed 20-byte handshake still to skip. */
  private handshakeLeft = 20;
  /** Set once the server's 4-byte answer is known: whether a manifest selection follows. */
  private manifest: boolean | undefined;
  /** Manifest selection: 4 version bytes, then a varint (ends at a byte without the high bit). */
  private selectionLeft = 4;
  private selectionVarintDone = false;
  private pending: Buffer[] = [];
  // Chunk state.
  private headerBytes: number[] = [];
  private chunkLeft = 0;
  private atMessageStart = true;
  /** The first bytes of the current message (marker, signature, start of the first field). */
  private head: number[] = [];
  private reported = false;

  constructor(private readonly onMessage: (signature: number, head: Buffer) => void) {}

  get knowsHandshake(): boolean {
    return this.manifest !== undefined;
  }

  serverChose(version: number): void {
    this.manifest = version === MANIFEST_V1;
    const queued = this.pending;
    this.pending = [];
    for (const chunk of queued) this.push(chunk);
  }

  push(chunk: Buffer): void {
    let i = 0;
    if (this.handshakeLeft > 0) {
      const skip = Math.min(this.handshakeLeft, chunk.length);
      this.handshakeLeft -= skip;
      i = skip;
      if (i >= chunk.length) return;
    }
    if (this.manifest === undefined) {
      // The client cannot send messages before the server answered; keep whatever came early.
      this.pending.push(chunk.subarray(i));
      return;
    }
    if (this.manifest && !this.selectionVarintDone) {
      while (i < chunk.length && this.selectionLeft > 0) {
        this.selectionLeft--;
        i++;
      }
      while (i < chunk.length && this.selectionLeft === 0 && !this.selectionVarintDone) {
        if ((chunk[i]! & 0x80) === 0) this.selectionVarintDone = true;
        i++;
      }
      if (!this.selectionVarintDone) return;
    }
    while (i < chunk.length) {
      if (this.chunkLeft === 0) {
        this.headerBytes.push(chunk[i]!);
        i++;
        if (this.headerBytes.length < 2) continue;
        const size = (this.headerBytes[0]! << 8) | this.headerBytes[1]!;
        this.headerBytes = [];
        if (size === 0) {
          // End of message (or a NOOP keep-alive chunk between messages).
          this.report();
          this.atMessageStart = true;
          this.reported = false;
          this.head = [];
        } else {
          this.chunkLeft = size;
        }
        continue;
      }
      const take = Math.min(this.chunkLeft, chunk.length - i);
      if (this.atMessageStart) {
        for (let k = 0; k < take && this.head.length < HEAD_BYTES; k++) this.head.push(chunk[i + k]!);
        if (this.head.length >= HEAD_BYTES) this.report();
      }
      this.chunkLeft -= take;
      i += take;
    }
  }

  private report(): void {
    if (this.reported || this.head.length < 2) return;
    this.reported = true;
    this.atMessageStart = false;
    this.onMessage(this.head[1]!, Buffer.from(this.head));
  }
}

/** Bytes of a message kept for `statements()`. */
const HEAD_BYTES = 400;

/** The (start of the) Cypher text of a RUN message: its first field, a PackStream string. */
function runStatement(head: Buffer): string {
  let at = 2;
  const marker = head[at++];
  let length: number;
  if (marker === undefined) return '';
  if ((marker & 0xf0) === 0x80) length = marker & 0x0f;
  else if (marker === 0xd0) length = head[at++] ?? 0;
  else if (marker === 0xd1) {
    length = head.readUInt16BE(at);
    at += 2;
  } else if (marker === 0xd2) {
    length = head.readUInt32BE(at);
    at += 4;
  } else return '?';
  return head.subarray(at, Math.min(head.length, at + length)).toString('utf8').replace(/\s+/g, ' ').trim();
}
