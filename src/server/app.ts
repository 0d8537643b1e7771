import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Context } from '../graph/context.js';
import { Loaders } from '../graph/shared/loaders.js';
import { NodeRepository } from '../graph/shared/node.repository.js';
import { createFormatError } from './format-error.js';
import { healthRoutes } from './health.js';

export interface ApiOptions {
  schema: GraphQLSchema;
  db: Database;
  logger: Logger;
  /** Mask unexpected errors. Default false. */
  production?: boolean;
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

/** Builds the API around an open database; nothing listens until `listen`. */
export function createApi({ schema, db, logger, production = false }: ApiOptions): Api {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createFormatError({ production, logger }),
    includeStacktraceInErrorResponses: !production,
    // Signals are handled once, in main.ts, which also stops Neo4j after HTTP has drained.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads from a CDN; GraphiQL is served from our bundle instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  const nodes = new NodeRepository(db);

  app.disable('x-powered-by');
  app.use(healthRoutes(db));

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
          express.json({ limit: '1mb' }),
          expressMiddleware(apollo, {
            context: async () => ({
              requestId: randomUUID(),
              db,
              nodes,
              loaders: new Loaders(db),
              logger,
            }),
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
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
