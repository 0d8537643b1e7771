import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Neo4jConfig } from '../../src/config.js';
import { createDriver, Database } from '../../src/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import type { Logger } from '../../src/logger.js';

/**
 * The Neo4j settings tests use for `uri`: credentials and database from NEO4J_TEST_USER,
 * NEO4J_TEST_PASSWORD and NEO4J_TEST_DATABASE (for a NEO4J_TEST_URI server with auth); the embedded
 * test server needs none of them. Short timeouts, so a broken test fails fast.
 */
export function testNeo4jConfig(uri: string, overrides: Partial<Neo4jConfig> = {}): Neo4jConfig & { uri: string } {
  const env = process.env;
  const config = loadConfig({
    NEO4J_URI: uri,
    NEO4J_USER: env.NEO4J_TEST_USER,
    NEO4J_PASSWORD: env.NEO4J_TEST_PASSWORD,
    NEO4J_DATABASE: env.NEO4J_TEST_DATABASE,
    NEO4J_CONNECT_TIMEOUT_MS: '3000',
  });
  return { ...config.neo4j, ...overrides, uri };
}

/**
 * JVM options for the Neo4j servers a test file starts, stops or kills for itself (never the shared one, which
 * serves the whole run with the default compilers): C1 only. A JVM that lives for seconds spends much of its
 * start on C2 compiling code it will not run long enough to need: started to ready on a store on this
 * two-core machine, 9.7 s and 15 s of CPU with the defaults, 7.4 s and 8 s with this; a migrated and seeded
 * new store took as long either way (37–39 s). The tests of those servers are about starting, stopping and
 * recovering, which the compiler does not change.
 */
export const SHORT_LIVED_JVM_OPTIONS: readonly string[] = ['-XX:TieredStopAtLevel=1'];

/**
 * Starts a Neo4j of a test file's own (SHORT_LIVED_JVM_OPTIONS, then `javaOptions`) on `port` and the store in
 * `dataDir`; stop it when done.
 */
export function startShortLivedNeo4j(port: number, dataDir: string, logger: Logger, javaOptions: readonly string[] = []): Promise<EmbeddedNeo4j> {
  return startEmbeddedNeo4j({ port, dataDir, startTimeoutMs: 170_000, javaOptions: [...SHORT_LIVED_JVM_OPTIONS, ...javaOptions], logger });
}

/**
 * Takes the write locks of `cypher` in a transaction of its own and holds them until `release`, which rolls that
 * transaction back and closes its driver: another write needing those nodes waits meanwhile (its timeout tests).
 */
export async function holdLocks(uri: string, cypher: string, params: Record<string, unknown>): Promise<{ release(): Promise<void> }> {
  const holder = openTestDatabase(uri, testLogger);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = holder
    .writeTransaction(async (run) => {
      await run(cypher, params);
      locked();
      await released;
      throw new Error('roll back');
    })
    .catch((error: unknown) => error);
  // Whichever comes first: the locks taken, or the transaction failed before taking them.
  const failed = await Promise.race([isLocked.then(() => undefined), holding]);
  if (failed !== undefined) {
    await holder.close();
    throw failed;
  }
  return {
    async release() {
      release();
      await holding;
      await holder.close();
    },
  };
}

/** A Database on `uri` with the test settings; close it when done. */
export function openTestDatabase(uri: string, logger: Logger, overrides: Partial<Neo4jConfig> = {}): Database {
  const config = testNeo4jConfig(uri, overrides);
  return new Database(createDriver(config), config, logger);
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/**
 * A logger that keeps its last `limit` lines in memory (inspect `lines` when a test needs to) and
 * prints nothing.
 */
export function createTestLogger(limit = 1_000): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
    if (lines.length > limit) lines.shift();
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The shared silent logger for tests that do not look at log lines. */
export const testLogger = createTestLogger();

/** A fresh temporary directory and the function that removes it. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A unique id for test data (tests isolate by data, never by wiping a database). */
export function uniqueId(prefix = 'test'): string {
  return `${prefix}:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
