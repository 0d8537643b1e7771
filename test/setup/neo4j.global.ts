import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../src/db/migrations.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import { loadSeed } from '../../src/import/seed.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, tempDir } from '../support/neo4j.js';
import { anyFreePort, testPort } from '../support/ports.js';

/**
 * One Neo4j for the whole test run. With NEO4J_TEST_URI the tests use that server and nothing is started;
 * otherwise an embedded Neo4j runs on NEO4J_TEST_PORT (default 7697, or a free port when that is taken)
 * in a throw-away directory.
 * Either way migrations are applied and the seed is loaded (both idempotent, MERGE by id); nothing is
 * ever wiped: tests isolate by unique ids. Test files get the URI with `inject('neo4jUri')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger((process.env.TEST_LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error' | undefined) ?? 'warn');
  const started = Date.now();
  const given = process.env.NEO4J_TEST_URI?.trim();

  let embedded: EmbeddedNeo4j | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  let uri: string;
  if (given) {
    uri = given;
  } else {
    // An explicit NEO4J_TEST_PORT is used as given; the default 7697 gives way to a free port when taken
    // (another test run on this machine).
    const port = process.env.NEO4J_TEST_PORT ? Number(process.env.NEO4J_TEST_PORT) : await testPort(7697);
    dir = tempDir('practice-graph-test-neo4j');
    const start = (bolt: number) => startEmbeddedNeo4j({ port: bolt, dataDir: dir!.path, startTimeoutMs: 170_000, logger });
    try {
      embedded = await start(port).catch(async (error: Error) => {
        // Lost a race for the default port to another run starting at the same moment: take any free one.
        if (process.env.NEO4J_TEST_PORT || !/ is in use/.test(error.message)) throw error;
        return start(await anyFreePort());
      });
    } catch (error) {
      dir.remove();
      throw error;
    }
    uri = embedded.uri;
  }

  // Migrations and the seed are big transactions: on a busy machine they outlast the 10 s query timeout.
  const db = openTestDatabase(uri, logger, { queryTimeoutMs: 120_000 });
  try {
    await applyMigrations(db);
    await loadSeed(db);
  } catch (error) {
    await db.close();
    await embedded?.stop();
    dir?.remove();
    throw error;
  }
  await db.close();
  if (process.env.TEST_LOG_LEVEL) logger.info('test Neo4j ready', { uri, embedded: Boolean(embedded), ms: Date.now() - started });

  project.provide('neo4jUri', uri);

  return async () => {
    await embedded?.stop();
    dir?.remove();
  };
}
