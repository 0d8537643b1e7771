import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Params, Row } from '../../src/db/database.js';
import { MAX_NEW_LINKS } from '../../src/graph/mutation/index.js';
import { mutationRepository as repo, type NewLink, type Run } from '../../src/graph/mutation/mutation.repository.js';
import { MANUAL_SOURCE } from '../../src/model/index.js';
import { read, removeNodes, TOKENS, uniqueSlug, useAuthApi, type AuthApi, type TestRole } from './support.js';

/**
 * create<Type> with `input.links`: the new node and its relationships to existing nodes in ONE statement of
 * ONE write transaction, each link checked as `link` checks it and recorded with the node's provenance; on
 * any failure neither the node nor any relationship exists (before, a client sent createCase, link, link:
 * three commits, and a failing second link left the case and the first link behind).
 */
let api: AuthApi;
const created = new Set<string>();
const MANUAL = 'source:handmatige-invoer';
const slug = uniqueSlug();
// Test data never hangs off seed nodes (other test files count the seed's relationships).
const town = `municipality:cl-${slug}`;
const practice = `practice:cl-${slug}`;
const employee = `employee:cl-${slug}`;
const synthetic = `source:cl-verzonnen-${slug}`;
// The other ends of the refused creates: nothing but their own provenance may ever hang off them.
const untouched = {
  town: `municipality:cl-leeg-${slug}`,
  practice: `practice:cl-leeg-${slug}`,
  employee: `employee:cl-leeg-${slug}`,
};

useAuthApi(created, (started) => (api = started));
beforeAll(async () => {
  for (const id of [town, practice, employee, synthetic, ...Object.values(untouched)]) created.add(id);
  await api.data('CreateSource', { input: { id: synthetic, title: `Verzonnen ${slug}`, kind: 'ILLUSTRATIVE', synthetic: true } });
  await api.data('CreateMunicipality', { input: { id: town, name: `Koppeldorp ${slug}` } });
  await api.data('CreatePractice', { input: { id: practice, name: `Koppelen ${slug}`, kind: 'SKILL' } });
  await api.data('CreateEmployee', { input: { id: employee, pseudonym: `Koppel ${slug}` } });
  await api.data('CreateMunicipality', { input: { id: untouched.town, name: `Leegdorp ${slug}` } });
  await api.data('CreatePractice', { input: { id: untouched.practice, name: `Leeg ${slug}`, kind: 'SKILL' } });
  await api.data('CreateEmployee', { input: { id: untouched.employee, pseudonym: `Leeg ${slug}` } });
});

/** A fresh case id, removed in afterAll whether or not the create succeeds. */
function caseId(what: string): string {
  const id = `case:cl-${what}-${uniqueSlug()}`;
  created.add(id);
  return id;
}

const exists = async (id: string) => (await read(api.db, 'MATCH (n {id: $id}) RETURN n.id AS id', { id })).length > 0;

/** The relationships of node `id` other than its provenance, each as [from, type, to] with its properties. */
const relationshipsOf = (id: string) =>
  read(
    api.db,
    `MATCH (a)-[r]->(b) WHERE (a.id = $id OR b.id = $id) AND type(r) <> 'SOURCED_FROM'
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY type, from, to`,
    { id },
  );

/** How many relationships, provenance aside, touch the nodes of `untouched` (always 0). */
async function untouchedRelationships(): Promise<number> {
  const rows = await read(api.db, `MATCH (x)-[r]-() WHERE x.id IN $ids AND type(r) <> 'SOURCED_FROM' RETURN count(r) AS n`, { ids: Object.values(untouched) });
  return Number(rows[0]!.n);
}

interface CreatedCase {
  createCase: { id: string; title: string; year: number | null; synthetic: boolean; municipality: { id: string } | null; practices: Array<{ id: string }>; employees: Array<{ id: string }> };
}

/** The mutation must fail: its first error's code, field and message. */
async function failure(name: string, input: Record<string, unknown>, role: TestRole = 'editor') {
  const result = await api.op(name, { input }, role);
  expect(result.errors, `${name} should fail`).toBeDefined();
  const [error] = result.errors!;
  return { code: error!.extensions?.code, field: error!.extensions?.field, message: error!.message };
}

