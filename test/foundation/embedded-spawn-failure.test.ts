import { afterAll, describe, expect, it } from 'vitest';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from '../../src/db/embedded.js';
import { createTestLogger, openTestDatabase, SHORT_LIVED_JVM_OPTIONS, tempDir } from '../support/neo4j.js';
import { anyFreePort } from '../support/ports.js';

/**
 * The API restarts its embedded Neo4j with the `java` found on the PATH at that moment. When it cannot be
 * spawned (Java uninstalled or upgraded away under a running API; EAGAIN at the process limit), Node reports
 * an 'error' event on the child and no exit: unheard, that was an uncaught exception that ended the API. Here
 * the JVM of a supervised Neo4j (this file's own port and store) is killed while the PATH holds no `java`.
 */
const logger = createTestLogger();
const dir = tempDir('practice-graph-embedded-spawn');
const noJava = tempDir('practice-graph-no-java');
const PATH = process.env.PATH;
let supervised: SupervisedNeo4j | undefined;

afterAll(async () => {
  process.env.PATH = PATH;
  await supervised?.stop();
  dir.remove();
  noJava.remove();
});

const FAILED = 'restarting the embedded Neo4j failed; trying again';

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms; log: ${JSON.stringify(logger.lines.slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('restarting the embedded Neo4j when `java` cannot be spawned', () => {
  it('fails that restart with a clear error, tries again, and recovers once java is back', { timeout: 240_000 }, async () => {
    const port = await anyFreePort();
    supervised = await superviseEmbeddedNeo4j(
      { port, dataDir: dir.path, startTimeoutMs: 170_000, javaOptions: SHORT_LIVED_JVM_OPTIONS, logger },
      { restart: true, firstRestartDelayMs: 100, maxRestartDelayMs: 1_000 },
    );
    const restarted = new Promise<void>((resolve) => supervised!.onRestart(resolve));

    process.env.PATH = noJava.path;
    process.kill(supervised.pid!, 'SIGKILL');
    // At once, not after the 170 s a start may take: the spawn failed, so nothing will print a ready line.
    await until(() => logger.lines.filter((line) => line.message === FAILED).length >= 2, 20_000);
    const failure = logger.lines.find((line) => line.message === FAILED)!;
    expect(failure).toMatchObject({ level: 'error', fields: { error: expect.stringMatching(/could not be started \(spawn java ENOENT\): `java` is not on the PATH/) } });

    process.env.PATH = PATH;
    await restarted;
    expect(supervised.restarts).toBe(1);
    const db = openTestDatabase(supervised.uri, logger);
    try {
      expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
