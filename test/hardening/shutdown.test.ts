import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLogger, SHORT_LIVED_JVM_OPTIONS, startShortLivedNeo4j, tempDir } from '../support/neo4j.js';
import { anyFreePort, testPort } from '../support/ports.js';
import { storeHistory } from './support.js';

/**
 * Issue 7: SIGTERM during load. `npm start`'s entry point (src/main.ts) runs as a child process with its
 * own embedded Neo4j (port 7753, or a free one) on a throw-away store, under a steady load of requests,
 * one connection each. On SIGTERM: requests in flight finish with their full answer, new connections are
 * refused, the process exits 0 after the embedded Neo4j shut down cleanly, and the next start of that
 * store needs no recovery.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUERY = JSON.stringify({ query: '{ practices(first: 50) { totalCount edges { node { id name dilemmas { id } } } } }' });

/**
 * `refused`: the connection was refused, or closed by the server before it had read the request (an
 * idle connection, accepted just before the signal: the drain closes those at once); `failed`: anything
 * else that is not a complete 200 answer, such as a response cut off.
 */
interface Outcome {
  kind: 'answered' | 'refused' | 'failed';
  status?: number;
  detail?: string;
}

/** One POST on its own connection (no keep-alive), so "refused" means the listener was closed. */
function postOnce(port: number, body = QUERY): Promise<Outcome> {
  return new Promise((resolve) => {
    let responded = false;
    const request = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', accept: 'application/json' } },
      (response) => {
        responded = true;
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const complete = (() => {
            try {
              return JSON.parse(text).data?.practices?.totalCount > 0;
            } catch {
              return false;
            }
          })();
          resolve(complete && response.statusCode === 200 ? { kind: 'answered', status: 200 } : { kind: 'failed', status: response.statusCode, detail: text.slice(0, 200) });
        });
        response.on('error', (error) => resolve({ kind: 'failed', detail: error.message }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ECONNREFUSED' || (error.code === 'ECONNRESET' && !responded)
          ? { kind: 'refused', detail: error.code }
          : { kind: 'failed', detail: `${error.code} ${error.message}` },
      ),
    );
    request.end(body);
  });
}

describe('SIGTERM during load', () => {
  const dir = tempDir('practice-graph-shutdown');
  const logger = createTestLogger();
  let child: ChildProcess;
  let port: number;
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    port = await anyFreePort();
    const boltPort = await testPort(7753);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        NEO4J_URI: '',
        NEO4J_EMBEDDED_PORT: String(boltPort),
        NEO4J_EMBEDDED_DATA: dir.path,
        NEO4J_EMBEDDED_JAVA_OPTS: SHORT_LIVED_JVM_OPTIONS.join(' '),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`main.ts did not get ready:\n${stderr}`)), 170_000);
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (/"message":"ready"/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => reject(new Error(`main.ts exited with ${code} before it was ready:\n${stderr}`)));
    });
  }, 180_000);
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    dir.remove();
  });

  it('finishes what is in flight, refuses what comes after, exits 0 with Neo4j stopped cleanly', async () => {
    // A steady load: 8 clients, each sending its next request as soon as the last one is answered.
    const outcomes: Outcome[] = [];
    let loading = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (loading) {
        const outcome = await postOnce(port);
        outcomes.push(outcome);
        if (outcome.kind === 'refused' && outcome.detail === 'ECONNREFUSED') return;
      }
    });
    // Under way: answers are coming in (the first ones are slow on a cold JVM and a busy machine).
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if (outcomes.filter((outcome) => outcome.kind === 'answered').length >= 8) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outcomes.filter((outcome) => outcome.kind === 'answered').length).toBeGreaterThanOrEqual(8);

    // One request deliberately in flight across the signal: its body arrives only after SIGTERM.
    let inflightResponse: Promise<{ status?: number; text: string }> | undefined;
    const inflight = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json' } });
    inflightResponse = new Promise((resolve, reject) => {
      inflight.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      });
      inflight.on('error', reject);
    });
    inflight.write(QUERY.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));

    child.kill('SIGTERM');
    // New connections are refused while the in-flight request is still open.
    let refused = false;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !refused; ) {
      refused = (await postOnce(port)).kind === 'refused';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    expect(child.exitCode).toBeNull();

    inflight.end(QUERY.slice(10));
    const answer = await inflightResponse;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.practices.totalCount).toBeGreaterThan(0);

    loading = false;
    await Promise.all(clients);
    // Every request of the load either got its whole answer or was refused before it was read: none cut off.
    expect(outcomes.filter((outcome) => outcome.kind === 'failed')).toEqual([]);
    console.info(`load during shutdown: ${JSON.stringify(outcomes.reduce<Record<string, number>>((counts, { kind, detail }) => {
      const key = detail ? `${kind} (${detail})` : kind;
      return { ...counts, [key]: (counts[key] ?? 0) + 1 };
    }, {}))}`);

    expect(await exited).toBe(0);
    expect(stderr).toMatch(/"message":"shutting down","signal":"SIGTERM"/);
    expect(stderr).toMatch(/"message":"stopped"/);
    expect(stderr).not.toMatch(/did not shut down cleanly/);
    // From an empty store (migrations, seed) through the load: no statement drew a warning from Neo4j.
    expect(stderr).not.toMatch(/Neo4j warned about a statement/);
  }, 120_000);

  it('the next start of the store needs no recovery', async () => {
    // Only after the first test's process has gone (it holds the store's lock until then).
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    const neo4j = await startShortLivedNeo4j(await testPort(7753), dir.path, logger);
    expect((await neo4j.stop()).clean).toBe(true);
    expect(storeHistory(dir.path)).toEqual({ starts: 2, recoveries: 0 });
  }, 180_000);
});
