import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql-typedefs.js';
import { CYPHER } from './cypher.js';

/**
 * The @neo4j/graphql 7 side of the benchmark, as its documentation sets it up: `new Neo4jGraphQL({ typeDefs,
 * driver }).getSchema()` served by Apollo Server's standalone HTTP server. A child process of the
 * benchmark, like our API. Environment: PORT, NEO4J_URI, NEO4J_DATABASE (default neo4j).
 * Prints `LISTENING <url>` on stdout when ready.
 */

/** The part of @neo4j/graphql's API used here. */
interface Neo4jGraphQLModule {
  Neo4jGraphQL: new (options: { typeDefs: string; driver: unknown }) => { getSchema(): Promise<GraphQLSchema> };
}

// Imported by name at run time: the package lives in bench/node_modules only (kept out of the main
// package), so the root type check must not need it.
const packageName = '@neo4j/graphql';
const { Neo4jGraphQL } = (await import(packageName)) as Neo4jGraphQLModule;

const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7741';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const driver = neo4j.driver(uri, { scheme: 'none' } as never, { maxConnectionPoolSize: 100, logging: { level: 'error', logger: () => undefined } });

const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(CYPHER), driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
  // Name the database, as our API does, so no round trip is spent resolving the home database.
  context: async () => ({ sessionConfig: { database } }),
});
process.stdout.write(`LISTENING ${url}\n`);

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