/** The statements and write transactions (managed, or one auto-commit statement) the API sent while `work` ran. */
async function roundTrips(work: () => Promise<unknown>): Promise<{ writes: string[]; reads: string[]; transactions: number; params: Params[] }> {
  const writes: string[] = [];
  const reads: string[] = [];
  const params: Params[] = [];
  let transactions = 0;
  const stop = api.db.observe(({ mode, cypher }) => (mode === 'write' ? writes : reads).push(cypher));
  // Request views (`Database.forRequest`) inherit from api.db, so they run this wrapper too.
  // A write is a managed transaction (`writeTransaction`) or one auto-commit statement (`writeStatement`).
  const original = api.db.writeTransaction;
  api.db.writeTransaction = function <T>(this: typeof api.db, work: (run: (cypher: string, p?: Params) => Promise<Row[]>) => Promise<T>, options?: { timeoutMs?: number }) {
    transactions += 1;
    return original.call(this, (run) => work((cypher, p) => (params.push(p ?? {}), run(cypher, p))), options);
  } as typeof original;
  const originalStatement = api.db.writeStatement;
  api.db.writeStatement = function (this: typeof api.db, cypher: string, p?: Params) {
    transactions += 1;
    params.push(p ?? {});
    return originalStatement.call(this, cypher, p);
  };
  try {
    await work();
  } finally {
    stop();
    api.db.writeTransaction = original;
    api.db.writeStatement = originalStatement;
  }
  return { writes, reads, transactions, params };
}

