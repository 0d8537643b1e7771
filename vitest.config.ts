import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no `exports` map: Node loads its CJS entry for type-graphql and Apollo, while vite
    // would pick `index.mjs` for our own imports, and two graphql modules cannot share a schema.
    // Pointing every `graphql` import at the CJS entry keeps one copy (see TOOLCHAIN.md).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One embedded Neo4j for the whole run (or NEO4J_TEST_URI); files receive its URI through inject('neo4jUri').
    globalSetup: ['test/setup/neo4j.global.ts'],
    pool: 'forks',
    // Files run one after another: they share one database and some assert on seed-wide totals, which another
    // file's short-lived test nodes would disturb. On two cores parallel files gained little anyway.
    fileParallelism: false,
    // One worker runs every file with one module cache instead of a fresh process and module graph per file:
    // each file had paid ~1 s importing the app (vitest's "import" 75 s of an 827 s run) plus a new fork;
    // with this the run took 705 s. So no test may rely on module state being fresh, and a file must close
    // the servers, drivers and processes it opens, or they run on into the files after it.
    isolate: false,
    // A cold embedded start (Maven classpath, javac, JVM) takes up to a minute on a fresh machine.
    hookTimeout: 180_000,
    testTimeout: 30_000,
    teardownTimeout: 60_000,
  },
});
