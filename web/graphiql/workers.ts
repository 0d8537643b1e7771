/**
 * Where Monaco (GraphiQL's editor) finds its web workers: the bundles `npm run build:web` writes next
 * to graphiql.js. Imported before GraphiQL, so the environment exists before the first editor asks.
 */
const ASSETS = new URL('./', import.meta.url);

const WORKERS: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    // Classic (IIFE) workers from our own origin: no blob:, no CDN.
    return new Worker(new URL(WORKERS[label] ?? 'editor.worker.js', ASSETS), { name: label });
  },
};
