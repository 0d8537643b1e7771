import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDocument, type GraphDocument } from '../../src/import/document.js';
import { existingIdsIn, writeDocument } from '../../src/import/writer.js';
import { startTestApi, uniqueId, type TestApi } from '../support/api.js';

// networkMetrics says what of its measures rests on made-up data: each node's own `synthetic` flag and the
// made-up part of its degree, and the made-up nodes and relationships of the whole result. The graph is
// this file's own, written through the import (which sets the flags from the sources, as in production):
//
//   real source:      municipality M, practice P, dilemmas D1 and D2; P -ADDRESSES-> D1
//   synthetic source: employee E -WORKS_AT-> M, E -USES-> P; case C -IN-> M, C -APPLIES-> P;
//                     P -ADDRESSES-> D2 (a made-up link between two real nodes)
//
// networkMetrics measures the whole graph (by types and scope, not by ids): the assertions look up these nodes.
let api: TestApi;
const tag = uniqueId('metrics').split(':')[1]!;
const id = (type: string, name: string) => `${type}:${name}-${tag}`;
const ids = {
  real: id('source', 'real'),
  madeUp: id('source', 'made-up'),
  m: id('municipality', 'm'),
  p: id('practice', 'p'),
  d1: id('dilemma', 'd1'),
  d2: id('dilemma', 'd2'),
  e: id('employee', 'e'),
  c: id('case', 'c'),
};
const TYPES = ['MUNICIPALITY', 'EMPLOYEE', 'PRACTICE', 'DILEMMA', 'CASE'];

async function importDocument(document: GraphDocument): Promise<void> {
  const validated = await validateDocument(document, existingIdsIn(api.db));
  if (!validated.ok) throw new Error(validated.errors.join('\n'));
  await writeDocument(api.db, validated.document);
}

beforeAll(async () => {
  api = await startTestApi();
  await importDocument({
    source: { id: ids.real, title: `Real ${tag}`, kind: 'DOCUMENT', synthetic: false },
    nodes: [
      { type: 'Municipality', id: ids.m, name: `M ${tag}` },
      { type: 'Practice', id: ids.p, name: `P ${tag}` },
      { type: 'Dilemma', id: ids.d1, name: `D1 ${tag}` },
      { type: 'Dilemma', id: ids.d2, name: `D2 ${tag}` },
    ],
    relationships: [{ from: ids.p, type: 'ADDRESSES', to: ids.d1 }],
  });
  await importDocument({
    source: { id: ids.madeUp, title: `Made up ${tag}`, kind: 'ILLUSTRATIVE', synthetic: true },
    nodes: [
      { type: 'Employee', id: ids.e, pseudonym: `E ${tag}` },
      { type: 'Case', id: ids.c, title: `C ${tag}` },
    ],
    relationships: [
      { from: ids.e, type: 'WORKS_AT', to: ids.m },
      { from: ids.e, type: 'USES', to: ids.p },
      { from: ids.c, type: 'IN', to: ids.m },
      { from: ids.c, type: 'APPLIES', to: ids.p },
      { from: ids.p, type: 'ADDRESSES', to: ids.d2 },
    ],
  });
}, 60_000);

afterAll(async () => {
  await api.db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ids) });
  await api.close();
});

const FIELDS = 'relationshipCount syntheticNodeCount syntheticRelationshipCount syntheticShare nodes { id degree synthetic syntheticDegree }';

interface Metrics {
  relationshipCount: number;
  syntheticNodeCount: number;
  syntheticRelationshipCount: number;
  syntheticShare: number;
  nodes: Array<{ id: string; degree: number; synthetic: boolean; syntheticDegree: number }>;
}

async function metrics(scope: 'ALL' | 'REAL'): Promise<Metrics> {
  const { body } = await api.gql<{ networkMetrics: Metrics }>(`query($types: [NodeType!]) { networkMetrics(types: $types, scope: ${scope}) { ${FIELDS} } }`, { types: TYPES });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.networkMetrics;
}

