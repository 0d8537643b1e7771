import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EmbeddedNeo4j } from '../../src/db/embedded.js';
import { createTestLogger, openTestDatabase, startShortLivedNeo4j, tempDir, uniqueId } from '../support/neo4j.js';
import { testPort } from '../support/ports.js';

/**
 * The embedded Neo4j's life cycle on its own port and store (not the test run's shared one):
 * SIGTERM shuts it down cleanly, so the next start on the same store finds its data and needs no
 * recovery; a SIGKILL, by contrast, leaves a store that Neo4j recovers on the next start.
 */
const PORT = await testPort(Number(process.env.NEO4J_TEST_EXTRA_PORT ?? 7698));
const logger = createTestLogger();
const dir = tempDir('practice-graph-embedded-test');
const debugLog = join(dir.path, 'logs', 'debug.log');
/** What Neo4j 5 writes to debug.log when a store was not shut down cleanly (checked by experiment). */
const RECOVERY = /Recovery required from position|Transaction logs recovery is required/;

/** Each test starts or stops a JVM: well over the default 30 s on a busy two-core machine. */
const START_TIMEOUT_MS = 180_000;

let running: EmbeddedNeo4j | undefined;

async function start(): Promise<{ neo4j: EmbeddedNeo4j; logFrom: number }> {
  // Only the debug.log lines written by this start count.
  const logFrom = existsSync(debugLog) ? statSync(debugLog).size : 0;
  running = await startShortLivedNeo4j(PORT, dir.path, logger);
  return { neo4j: running, logFrom };
}

function logSince(offset: number): string {
  return readFileSync(debugLog).subarray(offset).toString('utf8');
}

async function withDb<T>(neo4j: EmbeddedNeo4j, work: (db: ReturnType<typeof openTestDatabase>) => Promise<T>): Promise<T> {
  const db = openTestDatabase(neo4j.uri, logger);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const probeCount = (db: ReturnType<typeof openTestDatabase>, id: string) =>
  db.read('MATCH (n:EmbeddedProbe {id: $id}) RETURN count(n) AS n', { id }).then((rows) => rows[0]!.n);

afterAll(async () => {
  await running?.stop();
  dir.remove();
});

describe('embedded Neo4j', () => {
  const first = uniqueId('probe');
  const second = uniqueId('probe');

  it('starts on its own port and takes a write', async () => {
    const { neo4j, logFrom } = await start();
    expect(neo4j.uri).toBe(`bolt://127.0.0.1:${PORT}`);
    expect(logFrom).toBe(0);
    await withDb(neo4j, (db) => db.write('CREATE (:EmbeddedProbe {id: $id})', { id: first }));
  }, START_TIMEOUT_MS);

  it('stops cleanly on SIGTERM: the launcher reports NEO4J_STOPPED', async () => {
    const result = await running!.stop();
    running = undefined;
    expect(result.clean).toBe(true);
    // The JVM exits with 128+SIGTERM once its shutdown hook (which closes the database) has run.
    expect([0, 143]).toContain(result.code);
  }, START_TIMEOUT_MS);

  it('starts again on the same store with the data there and no recovery', async () => {
    const { neo4j, logFrom } = await start();
    expect(await withDb(neo4j, (db) => probeCount(db, first))).toBe(1);
    const log = logSince(logFrom);
    expect(log).toMatch(/Database init completed|is ready/); // this start's lines are there…
    expect(log).not.toMatch(RECOVERY); // …and none of them is about recovery
  }, START_TIMEOUT_MS);

  it('by contrast, after a SIGKILL the next start has to recover the store (and keeps committed data)', async () => {
    const killed = running!;
    await withDb(killed, (db) => db.write('CREATE (:EmbeddedProbe {id: $id})', { id: second }));
    process.kill(killed.pid, 'SIGKILL');
    await killed.exited;
    running = undefined;

    const { neo4j, logFrom } = await start();
    expect(logSince(logFrom)).toMatch(RECOVERY);
    expect(await withDb(neo4j, (db) => Promise.all([probeCount(db, first), probeCount(db, second)]))).toEqual([1, 1]);
    const result = await neo4j.stop();
    running = undefined;
    expect(result.clean).toBe(true);
  }, START_TIMEOUT_MS);
});
