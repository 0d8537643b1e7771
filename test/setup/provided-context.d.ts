export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the Neo4j this test run uses: the embedded one started by the global setup, or NEO4J_TEST_URI. */
    neo4jUri: string;
  }
}
