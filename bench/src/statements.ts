/**
 * What a read workload costs in Neo4j alone, ours against raw Cypher: the statements our API sends for one
 * parameter set (captured as it answers), and the raw client's, each run on its own, one at a time, in one
 * session, with Neo4j's db hits from `PROFILE`. No GraphQL server and no concurrency: this separates what our
 * statements cost Neo4j from what our server costs, which `npm run bench` measures together.
 *
 *   npm run bench:statements -- [--scale 1] [--only pointLookup,filteredPage] [--runs 500] [--round-seconds 3] [--rounds 3] [--show]
 *
 * Per statement: the median over `--rounds` of the mean time of a run, each round `--runs` runs or
 * `--round-seconds`, whichever ends first, in ms; every statement once unmeasured first, then the rounds
 * interleaved (all statements in round 1, then round 2, …), so that the server's warming and whatever else the
 * machine does fall on ours and raw alike. That includes one Bolt round trip on loopback: `RETURN 1`,
 * measured alongside, is that floor.
 * Writes are left out: run on their own they would write. Uses the bench Neo4j of `npm run bench`
 * (`.data/bench-neo4j-<scale>`, loaded first if needed).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { createLogger } from '../../src/logger.js';
import { buildGraphSchema } from '../../src/graph/schema.js';
import { createApi } from '../../src/server/app.js';
import { median } from './report.js';
import { ensureDataset, log, openBenchDatabase, rawDriver } from './setup.js';
import { buildWorkloads, type GraphqlRequest } from './workloads.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    runs: { type: 'string', default: '500' },
    'round-seconds': { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    show: { type: 'boolean', default: false },
  },
  strict: true,
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const rounds = Number(values.rounds);
const roundMs = Number(values['round-seconds']) * 1000;
if (!(runs >= 1) || !(rounds >= 1) || !(roundMs > 0)) throw new Error('--runs, --round-seconds and --rounds are positive numbers');

const connection = await openBenchDatabase(scale, createLogger('warn'));
const api = createApi({ schema: await buildGraphSchema(), db: connection.db, logger: createLogger('warn'), production: true, graphql: { jitAfter: 0 } });
// A driver with the raw client's settings runs every statement, ours and raw alike.
const driver: Driver = rawDriver(connection.uri, 4);
try {
  await ensureDataset(connection, scale, false);
  const port = await api.listen(0, '127.0.0.1');
  const ask = async (request: GraphqlRequest) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    return (await response.json()) as { data: any; errors?: unknown[] };
  };
  const only = values.only?.split(',').map((key) => key.trim());
  const workloads = (await buildWorkloads(driver, { size: 4, seed: 1 }, { ours: ask })).filter((w) => !w.write && (!only || only.includes(w.key)));

  interface Statement {
    cypher: string;
    params: Record<string, unknown>;
    means: number[];
    dbHits: number;
  }
  const statement = (cypher: string, params: Record<string, unknown>): Statement => ({ cypher, params, means: [], dbHits: 0 });
  const floor = statement('RETURN 1 AS one', {});
  const measured: Array<{ key: string; ours: Statement[]; raw: Statement[] }> = [];
  for (const workload of workloads) {
    const p = workload.pool[1 % workload.pool.length];
    const ours: Statement[] = [];
    const stop = connection.db.observe(({ cypher, params }) => ours.push(statement(cypher, { ...params })));
    try {
      const answer = await ask(workload.ours(p));
      if (answer.errors) throw new Error(`${workload.key}: our API answered with errors: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    } finally {
      stop();
    }
    const request = workload.raw(p);
    const raw: Statement[] = [];
    if (request.steps) {
      // A raw client of several statements: the ones it sends for these parameters.
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        await request.steps(async (cypher, params) => {
          raw.push(statement(cypher, params));
          return (await session.run(cypher, params)).records.map((record) => record.toObject());
        });
      } finally {
        await session.close();
      }
    } else {
      raw.push(statement(request.cypher, request.params));
    }
    measured.push({ key: workload.key, ours, raw });
  }
  const all = [floor, ...measured.flatMap((m) => [...m.ours, ...m.raw])];
  log(`scale ${scale}: ${all.length} statements; a warm-up pass, then ${rounds} rounds of ${runs} runs or ${roundMs / 1000} s each, interleaved`);
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    // Neo4j's JIT and caches warm on the statements themselves before anything counts.
    for (const s of all) await runFor(session, s, runs, roundMs / 3);
    for (let round = 0; round < rounds; round++) for (const s of all) s.means.push(await runFor(session, s, runs, roundMs));
    for (const s of all) s.dbHits = dbHitsOf((await session.run(`PROFILE ${s.cypher}`, s.params)).summary.profile);
  } finally {
    await session.close();
  }
  const floorMs = median(floor.means);
  log(`floor (RETURN 1, one round trip on loopback): ${floorMs.toFixed(3)} ms`);
  const msOf = (statements: Statement[]) => statements.reduce((total, s) => total + median(s.means), 0);
  const hitsOf = (statements: Statement[]) => statements.reduce((total, s) => total + s.dbHits, 0);
  for (const { key, ours, raw } of measured) {
    const oursMs = msOf(ours);
    const rawMs = msOf(raw);
    log(
      `${key}: ours ${ours.length} statement(s) ${oursMs.toFixed(3)} ms, ${hitsOf(ours)} db hits; raw ${raw.length} statement(s) ${rawMs.toFixed(3)} ms, ` +
        `${hitsOf(raw)} db hits; ours ÷ raw ${(oursMs / rawMs).toFixed(2)}, above the floor ${((oursMs - ours.length * floorMs) / (rawMs - raw.length * floorMs)).toFixed(2)}`,
    );
    if (values.show) for (const s of ours) process.stdout.write(`--- ${key}, ours\n${s.cypher}\n--- parameters ${JSON.stringify(s.params).slice(0, 500)}\n`);
  }
} finally {
  await api.close().catch(() => undefined);
  await driver.close();
  await connection.close();
}

/** Runs a statement `runs` times or for `ms`, whichever ends first; the mean time of one run. */
async function runFor(session: Session, s: { cypher: string; params: Record<string, unknown> }, runs: number, ms: number): Promise<number> {
  const started = performance.now();
  let done = 0;
  while (done < runs && (done === 0 || performance.now() - started < ms)) {
    await session.run(s.cypher, s.params);
    done++;
  }
  return (performance.now() - started) / done;
}

function dbHitsOf(plan: unknown): number {
  const node = plan as { dbHits?: number; children?: unknown[] } | false;
  if (!node) return 0;
  return (node.dbHits ?? 0) + (node.children ?? []).reduce<number>((total, child) => total + dbHitsOf(child), 0);
}