describe('create<Type> with links', () => {
  it('writes the node and its links (to and from) with the provenance a link gets, read back through the relationship fields', async () => {
    const id = caseId('drie');
    const data = await api.data<CreatedCase>('CreateCaseWithLinks', {
      input: {
        id,
        title: `Drie koppelingen ${slug}`,
        year: 2018,
        links: [
          { type: 'IN', to: town },
          { type: 'APPLIES', to: practice },
          { type: 'DESCRIBED', from: employee },
        ],
      },
    });
    expect(data.createCase).toEqual({
      id,
      title: `Drie koppelingen ${slug}`,
      year: 2018,
      synthetic: false,
      municipality: { id: town },
      practices: [{ id: practice }],
      employees: [{ id: employee }],
    });

    const rels = await relationshipsOf(id);
    expect(rels.map((r) => [r.from, r.type, r.to])).toEqual([
      [id, 'APPLIES', practice],
      [employee, 'DESCRIBED', id],
      [id, 'IN', town],
    ]);
    for (const rel of rels) {
      const props = rel.props as Record<string, unknown>;
      expect(props).toMatchObject({ sourceId: MANUAL, by: 'editor#1', synthetic: false });
      expect(Date.now() - Date.parse(String(props.at))).toBeLessThan(60_000);
    }
    // The node's own provenance is the same as without links.
    const [edge] = await read(api.db, 'MATCH (:Case {id: $id})-[e:SOURCED_FROM]->(s:Source) RETURN s.id AS source, e.by AS by, e.at AS at', { id });
    expect(edge).toMatchObject({ source: MANUAL, by: 'editor#1' });
    expect(edge!.at).toEqual((rels[0]!.props as Record<string, unknown>).at);
  });

  it('writes the relationship properties the model allows, converted as link converts them', async () => {
    const id = `employee:cl-gebruik-${uniqueSlug()}`;
    created.add(id);
    await api.data('CreateEmployee', {
      input: { id, pseudonym: `Gebruiker ${slug}`, links: [{ type: 'USES', to: practice, properties: { evidence: 'Koffie met de buurt.', restricted: true } }, { type: 'WORKS_AT', to: town }] },
    });
    const rels = await relationshipsOf(id);
    expect(rels.map((r) => [r.type, r.to])).toEqual([
      ['USES', practice],
      ['WORKS_AT', town],
    ]);
    expect(rels[0]!.props).toMatchObject({ evidence: 'Koffie met de buurt.', restricted: true, sourceId: MANUAL, by: 'editor#1' });
  });

  it('is ONE statement in ONE write transaction, however many links', async () => {
    const id = caseId('een');
    const warnings: unknown[] = [];
    const stopListening = api.db.onWarning((warning) => warnings.push(warning));
    const trips = await roundTrips(() =>
      api.data('CreateCaseWithLinks', { input: { id, title: `Een statement ${slug}`, links: [{ type: 'IN', to: town }, { type: 'APPLIES', to: practice }] } }),
    ).finally(stopListening);
    expect(warnings).toEqual([]);
    expect(trips.transactions).toBe(1);
    expect(trips.writes).toHaveLength(1);
    expect(trips.writes[0]).toMatch(/CREATE \(n:Case/);
    expect(trips.writes[0]).toMatch(/MERGE \(n\)-\[r0:IN\]->\(o0\)/);
    expect(trips.writes[0]).toMatch(/MERGE \(n\)-\[r1:APPLIES\]->\(o1\)/);
    // The selection's relationship fields are read back in that statement: no read after it.
    expect(trips.reads).toEqual([]);
    // Every value is a parameter: no id of the input is inlined.
    expect(trips.writes[0]).not.toContain(town);
    expect(trips.writes[0]).not.toContain(practice);
    expect(trips.params[0]).toMatchObject({ links: [{ other: town, props: {} }, { other: practice, props: {} }] });
    expect(await relationshipsOf(id)).toHaveLength(2);
  });

  it("reads back what its selection asks of the new node's relations in that statement, as a query after it answers", async () => {
    const id = caseId('teruglezen');
    const selection = `id title synthetic municipality { id name } practices { id name kind } realPractices: practices(scope: REAL) { id }
      syntheticEmployees: employees(scope: SYNTHETIC) { id } employees { id pseudonym } dilemmas { id } provenance { locator source { id title } }`;
    const editor = `Bearer ${TOKENS.editor}`;
    const links = `[{ type: "IN", to: "${town}" }, { type: "APPLIES", to: "${practice}" }, { type: "DESCRIBED", from: "${employee}" }]`;
    let answer: unknown;
    const trips = await roundTrips(async () => {
      const { body } = await api.raw(`mutation { createCase(input: { id: "${id}", title: "Teruglezen ${slug}", sourceLocator: "p. 3", links: ${links} }) { ${selection} } }`, editor);
      expect(body.errors).toBeUndefined();
      answer = body.data!.createCase;
    });
    expect(trips.writes).toHaveLength(1);
    expect(trips.reads).toEqual([]);
    const expected = {
      id,
      title: `Teruglezen ${slug}`,
      synthetic: false,
      municipality: { id: town, name: `Koppeldorp ${slug}` },
      practices: [{ id: practice, name: `Koppelen ${slug}`, kind: 'SKILL' }],
      realPractices: [{ id: practice }],
      syntheticEmployees: [],
      employees: [{ id: employee, pseudonym: `Koppel ${slug}` }],
      dilemmas: [],
      provenance: [{ locator: 'p. 3', source: { id: MANUAL, title: 'Handmatige invoer' } }],
    };
    expect(answer).toEqual(expected);
    const after = await api.raw(`{ case(id: "${id}") { ${selection} } }`, editor);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.case).toEqual(expected);
  });

  it('without links, or with an empty list, sends the statement and parameters a create sent before links existed', async () => {
    const [without, empty] = [caseId('zonder'), caseId('leeg')];
    const a = await roundTrips(() => api.data('CreateCase', { input: { id: without, title: 'Zonder' } }));
    const b = await roundTrips(() => api.data('CreateCase', { input: { id: empty, title: 'Zonder', links: [] } }));
    expect(a.writes).toHaveLength(1);
    expect(b.writes).toEqual(a.writes);
    expect(a.writes[0]).not.toMatch(/links|MERGE \(n\)/);
    expect(Object.keys(b.params[0]!)).toEqual(Object.keys(a.params[0]!));
    expect(a.params[0]).not.toHaveProperty('links');
    expect(await exists(without)).toBe(true);
    expect(await exists(empty)).toBe(true);
  });

  it('records a synthetic source on the links too: the node and every link are synthetic', async () => {
    const id = caseId('synthetisch');
    const data = await api.data<CreatedCase>('CreateCaseWithLinks', {
      input: { id, title: `Verzonnen ${slug}`, sourceId: synthetic, links: [{ type: 'IN', to: town }, { type: 'DESCRIBED', from: employee }] },
    });
    expect(data.createCase).toMatchObject({ synthetic: true, municipality: { id: town }, employees: [{ id: employee }] });
    const rels = await relationshipsOf(id);
    expect(rels).toHaveLength(2);
    for (const rel of rels) expect(rel.props).toMatchObject({ sourceId: synthetic, synthetic: true });
    // The other ends keep their own flags: a link is not provenance.
    const flags = await read(api.db, 'MATCH (n) WHERE n.id IN $ids RETURN n.synthetic AS synthetic', { ids: [town, employee] });
    expect(flags.map((row) => row.synthetic)).toEqual([false, false]);
  });
});

