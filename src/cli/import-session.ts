import { userInfo } from 'node:os';
import { loadConfig } from '../config.js';
import { applyMigrations, connectNeo4j, type Connection } from '../db/index.js';
import { createLogger } from '../logger.js';
import { describeFailure } from './run.js';

/**
 * The database connection of a command-line import (JSON, CSV or REFI-QDA), migrations applied. Its
 * transaction may run far longer than one API request (the timeout is raised to an hour), and only
 * errors are logged: a failure ends in one line naming its cause (run.ts), not in the outage log too.
 */
export async function openImportConnection(): Promise<Connection> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'debug' ? 'debug' : 'error');
  const connection = await connectNeo4j({ ...config.neo4j, queryTimeoutMs: Math.max(config.neo4j.queryTimeoutMs, 3_600_000) }, logger);
  try {
    await applyMigrations(connection.db);
  } catch (error) {
    await connection.close();
    throw new ImportFailedError(error);
  }
  return connection;
}

/**
 * The import failed after it reached the database (Neo4j unreachable, or gone during the write): the one
 * write transaction rolls back, so a failure before its commit leaves nothing of the file behind.
 */
export class ImportFailedError extends Error {
  constructor(readonly failure: unknown) {
    super(`Import failed: ${describeFailure(failure)}`);
  }
}

/** Who the provenance names for a command-line import: `cli:<login>` (never a secret). */
export function whoRuns(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
