import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  existingIdsIn,
  forgetPlannedStatements,
  importDocument,
  validateDocument,
  writeDocument,
  type GraphDocument,
} from '../../src/import/index.js';
import { errorCode, read, removeNodes, startAuthApi, uniqueSlug, type AuthApi } from '../mutations/support.js';
import { holdLocks } from '../support/neo4j.js';

/**
 * Bulk import of the seed format through `importGraph` (and, for large documents, the function behind it):
 * the created / updated / unchanged summary, dry runs, idempotent re-import, every validation error with
 * its position, and all-or-nothing writes.
 */
let api: AuthApi;
const created = new Set<string>();
const slug = uniqueSlug('imp');
const ids = {
  source: `source:${slug}`,
  town: `municipality:${slug}`,
  dilemma: `dilemma:${slug}`,
  practice: `practice:${slug}`,
  employee: `employee:${slug}`,
  case: `case:${slug}`,
};

beforeAll(async () => {
  api = await startAuthApi();
  Object.values(ids).forEach((id) => created.add(id));
  // Two nodes outside the document: the import resolves references to them in the database.
  await api.data('CreateMunicipality', { input: { id: ids.town, name: 'Importdorp' } });
  await api.data('CreateDilemma', { input: { id: ids.dilemma, name: 'Importdilemma' } });
});

afterAll(async () => {
  await removeNodes(api.db, created);
  await api.close();
});

/** A document with 3 nodes and 6 relationships, two of them to nodes already in the graph. */
function documentOf(overrides: { caseYear?: number; evidence?: string } = {}): GraphDocument {
  return {
    source: { id: ids.source, title: 'Interview importtest', kind: 'INTERVIEW', synthetic: true },
    nodes: [
      { type: 'Practice', id: ids.practice, name: 'Importpraktijk', kind: 'SKILL', sourceLocator: 'p. 1' },
      { type: 'Employee', id: ids.employee, pseudonym: 'Ingrid I.', role: 'gebiedsmakelaar' },
      { type: 'Case', id: ids.case, title: 'Importcasus', year: overrides.caseYear ?? 2019 },
    ],
    relationships: [
      { from: ids.employee, type: 'WORKS_AT', to: ids.town },
      { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: overrides.evidence ?? 'Ik doe het gewoon.' } },
      { from: ids.employee, type: 'DESCRIBED', to: ids.case },
      { from: ids.case, type: 'IN', to: ids.town },
      { from: ids.case, type: 'APPLIES', to: ids.practice },
      { from: ids.practice, type: 'ADDRESSES', to: ids.dilemma },
    ],
  };
}

interface Report {
  dryRun: boolean;
  sourceId: string | null;
  nodes: Counts;
  relationships: Counts;
  byLabel: Array<Counts & { label: string }>;
  byType: Array<Counts & { type: string }>;
}
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}
const c = (created: number, updated: number, unchanged: number): Counts => ({ created, updated, unchanged });
const RELATIONSHIP_TYPES = ['WORKS_AT', 'USES', 'DESCRIBED', 'IN', 'APPLIES', 'ADDRESSES'];

async function importGraph(document: unknown, dryRun = false): Promise<Report> {
  return (await api.data<{ importGraph: Report }>('ImportGraph', { document, dryRun })).importGraph;
}

const snapshot = () =>
  read(
    api.db,
    `MATCH (n) WHERE n.id IN $ids
     OPTIONAL MATCH (n)-[r]->(m)
     RETURN n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out ORDER BY id`,
    { ids: Object.values(ids) },
  );