describe('create<Type> with links refuses, writing nothing: no node, no relationship', () => {
  const missingPractice = `practice:bestaat-niet-${slug}`;
  it.each([
    ['neither to nor from', [{ type: 'IN' }], 'links.0', /exactly one of to .* and from .*got neither/],
    ['both to and from', [{ type: 'IN', to: untouched.town, from: untouched.employee }], 'links.0', /exactly one of to .*got both/],
    ['an unknown type (after a valid link)', [{ type: 'IN', to: untouched.town }, { type: 'LIKES', to: untouched.practice }], 'links.1.type', /Unknown relationship type "LIKES"/],
    ['SOURCED_FROM, which every write adds itself', [{ type: 'SOURCED_FROM', to: synthetic }], 'links.0.type', /give sourceId/],
    ['a triple the model does not allow', [{ type: 'APPLIES', to: untouched.town }], 'links.0.type', /\(Case\)-\[:APPLIES\]->\(Municipality\) is not allowed/],
    ['an allowed type in the wrong direction', [{ type: 'IN', from: untouched.town }], 'links.0.type', /\(Municipality\)-\[:IN\]->\(Case\) is not allowed/],
    ['a malformed other end', [{ type: 'IN', to: 'geen id' }], 'links.0.to', /links\.0\.to: .*not a node id/],
    ['a property the type does not have', [{ type: 'APPLIES', to: untouched.practice, properties: { mood: 'blij' } }], 'links.0.properties.mood', /APPLIES has no property "mood"/],
    ['the same link twice', [{ type: 'IN', to: untouched.town }, { type: 'APPLIES', to: untouched.practice }, { type: 'IN', to: untouched.town }], 'links.2', /repeats links\.0/],
    [`more than ${MAX_NEW_LINKS} links`, Array.from({ length: MAX_NEW_LINKS + 1 }, () => ({ type: 'IN', to: untouched.town })), 'links', new RegExp(`at most ${MAX_NEW_LINKS} links`)],
    ['an other end (to) that does not exist', [{ type: 'IN', to: untouched.town }, { type: 'APPLIES', to: missingPractice }], 'links.1.to', new RegExp(`links.1.to: no node with id "${missingPractice}"`)],
    ['an other end (from) that does not exist', [{ type: 'IN', to: untouched.town }, { type: 'DESCRIBED', from: 'employee:bestaat-niet' }], 'links.1.from', /no node with id "employee:bestaat-niet"/],
  ])('%s', async (_what, links, field, message) => {
    const id = caseId('fout');
    const error = await failure('CreateCaseWithLinks', { id, title: 'Fout', links });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
    expect(await exists(id)).toBe(false);
    expect(await untouchedRelationships()).toBe(0);
  });

  it('a property value of the wrong type', async () => {
    const id = `employee:cl-fout-${uniqueSlug()}`;
    created.add(id);
    const error = await failure('CreateEmployee', {
      id,
      pseudonym: 'Fout',
      links: [{ type: 'WORKS_AT', to: untouched.town }, { type: 'USES', to: untouched.practice, properties: { restricted: 'ja' } }],
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'links.1.properties.restricted' });
    expect(error.message).toMatch(/USES links\.1\.properties\.restricted must be true or false/);
    expect(await exists(id)).toBe(false);
    expect(await untouchedRelationships()).toBe(0);
  });

  it('an unknown source, with valid links', async () => {
    const id = caseId('bron');
    const error = await failure('CreateCaseWithLinks', { id, title: 'Fout', sourceId: `source:bestaat-niet-${slug}`, links: [{ type: 'IN', to: untouched.town }] });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    expect(await exists(id)).toBe(false);
    expect(await untouchedRelationships()).toBe(0);
  });

  it('an id that is taken: the existing node gains no links', async () => {
    const id = caseId('bezet');
    await api.data('CreateCase', { input: { id, title: 'Bezet' } });
    const conflict = await api.op('CreateCaseWithLinks', { input: { id, title: 'Nogmaals', links: [{ type: 'IN', to: untouched.town }] } });
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'CONFLICT' });
    expect(await relationshipsOf(id)).toEqual([]);
    expect(await untouchedRelationships()).toBe(0);
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['reader', 'FORBIDDEN'],
  ] as const)('a caller who may not link (%s: %s), as link refuses it', async (role, code) => {
    const id = caseId('rol');
    const error = await failure('CreateCaseWithLinks', { id, title: 'Rol', links: [{ type: 'IN', to: untouched.town }] }, role);
    expect(error.code).toBe(code);
    expect(await exists(id)).toBe(false);
    expect(await untouchedRelationships()).toBe(0);
  });
});

