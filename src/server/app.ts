// The graph modules it loads (loaders, relation tables) declare type-graphql classes, which need the polyfill first.
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { type AuthConfig, type CorsOrigins, GRAPHQL_DEFAULTS, type GraphqlConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { exportRoutes } from './export-routes.js';
import { importRoutes } from './import-routes.js';
import type { Logger } from '../logger.js';
import type { Context } from '../graph/context.js';
import { Loaders } from '../graph/shared/loaders.js';
import { NodeRepository } from '../graph/shared/node.repository.js';
import { RELATION_TABLES } from '../graph/relation-tables.js';
import { Authenticator } from './auth.js';
import { compiledExecution } from './compiled-execution.js';
import { DocumentCache } from './document-cache.js';
import { createFormatError, errorReporting } from './format-error.js';
import { healthRoutes } from './health.js';
import { batchGuard, bodyErrors, cors, graphiqlDisabled } from './http-guards.js';
import { graphqlLimits } from './limits.js';
import { operationMetadata, operationNameOf } from './operation-metadata.js';
import { assignRequestId, requestIdOf } from './request-id.js';
import { DatasetVersion, responseCachePlugins } from './response-cache.js';
import { webRoutes } from './web.js';

export interface ApiOptions {
  schema: GraphQLSchema;
  db: Database;
  logger: Logger;
  /** Mask unexpected errors. Default false. */
  production?: boolean;
  /** Bearer tokens and whether anonymous reads are refused (`AUTH_TOKENS`, `AUTH_REQUIRED`). Default: none, so every caller is anonymous and writes are off. */
  auth?: AuthConfig;
  /** Limits and switches of `/graphql` (`GRAPHQL_MAX_*`, `INTROSPECTION`, `GRAPHIQL`, …); each omitted one takes its default (`GRAPHQL_DEFAULTS`). */
  graphql?: Partial<GraphqlConfig>;
  /** Origins allowed by CORS (`CORS_ORIGINS`). Default none: same-origin pages only. */
  corsOrigins?: CorsOrigins;
  /** Whether start-up work on the database (migrations, first seed) is done; `/ready` says 503 until then. Default: always. */
  prepared?: () => boolean;
  /** On `close`, how long in-flight requests may still run before their connections are cut. Default 15000 (above the 10 s query timeout). */
  drainGraceMs?: number;
}

/** The HTTP API: Express with Apollo at `/graphql`, `/health` and `/ready`; started with `listen`. */
export interface Api {
  readonly app: express.Express;
  readonly httpServer: http.Server;
  /** Starts Apollo and listens; resolves with the bound port (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish (Apollo drains the HTTP server). */
  close(): Promise<void>;
}

const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};

/** Builds the API around an open database; nothing listens until `listen`. */
export function createApi({ schema, db, logger, production = false, auth, ...options }: ApiOptions): Api {
  const limits = { ...GRAPHQL_DEFAULTS, ...options.graphql };
  const protection = graphqlLimits(limits);
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    // graphql-jit runs the operations a client repeats (Apollo takes another executor only as a gateway).
    ...(limits.jitAfter >= 0 ? { gateway: compiledExecution(schema, { compileAfter: limits.jitAfter, logger }) } : { schema }),
    formatError: createFormatError({ production }),
    includeStacktraceInErrorResponses: !production,
    introspection: limits.introspection,
    // Apollo's CSRF prevention (on by default; stated so nobody turns it off by accident): a GET or a
    // "simple" POST (no JSON content type) needs an `Apollo-Require-Preflight` or `X-Apollo-Operation-Name` header.
    csrfPrevention: true,
    // Parsed documents, bounded by count: Apollo's default cache undercounts ASTs (see DocumentCache).
    documentStore: new DocumentCache(),
    allowBatchedHttpRequests: limits.batching,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    // Signals are handled once, in main.ts, which also stops Neo4j after HTTP has drained.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.drainGraceMs ?? 15_000 }),
      ...protection.plugins,
      errorReporting(logger),
      operationMetadata(),
      // Apollo's own landing page loads from a CDN; GraphiQL is served from our bundle instead.
      ApolloServerPluginLandingPageDisabled(),
      // The schema gives no cache hints, and the plugin wraps every field resolver to collect them.
      // Answers depend on the caller's role: `no-store` is set for every /graphql response below instead.
      ApolloServerPluginCacheControlDisabled(),
      ...(limits.responseCacheMb > 0
        ? responseCachePlugins({ version: new DatasetVersion(() => db.datasetVersion()), maxSize: limits.responseCacheMb * 2 ** 20 })
        : []),
    ],
  });
  const authenticator = new Authenticator(auth);

  app.disable('x-powered-by');
  app.use(assignRequestId());
  app.use(cors(options.corsOrigins ?? []));
  if (!limits.graphiql) app.use(graphiqlDisabled());
  let stopping = false;
  app.use(healthRoutes(db, { prepared: options.prepared, stopping: () => stopping }));
  app.use(exportRoutes(db, { logger, authenticate: authenticator.middleware() }));
  app.use(importRoutes(db, { logger, authenticate: authenticator.middleware(), writesEnabled: authenticator.enabled }));
  app.use(webRoutes());

  let started = false;
  return {
    app,
    httpServer,
    async listen(port, host = '127.0.0.1') {
      if (!started) {
        await apollo.start();
        started = true;
        app.use(
          '/graphql',
          noStore,
          express.json({ limit: limits.maxBodyBytes }),
          bodyErrors(limits.maxBodyBytes),
          batchGuard(limits),
          expressMiddleware(apollo, {
            // The token is checked once per request, here; a bad one fails the request with 401.
            context: async ({ req, res }) => {
              const requestId = requestIdOf(res);
              try {
                // Every transaction of this request names it (and its operation, once the plugin below knows it).
                const requestDb = db.forRequest({ requestId, operation: operationNameOf(req.body) });
                return {
                  requestId,
                  db: requestDb,
                  nodes: new NodeRepository(requestDb),
                  loaders: new Loaders(requestDb, RELATION_TABLES),
                  logger,
                  viewer: authenticator.viewerOf(req.headers.authorization),
                  writesEnabled: authenticator.enabled,
                };
              } catch (error) {
                // No request pipeline (and so no `errorReporting`) runs for a failed context: the id goes along here.
                if (error instanceof GraphQLError) Object.assign(error.extensions, { requestId });
                throw error;
              }
            },
          }),
        );
      }
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      return (httpServer.address() as AddressInfo).port;
    },
    async close() {
      // Load balancers see 503 at once and stop routing here while requests in flight finish.
      stopping = true;
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
