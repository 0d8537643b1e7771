import { loadConfig } from '../config.js';
import { applyMigrations, connectNeo4j } from '../db/index.js';
import { formatSummary, loadSeed, SEED_FILES } from '../import/index.js';
import { createLogger } from '../logger.js';
import { runMain } from './run.js';

/**
 * `npm run seed`: applies the migrations and (re)loads the seed graph (seed/*.json), one transaction per
 * file. Idempotent: on a seeded database every row is reported unchanged and nothing is written.
 * Neo4j: NEO4J_URI when set, else the embedded Neo4j that `npm start` runs, else one started for this command.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
  // A cold server plans the seed's statements slowly: more time than the API's per-request timeout.
  const connection = await connectNeo4j({ ...config.neo4j, queryTimeoutMs: Math.max(config.neo4j.queryTimeoutMs, 600_000) }, logger);
  try {
    await applyMigrations(connection.db);
    const summaries = await loadSeed(connection.db);
    summaries.forEach((summary, i) => process.stdout.write(`${formatSummary(`seed/${SEED_FILES[i]} into ${connection.uri}`, summary)}\n`));
  } finally {
    await connection.close();
  }
}

runMain(main);
