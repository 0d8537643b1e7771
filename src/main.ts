import 'reflect-metadata';
import v8 from 'node:v8';
import { loadConfig } from './config.js';
import { applyMigrations, connectNeo4j } from './db/index.js';
import { buildGraphSchema } from './graph/schema.js';
import { completeSeed, forgetPlannedStatements } from './import/index.js';
import { runMain } from './cli/run.js';
import { createLogger } from './logger.js';
import { createApi } from './server/app.js';

/**
 * `npm start`: config → Neo4j (given or embedded) → migrations → seed (into an empty database, or completing
 * one that an earlier start left unfinished) → HTTP.
 * If Neo4j is unreachable the API still starts (`/ready` says 503); migrations and the seed then run
 * as soon as it answers. An embedded Neo4j this process started is supervised: restarted when its JVM
 * exits, then prepared again. SIGTERM/SIGINT drain HTTP, close the driver and stop the embedded Neo4j cleanly.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // tsx turns source maps on. neo4j-driver captures a stack trace for every statement it runs (to enrich
  // a later error), and mapping each one through the source maps cost ~15% of throughput; in production
  // logged stacks point into tsx's output instead of the .ts lines.
  if (config.production) process.setSourceMapsEnabled(false);
  // V8 sizes the next heap limit as a multiple (up to 4×) of what survived the last full collection, so a
  // burst of large answers took the process to 600–800 MB resident though only ~150 MB was live. Full
  // collections are cheap here (little survives a request), so grow by a set percentage instead. V8
  // reads this flag at every collection, so setting it at run time takes effect.
  if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  const started = Date.now();
  const connection = await connectNeo4j(config.neo4j, logger, { restart: true });
  const { db } = connection;

  const schema = await buildGraphSchema();
  let prepared = false;
  const api = createApi({
    prepared: () => prepared,
    schema,
    db,
    logger,
    production: config.production,
    auth: config.auth,
    graphql: config.graphql,
    corsOrigins: config.corsOrigins,
    // In-flight requests may run to the query timeout; only then are their connections cut.
    drainGraceMs: config.neo4j.queryTimeoutMs + 5_000,
  });
  const port = await api.listen(config.port, config.host);
  logger.info('API listening', { url: `http://${config.host}:${port}/graphql`, neo4j: connection.uri });

  let preparing: Promise<void> | undefined;
  const prepare = () => {
    preparing ??= prepareDatabase()
      .catch((error) => logger.error('database preparation failed', { error }))
      .finally(() => (preparing = undefined));
  };
  prepare();
  // A restarted Neo4j has the same store, with the migrations (and the seed) already in it: they are applied
  // again only if they had not been (the preparation then still runs; `prepare` does not start it twice).
  // Applying them anyway held /ready at 503 for ~50 s after Bolt answered on a busy machine.
  // Its plan cache is gone too: the next import plans its statements again, outside its write transaction.
  connection.embedded?.onRestart(() => {
    forgetPlannedStatements();
    if (!prepared) prepare();
  });
  async function prepareDatabase(): Promise<void> {
    // Retry until Neo4j answers: the API serves /health meanwhile and /ready says 503.
    for (let attempt = 1; ; attempt++) {
      try {
        await applyMigrations(db);
        // A seed file commits with its marker; an attempt that failed part-way is completed by the next one.
        const seeded = config.seedOnStart ? await completeSeed(db) : [];
        if (seeded.length > 0) logger.info('seed graph loaded', { files: seeded });
        prepared = true;
        logger.info('ready', { startupMs: Date.now() - started });
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 10 === 0) logger.warn('Neo4j not ready yet; retrying', { error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }

  // The first signal drains: no new connections, in-flight requests finish (up to drainGraceMs), then the
  // driver closes and the embedded Neo4j shuts down cleanly (checkpointed: the next start needs no recovery).
  // Further signals are ignored: Ctrl-C reaches us twice (from the terminal and relayed by tsx/npm).
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await api.close().catch((error) => logger.error('HTTP close failed', { error }));
    await connection.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

runMain(main);
