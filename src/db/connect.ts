import { resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createDriver, Database, NO_AUTH } from './database.js';
import {
  EmbeddedNeo4jUnavailableError,
  inspectEmbedded,
  isRunning,
  OWNER_FILE,
  stopStaleNeo4j,
  superviseEmbeddedNeo4j,
  type SupervisedNeo4j,
} from './embedded.js';

/** An open connection to Neo4j, and the embedded server if we started one. */
export interface Connection {
  db: Database;
  /** Where the driver points. */
  uri: string;
  /** Set when this process started the embedded Neo4j (and so stops it on close). */
  embedded?: SupervisedNeo4j;
  /** Closes the driver, then stops the embedded Neo4j this process started (clean shutdown). */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Restart an embedded Neo4j this process starts whenever its JVM exits unasked (`npm start`). Default false. */
  restart?: boolean;
}

/**
 * Connects as DESIGN.md says: `NEO4J_URI` when set (the embedded Neo4j is then never started); otherwise
 * the embedded Neo4j of `NEO4J_EMBEDDED_DATA`, which is either already run by a live process (the one
 * `npm start` runs: `npm run import` and `seed` use it) or started here.
 *
 * Which embedded Neo4j is "already running" is decided by the owner file the launcher keeps in the data
 * directory (its pid and the pid of the process that started it), not by whatever answers on the port:
 * - its starter is alive and still its parent: use it (waiting while it is still starting up);
 * - its starter has gone (killed before it could stop it, or an older version that did not watch its
 *   parent): it is stale, so it is stopped (SIGTERM: a clean shutdown) and a new one is started;
 * - nothing of ours holds the directory but something answers Bolt on the port (another Neo4j, or an
 *   embedded one of a version without owner files): refused, with the commands to find and stop it.
 */
export async function connectNeo4j(config: Neo4jConfig, logger: Logger, options: ConnectOptions = {}): Promise<Connection> {
  if (config.uri) return open(config, config.uri, logger);

  const dataDir = resolve(config.embeddedData);
  const found = inspectEmbedded(dataDir);
  if (found.kind === 'owned') {
    const { pid, owner, port } = found.record;
    const uri = `bolt://127.0.0.1:${port}`;
    if (await answersSoon(uri, pid, config.embeddedStartTimeoutMs)) {
      logger.info('using the embedded Neo4j already running', { uri, pid, startedBy: owner });
      return open(config, uri, logger);
    }
    // It went away while we waited (its owner stopped it): start one of our own below.
  } else if (found.kind === 'orphan') {
    const { pid, owner } = found.record;
    logger.warn('stopping a stale embedded Neo4j: the process that started it has gone', { pid, startedBy: owner, dataDir });
    const { clean } = await stopStaleNeo4j(pid);
    logger.info('stale embedded Neo4j stopped', { pid, clean });
  }

  const localUri = `bolt://127.0.0.1:${config.embeddedPort}`;
  if (await answers(localUri)) {
    throw new EmbeddedNeo4jUnavailableError(
      `Something already answers Bolt on 127.0.0.1:${config.embeddedPort}, and it is not an embedded Neo4j of ${dataDir} ` +
        `(no live process named in ${OWNER_FILE} there). If it is an embedded Neo4j left by an earlier run, stop it: ` +
        `find it with \`pgrep -af 'java.*Launcher'\` (or \`lsof -iTCP:${config.embeddedPort} -sTCP:LISTEN\`) and \`kill <pid>\`. ` +
        `Or set NEO4J_EMBEDDED_PORT to a free port, or NEO4J_URI=${localUri} to use that server.`,
    );
  }
  const embedded = await superviseEmbeddedNeo4j(
    { port: config.embeddedPort, dataDir, startTimeoutMs: config.embeddedStartTimeoutMs, javaOptions: config.embeddedJavaOptions, logger },
    { restart: options.restart ?? false },
  );
  return open(config, embedded.uri, logger, embedded);
}

function open(config: Neo4jConfig, uri: string, logger: Logger, embedded?: SupervisedNeo4j): Connection {
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

/** Whether `uri` answers before `timeoutMs`, polling while process `pid` (the Neo4j behind it) is alive. */
async function answersSoon(uri: string, pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && isRunning(pid); ) {
    if (await answers(uri)) return true;
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_000));
  }
  return false;
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
