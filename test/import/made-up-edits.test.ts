import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../support/operations.js';
import { read, uniqueSlug, useAuthApi, type AuthApi } from '../mutations/support.js';

/**
 * Made-up data never changes real data, on the import paths too: a row whose source is synthetic may not change a
 * real node's properties or a real relationship. The import names each such row with its position, and its one
 * transaction rolls back. Made-up rows may add nodes and relationships, link to real nodes, repeat real data
 * exactly, and change made-up data; a real source may change anything.
 */
let api: AuthApi;
const slug = uniqueSlug('mui');
const ids = {
  real: `source:mui-echt-${slug}`,
  madeUp: `source:mui-verzonnen-${slug}`,
  practice: `practice:mui-echt-${slug}`,
  employee: `employee:mui-echt-${slug}`,
  madeUpEmployee: `employee:mui-verzonnen-${slug}`,
  extra: `employee:mui-extra-${slug}`,
};
const REAL = { name: `Echt ${slug}`, description: `Echte beschrijving ${slug}` };
const madeUpSource = { id: ids.madeUp, title: `Verzonnen voorbeeld ${slug}`, kind: 'ILLUSTRATIVE', synthetic: true };
const realSource = { id: ids.real, title: `Echt verslag ${slug}`, kind: 'DOCUMENT', synthetic: false };

useAuthApi(new Set(Object.values(ids)), (started) => (api = started));
beforeAll(async () => {
  await api.data('CreateSource', { input: realSource });
  await api.data('CreateSource', { input: madeUpSource });
  await api.data('CreatePractice', { input: { id: ids.practice, ...REAL, sourceId: ids.real } });
  await api.data('CreateEmployee', { input: { id: ids.employee, pseudonym: `Echt ${slug}`, sourceId: ids.real } });
  await api.data('Link', { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'echt bewijs' }, sourceId: ids.real });
});

type Counts = { created: number; updated: number; unchanged: number };
type Report = { importGraph: { nodes: Counts; relationships: Counts } };

function importMadeUp(nodes: unknown[], relationships: unknown[] = []): Promise<GraphQLResponse<Report>> {
  return api.op<Report>('ImportGraph', { document: { source: madeUpSource, nodes, relationships } });
}

function failure(result: GraphQLResponse<unknown>) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, errors: error?.extensions?.errors, message: error?.message };
}

const realPractice = { type: 'Practice', id: ids.practice, ...REAL };

/** The node's stored name, description, flag and sources (sorted); undefined when it does not exist. */
async function node(id: string) {
  const rows = await read(api.db, 'MATCH (n {id: $id}) RETURN n.description AS description, n.synthetic AS synthetic, [(n)-[:SOURCED_FROM]->(s) | s.id] AS sources', { id });
  const row = rows[0];
  return row && { description: row.description, synthetic: row.synthetic, sources: [...(row.sources as string[])].sort() };
}

async function uses(from: string) {
  const [row] = await read(api.db, 'MATCH (:Employee {id: $from})-[r:USES]->(:Practice {id: $to}) RETURN r.evidence AS evidence, r.sourceId AS sourceId, r.synthetic AS synthetic', {
    from,
    to: ids.practice,
  });
  return row;
}