/**
 * A create (with or without links) and a link are each one auto-commit statement (`Database.writeStatement`):
 * there is no rollback, so the statement itself must write nothing when it is refused, not even the
 * manual-input source it creates on first use. The statements are sent here as the API sends them, with the
 * manual-input source swapped for one of this file's own (`params.manual`): the shared one may be in use by
 * other data, so its absence could not be arranged.
 */
describe('a refused one-statement write leaves nothing behind, not even the manual-input source', () => {
  const manual = { ...MANUAL_SOURCE, id: `source:cl-handmatig-${slug}` };
  const run: Run = (cypher, params = {}) => api.db.writeStatement(cypher, 'manual' in params ? { ...params, manual } : params);
  const stamp = () => ({ by: 'editor#1', at: neo4j.types.DateTime.fromStandardDate(new Date()) });
  const manualSourceExists = () => exists(manual.id);
  const link = (other: string): NewLink => ({ direction: 'out', type: 'IN', otherLabel: 'Municipality', other, props: {} });

  afterAll(async () => {
    await removeNodes(api.db, [manual.id]);
  });

  it('a create with a missing link end, a create of a taken id, a link with a missing end', async () => {
    const missingEnd = caseId('geen-bron-1');
    const refusedLink = await repo.createNode(run, 'Case', { id: missingEnd, props: { title: 'Geen bron' }, searchKey: 'geen bron' }, { sourceId: null, locator: null, ...stamp() }, [
      link(`municipality:cl-bestaat-niet-${slug}`),
    ]);
    expect(refusedLink).toMatchObject({ sourceFound: true, exists: false, props: null, linksFound: [false] });
    const taken = await repo.createNode(run, 'Practice', { id: practice, props: { name: 'Bezet', kind: 'SKILL' }, searchKey: 'bezet' }, { sourceId: null, locator: null, ...stamp() });
    expect(taken).toMatchObject({ exists: true, props: null });
    const missingTo = await repo.mergeRelationship(run, { from: 'Employee', type: 'WORKS_AT', to: 'Municipality' }, {
      from: untouched.employee,
      to: `municipality:cl-bestaat-niet-${slug}`,
      props: {},
      sourceId: null,
      ...stamp(),
    });
    expect(missingTo).toMatchObject({ fromFound: true, toFound: false, props: null });
    expect(await manualSourceExists()).toBe(false);
    expect(await exists(missingEnd)).toBe(false);
    expect(await untouchedRelationships()).toBe(0);
  });

  it('while the same statements, accepted, create it on first use', async () => {
    const id = caseId('eerste-gebruik');
    const accepted = await repo.createNode(run, 'Case', { id, props: { title: 'Eerste gebruik' }, searchKey: 'eerste gebruik' }, { sourceId: null, locator: null, ...stamp() }, [link(town)]);
    expect(accepted).toMatchObject({ sourceFound: true, exists: false, linksFound: [true], props: { id, title: 'Eerste gebruik', synthetic: false } });
    expect(await manualSourceExists()).toBe(true);
    const rows = await read(api.db, 'MATCH (:Case {id: $id})-[r:IN]->(:Municipality {id: $town}) RETURN r.sourceId AS sourceId', { id, town });
    expect(rows).toEqual([{ sourceId: manual.id }]);
  });
});
