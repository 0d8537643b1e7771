import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createDriver, Database, NO_AUTH } from './database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.js';

/** An open connection to Neo4j, and the embedded server if we started one. */
export interface Connection {
  db: Database;
  /** Where the driver points. */
  uri: string;
  /** Set when this process started the embedded Neo4j (and so stops it on close). */
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded Neo4j this process started (clean shutdown). */
  close(): Promise<void>;
}

/**
 * Connects as DESIGN.md says: `NEO4J_URI` when set (the embedded Neo4j is then never started); otherwise
 * the embedded Neo4j on `127.0.0.1:NEO4J_EMBEDDED_PORT` if one is already answering there (the one
 * `npm start` runs), else one started here.
 */
export async function connectNeo4j(config: Neo4jConfig, logger: Logger): Promise<Connection> {
  if (config.uri) return open(config, config.uri, logger);

  const localUri = `bolt://127.0.0.1:${config.embeddedPort}`;
  if (await answers(localUri)) {
    logger.info('using the embedded Neo4j already running', { uri: localUri });
    return open(config, localUri, logger);
  }
  const embedded = await startEmbeddedNeo4j({
    port: config.embeddedPort,
    dataDir: config.embeddedData,
    startTimeoutMs: config.embeddedStartTimeoutMs,
    logger,
  });
  return open(config, embedded.uri, logger, embedded);
}

function open(config: Neo4jConfig, uri: string, logger: Logger, embedded?: EmbeddedNeo4j): Connection {
  const db = new Database(createDriver({ ...config, uri }), config, logger);
  return {
    db,
    uri,
    embedded,
    async close() {
      await db.close().catch(() => undefined);
      await embedded?.stop();
    },
  };
}

/** Whether a Bolt server without auth answers at `uri` right now (a quick probe, no retries). */
async function answers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, NO_AUTH, {
    connectionTimeout: 1_000,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await driver.getServerInfo();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}