/** The measured nodes of this file's graph, by id. */
function ours(result: Metrics): Map<string, Metrics['nodes'][number]> {
  const mine = new Set(Object.values(ids));
  return new Map(result.nodes.filter((node) => mine.has(node.id)).map((node) => [node.id, node]));
}

describe('networkMetrics on made-up data', () => {
  it('flags made-up nodes and counts the made-up relationships in each degree (scope ALL)', async () => {
    const all = await metrics('ALL');
    const nodes = ours(all);
    // Each node's flag is the one stored by the import (from its sources).
    const stored = await api.db.read('UNWIND $ids AS id MATCH (n {id: id}) RETURN n.id AS id, n.synthetic AS synthetic', { ids: [...nodes.keys()] });
    expect(stored).toHaveLength(6);
    for (const row of stored) expect(nodes.get(row.id as string)!.synthetic, row.id as string).toBe(row.synthetic);

    const degrees = Object.fromEntries([...nodes].map(([nodeId, node]) => [nodeId, [node.synthetic, node.degree, node.syntheticDegree]]));
    expect(degrees).toEqual({
      // P: ADDRESSES D1 is real; USES (from E), APPLIES (from C) and the made-up ADDRESSES D2 are not.
      [ids.p]: [false, 4, 3],
      [ids.m]: [false, 2, 2],
      [ids.d1]: [false, 1, 0],
      [ids.d2]: [false, 1, 1],
      [ids.e]: [true, 2, 2],
      [ids.c]: [true, 2, 2],
    });
    // The seed's illustrative employees are flagged too.
    const employees = all.nodes.filter((node) => node.id.startsWith('employee:') && !node.id.endsWith(tag));
    expect(employees.length).toBeGreaterThan(0);
    const [sample] = await api.db.read('UNWIND $ids AS id MATCH (n:Employee {id: id}) RETURN collect(DISTINCT n.synthetic) AS flags', { ids: employees.map((node) => node.id) });
    expect(new Set(employees.map((node) => node.synthetic))).toEqual(new Set(sample!.flags as boolean[]));
  });

  it('counts the made-up nodes and relationships of the whole result: exactly what scope REAL leaves out', async () => {
    // Other test files may write meanwhile: retry until ALL and REAL were measured on the same graph.
    let pair: { all: Metrics; real: Metrics } | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const all = await metrics('ALL');
      const real = await metrics('REAL');
      pair = { all, real };
      if (JSON.stringify(await metrics('ALL')) === JSON.stringify(all)) break;
    }
    const { all, real } = pair!;
    expect(all.syntheticNodeCount).toBe(all.nodes.length - real.nodes.length);
    expect(all.syntheticRelationshipCount).toBe(all.relationshipCount - real.relationshipCount);
    // At least this file's made-up nodes (E, C) and relationships (all five from the made-up source).
    expect(all.syntheticNodeCount).toBeGreaterThanOrEqual(2);
    expect(all.syntheticRelationshipCount).toBeGreaterThanOrEqual(5);
    expect(all.syntheticShare).toBeCloseTo((all.syntheticNodeCount + all.syntheticRelationshipCount) / (all.nodes.length + all.relationshipCount), 12);
    expect([real.syntheticNodeCount, real.syntheticRelationshipCount, real.syntheticShare]).toEqual([0, 0, 0]);
  });

  it('scope REAL leaves the made-up nodes out, and a real node keeps its degree without the made-up part', async () => {
    const all = ours(await metrics('ALL'));
    const real = ours(await metrics('REAL'));
    expect([...real.keys()].sort()).toEqual([ids.d1, ids.d2, ids.m, ids.p].sort());
    for (const [nodeId, node] of real) {
      expect(node, nodeId).toMatchObject({ synthetic: false, syntheticDegree: 0 });
      expect(node.degree, nodeId).toBe(all.get(nodeId)!.degree - all.get(nodeId)!.syntheticDegree);
    }
  });
});