describe('importGraph', () => {
  it('dry run: reports what it would create and writes nothing', async () => {
    const report = await importGraph(documentOf(), true);
    expect(report).toMatchObject({ dryRun: true, sourceId: ids.source, nodes: c(4, 0, 0), relationships: c(6, 0, 0) });
    expect(await read(api.db, 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id', { ids: [ids.source, ids.practice, ids.employee, ids.case] })).toEqual([]);
  });

  it('imports: created per label (model order) and per type, with provenance on nodes and relationships', async () => {
    const report = await importGraph(documentOf());
    expect(report).toEqual({
      dryRun: false,
      sourceId: ids.source,
      nodes: c(4, 0, 0),
      relationships: c(6, 0, 0),
      byLabel: [
        { label: 'Employee', ...c(1, 0, 0) },
        { label: 'Practice', ...c(1, 0, 0) },
        { label: 'Case', ...c(1, 0, 0) },
        { label: 'Source', ...c(1, 0, 0) },
      ],
      byType: RELATIONSHIP_TYPES.map((type) => ({ type, ...c(1, 0, 0) })),
    });
    const provenance = await read(
      api.db,
      'MATCH (n)-[e:SOURCED_FROM]->(s:Source) WHERE n.id IN $ids RETURN n.id AS id, s.id AS source, e.locator AS locator, e.by AS by ORDER BY id',
      { ids: [ids.practice, ids.employee, ids.case] },
    );
    expect(provenance).toEqual([
      { id: ids.case, source: ids.source, locator: null, by: 'editor#1' },
      { id: ids.employee, source: ids.source, locator: null, by: 'editor#1' },
      { id: ids.practice, source: ids.source, locator: 'p. 1', by: 'editor#1' },
    ]);
    const [uses] = await read(api.db, 'MATCH (:Employee {id: $e})-[r:USES]->() RETURN r.sourceId AS sourceId, r.by AS by, r.evidence AS evidence', { e: ids.employee });
    expect(uses).toEqual({ sourceId: ids.source, by: 'editor#1', evidence: 'Ik doe het gewoon.' });
  });

  it('changes nothing when the same document is imported again (not even the provenance time stamps)', async () => {
    const before = await snapshot();
    const report = await importGraph(documentOf());
    expect(report.nodes).toEqual(c(0, 0, 4));
    expect(report.relationships).toEqual(c(0, 0, 6));
    expect(report.byType).toEqual(RELATIONSHIP_TYPES.map((type) => ({ type, ...c(0, 0, 1) })));
    expect(await snapshot()).toEqual(before);
  });

  it('counts and writes only what changed', async () => {
    const dry = await importGraph(documentOf({ caseYear: 2020, evidence: 'Anders gezegd.' }), true);
    expect(dry.nodes).toEqual(c(0, 1, 3));
    expect(dry.relationships).toEqual(c(0, 1, 5));
    expect((await read(api.db, 'MATCH (c:Case {id: $id}) RETURN c.year AS year', { id: ids.case }))[0]!.year).toBe(2019);

    const report = await importGraph(documentOf({ caseYear: 2020, evidence: 'Anders gezegd.' }));
    expect(report.byLabel.find((row) => row.label === 'Case')).toEqual({ label: 'Case', ...c(0, 1, 0) });
    expect(report.byType.find((row) => row.type === 'USES')).toEqual({ type: 'USES', ...c(0, 1, 0) });
    expect((await read(api.db, 'MATCH (c:Case {id: $id}) RETURN c.year AS year', { id: ids.case }))[0]!.year).toBe(2020);
  });

  it('lists every error with its position and id, and writes nothing', async () => {
    const extra = `practice:${slug}-extra`;
    created.add(extra);
    const document = {
      source: { id: ids.source, title: 'Interview importtest', kind: 'INTERVIEW', synthetic: true },
      nodes: [
        { type: 'Practice', id: extra, name: 'Extra', kind: 'SKILL' },
        { type: 'Practice', id: `practice:${slug}-fout`, name: '', kind: 'HOBBY' },
      ],
      relationships: [
        { from: extra, type: 'ADDRESSES', to: 'dilemma:does-not-exist' },
        { from: extra, type: 'USES', to: ids.employee },
      ],
    };
    const result = await api.op('ImportGraph', { document });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.errors).toEqual([
      `nodes[1] (practice:${slug}-fout): name is required`,
      `nodes[1] (practice:${slug}-fout): kind must be one of MINDSET, SKILL, ROUTINE, ORGANISATIONAL (got "HOBBY")`,
      'relationships[0]: unknown target dilemma:does-not-exist',
      'relationships[1]: (Practice)-[:USES]->(Employee) is not allowed by the model',
    ]);
    expect(result.errors![0]!.message).toContain('relationships[0]: unknown target dilemma:does-not-exist');
    expect(await read(api.db, 'MATCH (n {id: $id}) RETURN n', { id: extra })).toEqual([]);
  });

  it('refuses a document that is not one', async () => {
    const result = await api.op('ImportGraph', { document: { nodes: 'many' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.errors).toEqual(['nodes: expected an array', 'source: expected an object { id, title, kind, locator?, synthetic }']);
  });
});

/** The error a promise rejects with (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<{ extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { extensions: Record<string, unknown> };
  }
  throw new Error('expected the promise to reject');
}

describe('planning the import statements', () => {
  it('plans them once, before the write transaction, and again once the plan cache is lost (as when Neo4j restarted)', async () => {
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    const planned = () => statements.filter((cypher) => cypher.startsWith('EXPLAIN ')).length;
    try {
      forgetPlannedStatements();
      await importDocument(api.db, documentOf(), { dryRun: true });
      // One per statement: the source, 3 labels, 6 (label, type, label) groups; all before the first write.
      expect(planned()).toBe(10);
      expect(statements.findIndex((cypher) => !cypher.startsWith('EXPLAIN ') && /\b(MERGE|SET)\b/.test(cypher))).toBeGreaterThan(
        statements.findLastIndex((cypher) => cypher.startsWith('EXPLAIN ')),
      );
      await importDocument(api.db, documentOf(), { dryRun: true });
      expect(planned()).toBe(10);
      forgetPlannedStatements();
      await importDocument(api.db, documentOf(), { dryRun: true });
      expect(planned()).toBe(20);
    } finally {
      stop();
    }
  });

  it('plans them again after a write that timed out (an external Neo4j may have restarted without a signal)', async () => {
    await importDocument(api.db, documentOf());
    // Another transaction holds the lock on the case, which the import below must update (another year), so
    // the import's write times out waiting for it.
    const lock = await holdLocks(inject('neo4jUri'), 'MATCH (c:Case {id: $id}) SET c.heldByTest = true', { id: ids.case });
    try {
      const error = await rejection(importDocument(api.db, documentOf({ caseYear: 1999 }), { dryRun: true, timeoutMs: 500 }));
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    } finally {
      await lock.release();
    }
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    try {
      await importDocument(api.db, documentOf(), { dryRun: true });
      expect(statements.filter((cypher) => cypher.startsWith('EXPLAIN '))).toHaveLength(10);
    } finally {
      stop();
    }
  });
});

describe('a large file', () => {
  const COUNT = 10_000;
  const prefix = `${slug}-groot`;
  const large = (bad: boolean): GraphDocument => ({
    source: { id: `source:${prefix}`, title: 'Groot', kind: 'ILLUSTRATIVE', synthetic: true },
    nodes: Array.from({ length: COUNT }, (_, i) => ({ type: 'Case', id: `case:${prefix}-${i}`, title: `Casus ${i}`, year: 2000 + (i % 20) })),
    relationships: Array.from({ length: COUNT }, (_, i) => ({
      from: `case:${prefix}-${i}`,
      type: 'IN',
      // The last row points at a municipality that does not exist.
      to: bad && i === COUNT - 1 ? 'municipality:atlantis' : ids.town,
    })),
  });
  const countWritten = async () =>
    (await read(api.db, 'MATCH (c:Case) WHERE c.id STARTS WITH $p RETURN count(c) AS n', { p: `case:${prefix}-` }))[0]!.n;

  afterAll(async () => {
    await api.db.write('MATCH (c:Case) WHERE c.id STARTS WITH $p DETACH DELETE c', { p: `case:${prefix}-` });
    await removeNodes(api.db, [`source:${prefix}`]);
  });

  it('with one bad row at the end leaves the graph unchanged, naming the row', async () => {
    const error = await rejection(importDocument(api.db, large(true)));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.errors).toEqual([`relationships[${COUNT - 1}]: unknown target municipality:atlantis`]);
    expect(await countWritten()).toBe(0);
  });

  it('is written all or nothing even when a row fails inside the transaction, after thousands were written', async () => {
    const validated = await validateDocument(large(false), existingIdsIn(api.db));
    if (!validated.ok) throw new Error(validated.errors.join('\n'));
    // Validation passed; now the town goes missing before the last batch: simulate it by pointing the
    // last row at a node that does not exist (the writer checks every row landed).
    const rows = validated.document.relationships[0]!.rows;
    rows[rows.length - 1] = { ...rows[rows.length - 1]!, to: 'municipality:atlantis' };
    const written: number[] = [];
    const error = await rejection(writeDocument(api.db, validated.document, (done) => written.push(done)));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONFLICT' });
    expect(written.at(-1)).toBeGreaterThanOrEqual(1 + COUNT);
    expect(await countWritten()).toBe(0);
    expect(await read(api.db, 'MATCH (s:Source {id: $id}) RETURN s', { id: `source:${prefix}` })).toEqual([]);
  });

  it('imports, then re-imports with everything unchanged', async () => {
    const first = await importDocument(api.db, large(false), { by: 'test' });
    expect(first.nodes).toEqual(c(COUNT + 1, 0, 0));
    expect(first.relationships).toEqual(c(COUNT, 0, 0));
    const again = await importDocument(api.db, large(false), { by: 'test' });
    expect(again.nodes).toEqual(c(0, 0, COUNT + 1));
    expect(again.relationships).toEqual(c(0, 0, COUNT));
    expect(await countWritten()).toBe(COUNT);
  });
});