describe('an import from a synthetic source', () => {
  it('refuses a node row that would change a real node, naming its position, and writes nothing of the document', async () => {
    const result = await importMadeUp([
      { type: 'Employee', id: ids.extra, pseudonym: `Extra ${slug}` },
      { ...realPractice, description: 'Verzonnen tekst' },
    ]);
    expect(failure(result)).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [expect.stringMatching(new RegExp(`^nodes\\[1\\] \\(${ids.practice}\\): ${ids.practice} is real data`))],
      message: expect.stringContaining('nothing was written'),
    });
    expect(await node(ids.practice)).toEqual({ description: REAL.description, synthetic: false, sources: [ids.real] });
    expect(await node(ids.extra)).toBeUndefined();
  });

  it('refuses a relationship row that would change a real relationship, naming its position', async () => {
    const result = await importMadeUp(
      [{ type: 'Employee', id: ids.extra, pseudonym: `Extra ${slug}` }],
      [{ from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'verzonnen bewijs' } }],
    );
    expect(failure(result)).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [expect.stringMatching(new RegExp(`^relationships\\[0\\] \\(${ids.employee} -\\[:USES\\]-> ${ids.practice}\\): this relationship is real data`))],
    });
    expect(await uses(ids.employee)).toEqual({ evidence: 'echt bewijs', sourceId: ids.real, synthetic: false });
    expect(await node(ids.extra)).toBeUndefined();
  });

  it('refuses a CSV relationship row whose own source is synthetic when it would change a real relationship', async () => {
    const result = await api.op('ImportCsv', {
      nodes: 'Id,Label,Type,pseudonym',
      edges: ['Source,Target,Type,Label,evidence,sourceId', `${ids.employee},${ids.practice},Directed,USES,verzonnen,${ids.madeUp}`].join('\n'),
    });
    expect(failure(result)).toMatchObject({ code: 'BAD_USER_INPUT', errors: [expect.stringMatching(/^edges\.csv line 2 \(/)] });
    expect(await uses(ids.employee)).toEqual({ evidence: 'echt bewijs', sourceId: ids.real, synthetic: false });
  });

  it('adds a made-up node linked to a real one (the relationship made up) and repeats a real node as stored, not changed', async () => {
    const result = await importMadeUp(
      [{ type: 'Employee', id: ids.madeUpEmployee, pseudonym: `Verzonnen ${slug}` }, realPractice],
      [{ from: ids.madeUpEmployee, type: 'USES', to: ids.practice, properties: { evidence: 'verzonnen' } }],
    );
    expect(result.errors).toBeUndefined();
    expect(await node(ids.madeUpEmployee)).toMatchObject({ synthetic: true, sources: [ids.madeUp] });
    expect(await uses(ids.madeUpEmployee)).toEqual({ evidence: 'verzonnen', sourceId: ids.madeUp, synthetic: true });
    // The real practice keeps its values and stays real (it now also names the made-up source).
    expect(await node(ids.practice)).toEqual({ description: REAL.description, synthetic: false, sources: [ids.real, ids.madeUp].sort() });
    const again = await importMadeUp([realPractice]);
    // The source and the practice, both as stored.
    expect(again.data?.importGraph.nodes).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const changed = await importMadeUp([{ ...realPractice, name: `Verzonnen naam ${slug}` }]);
    expect(failure(changed)).toMatchObject({ code: 'BAD_USER_INPUT', errors: [expect.stringContaining(`nodes[0] (${ids.practice})`)] });
  });

  it('changes made-up data, but not the real relationship beside it', async () => {
    const result = await importMadeUp(
      [{ type: 'Employee', id: ids.madeUpEmployee, pseudonym: `Anders verzonnen ${slug}` }],
      [{ from: ids.madeUpEmployee, type: 'USES', to: ids.practice, properties: { evidence: 'anders' } }],
    );
    expect(result.data?.importGraph).toMatchObject({ nodes: { updated: 1 }, relationships: { updated: 1 } });
    expect(await uses(ids.madeUpEmployee)).toMatchObject({ evidence: 'anders', synthetic: true });
    const real = await importMadeUp([], [{ from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'anders' } }]);
    expect(failure(real)).toMatchObject({ code: 'BAD_USER_INPUT', errors: [expect.stringContaining(`relationships[0] (${ids.employee} -[:USES]-> ${ids.practice})`)] });
  });
});

describe('an import from a real source', () => {
  it('changes the real node and relationship that a synthetic source may not', async () => {
    const refused = await importMadeUp([{ ...realPractice, description: `${REAL.description} (bijgewerkt)` }]);
    expect(failure(refused)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const result = await api.op<Report>('ImportGraph', {
      document: {
        source: realSource,
        nodes: [{ ...realPractice, description: `${REAL.description} (bijgewerkt)` }],
        relationships: [{ from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'beter bewijs' } }],
      },
    });
    expect(result.data?.importGraph).toMatchObject({ nodes: { updated: 1 }, relationships: { updated: 1 } });
    expect(await node(ids.practice)).toMatchObject({ description: `${REAL.description} (bijgewerkt)`, synthetic: false });
    expect(await uses(ids.employee)).toEqual({ evidence: 'beter bewijs', sourceId: ids.real, synthetic: false });
  });
});
