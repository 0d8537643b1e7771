import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import express from 'express';
import { execute, type GraphQLSchema } from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';
import neo4j from 'neo4j-driver';
import { CYPHER } from './cypher.js';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql-typedefs.js';

/**
 * The @neo4j/graphql 7 side of the benchmark: `new Neo4jGraphQL({ typeDefs, driver }).getSchema()`,
 * served the way our API is served, so that only the GraphQL layer differs:
 *
 * - the same HTTP layer: Express 5, `express.json` with the same 1 MB limit, Apollo's `expressMiddleware`,
 *   keep-alive HTTP/1.1 on 127.0.0.1;
 * - the same Apollo settings that cost time per request: cache-control plugin off (it wraps every field
 *   resolver; neither schema gives cache hints), landing page off, CSRF prevention on, drain plugin;
 * - the same process settings: `NODE_ENV=production`, started as `node --import tsx` like our API, and
 *   source maps off in production as our `src/main.ts` does (tsx turns them on, and the driver captures a
 *   stack trace for every statement, which costs ~15% of throughput when mapped);
 * - the database named in every session (no round trip to resolve the home database), as our API does;
 * - the same executor: graphql-jit from an operation's second run (`NEO4J_GRAPHQL_EXECUTOR=graphql-jit`,
 *   what our API does by default, `GRAPHQL_JIT_AFTER=1`) or graphql-js for both (`graphql-js`); the
 *   library's mutations always run on graphql-js (see `compiledAfterOneRun`).
 *
 * Our API additionally runs its own guards (depth, alias and cost limits, the cost budget, error
 * masking, request ids): those cost us and are not given to them.
 *
 * Environment: PORT, NEO4J_URI, NEO4J_DATABASE (default neo4j), NEO4J_GRAPHQL_EXECUTOR (default
 * graphql-jit). Prints `LISTENING <url>` when ready.
 */

/** The part of @neo4j/graphql's API used here. */
interface Neo4jGraphQLModule {
  Neo4jGraphQL: new (options: { typeDefs: string; driver: unknown }) => { getSchema(): Promise<GraphQLSchema> };
}

if (process.env.NODE_ENV === 'production') process.setSourceMapsEnabled(false);

// Imported by name at run time: the package lives in bench/node_modules only (kept out of the main
// package), so the root type check must not need it.
const packageName = '@neo4j/graphql';
const { Neo4jGraphQL } = (await import(packageName)) as Neo4jGraphQLModule;

const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7741';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const driver = neo4j.driver(uri, { scheme: 'none' } as never, { maxConnectionPoolSize: 100, logging: { level: 'error', logger: () => undefined } });

const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(CYPHER), driver }).getSchema();
const app = express();
const httpServer = http.createServer(app);
const server = new ApolloServer({
  ...(process.env.NEO4J_GRAPHQL_EXECUTOR === 'graphql-js' ? { schema } : { gateway: compiledAfterOneRun(schema) }),
  csrfPrevention: true,
  plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
});
await server.start();
app.disable('x-powered-by');
app.use(
  '/graphql',
  express.json({ limit: 1_048_576 }),
  expressMiddleware(server, { context: async () => ({ sessionConfig: { database } }) }),
);
await new Promise<void>((resolve) => httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const { port } = httpServer.address() as AddressInfo;
process.stdout.write(`LISTENING http://127.0.0.1:${port}/graphql\n`);

/**
 * graphql-jit behind Apollo's gateway interface, compiling an operation on its second run, as our API does
 * (src/server/compiled-execution.ts, which also leaves to graphql-js the operations graphql-jit would run
 * differently; the benchmark's answer checks catch any such difference here).
 */
function compiledAfterOneRun(schema: GraphQLSchema): GatewayInterface {
  const operations = new Map<string, CompiledQuery | 1 | 'refused'>();
  const executor: GatewayExecutor = async (request) => {
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
    let known = operations.get(key);
    if (request.operation.operation !== 'query') {
      // The library's mutations run on graphql-js: compiling the variable coercion of its nested create
      // inputs made graphql-jit grow this server past 4 GB until it died (createAndLink, scale 0.1).
      known = 'refused';
    } else if (known === undefined) {
      operations.set(key, 1);
    } else if (known === 1) {
      const compiled = compileQuery(schema, request.document, request.operationName ?? undefined);
      known = isCompiledQuery(compiled) ? compiled : 'refused';
      operations.set(key, known);
    }
    if (typeof known === 'object') return known.query(undefined, request.context, request.request.variables ?? {});
    return execute({ schema, document: request.document, contextValue: request.context, variableValues: request.request.variables, operationName: request.operationName });
  };
  return {
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
