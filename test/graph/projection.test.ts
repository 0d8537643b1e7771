import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, uniqueId, type TestApi } from '../support/api.js';

// Related nodes, the nodes of a top-level list and the nodes search finds are fetched with only the
// properties their selection reads. These tests ask the same nodes with different selections in one
// request and compare every answer with the node read whole.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function data<T>(query: string): Promise<T> {
  const response = await api.gql<T>(query);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

type Props = Record<string, unknown> & { id: string };

/** Each node as `node(id)` reads it: whole, not through a relation (in requests of 10, under the alias limit). */
async function whole(ids: string[], fields: string): Promise<Map<string, Props>> {
  const nodes = new Map<string, Props>();
  for (let start = 0; start < ids.length; start += 10) {
    const aliases = ids.slice(start, start + 10).map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id ${fields} }`);
    const result = await data<Record<string, Props>>(`{ ${aliases.join(' ')} }`);
    for (const node of Object.values(result)) nodes.set(node.id, node);
  }
  return nodes;
}

const DILEMMA_FIELDS = '... on Dilemma { name description gloss }';
const PRACTICE_FIELDS = '... on Practice { name description kind gloss }';

describe('related nodes carry what their selection reads', () => {
  it('answers the same relation asked twice with different selections, each in full', async () => {
    const { practices } = await data<{ practices: { edges: Array<{ node: { a: Props[]; b: Props[] } }> } }>(
      '{ practices(first: 20) { edges { node { a: dilemmas { id } b: dilemmas { id name description gloss } } } } }',
    );
    const asked = practices.edges.flatMap((edge) => edge.node.b);
    expect(asked.length).toBeGreaterThan(0);
    const reference = await whole([...new Set(asked.map((d) => d.id))], DILEMMA_FIELDS);
    for (const { node } of practices.edges) {
      expect(node.a.map((d) => d.id)).toEqual(node.b.map((d) => d.id));
      for (const dilemma of node.b) expect(dilemma).toEqual(reference.get(dilemma.id));
    }
    expect(asked.some((d) => typeof d.description === 'string' && d.description.length > 0)).toBe(true);
  });

  it('reads through fragments and connections', async () => {
    const { municipalities } = await data<{ municipalities: { edges: Array<{ node: { practices: Props[]; employees: { edges: Array<{ node: Props }> } } }> } }>(
      `{ municipalities(first: 6) { edges { node {
           practices { ...PracticeText ... on Node { id } }
           employees(first: 3) { edges { node { id ... on Employee { pseudonym role department } } } }
         } } } }
       fragment PracticeText on Practice { name description }`,
    );
    const practices = municipalities.edges.flatMap((edge) => edge.node.practices);
    const employees = municipalities.edges.flatMap((edge) => edge.node.employees.edges.map((e) => e.node));
    expect(practices.length).toBeGreaterThan(0);
    expect(employees.length).toBeGreaterThan(0);
    const reference = await whole([...new Set(practices.map((p) => p.id))], '... on Practice { name description }');
    for (const practice of practices) expect(practice).toEqual(reference.get(practice.id));
    const people = await whole([...new Set(employees.map((e) => e.id))], '... on Employee { pseudonym role department }');
    for (const employee of employees) expect(employee).toEqual(people.get(employee.id));
  });

  it('gives a wrapper that leads back to the parent (usedBy { practice }) what that selection reads', async () => {
    // `Dilemma.practices` selects only ids and `usedBy`; `usedBy { practice }` is the same practice record,
    // so its description must have been fetched with it.
    const { dilemmas } = await data<{ dilemmas: { edges: Array<{ node: { practices: Array<{ id: string; usedBy: Array<{ practice: Props }> }> } }> } }>(
      `{ dilemmas(first: 20) { edges { node { practices { id usedBy { practice { id ${PRACTICE_FIELDS} } } } } } } }`,
    );
    const backReferences = dilemmas.edges.flatMap((edge) => edge.node.practices.flatMap((practice) => practice.usedBy.map((use) => ({ parent: practice.id, practice: use.practice }))));
    expect(backReferences.length).toBeGreaterThan(0);
    const reference = await whole([...new Set(backReferences.map((b) => b.parent))], PRACTICE_FIELDS);
    for (const { parent, practice } of backReferences) {
      expect(practice.id).toBe(parent);
      expect(practice).toEqual(reference.get(parent));
    }
  });

  it('fetches only the selected properties of related nodes', async () => {
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    try {
      await data('{ practice(id: "practice:vertrouwen") { dilemmas { name } cases(first: 2) { edges { node { title summary } } } } }');
    } finally {
      stop();
    }
    const cypher = statements.join('\n');
    expect(cypher).toContain('m {.id, .name}');
    // A summary is shown only when the case is not restricted: `restricted` comes along.
    expect(cypher).toContain('m {.id, .restricted, .summary, .title}');
    expect(cypher).not.toContain('properties(m)');
  });
});

/** The statements Neo4j ran for one request, with its answer. */
async function observed<T>(query: string): Promise<{ answer: T; cypher: string }> {
  const statements: string[] = [];
  const stop = api.db.observe(({ cypher }) => statements.push(cypher));
  try {
    return { answer: await data<T>(query), cypher: statements.join('\n') };
  } finally {
    stop();
  }
}

describe('the nodes of a top-level list carry what their selection reads', () => {
  it('fetches only the selected properties, and each selection of the same nodes in one request gets its own in full', async () => {
    const { answer, cypher } = await observed<{ a: { edges: Array<{ node: Props }> }; b: { edges: Array<{ node: Props }> } }>(
      '{ a: cases(first: 8) { edges { node { id title } } } b: cases(first: 8) { edges { node { id title year summary } } } }',
    );
    expect(cypher).toContain('n {.id, .title}');
    // A summary is shown only when the case is not restricted: `restricted` comes along.
    expect(cypher).toContain('n {.id, .restricted, .summary, .title, .year}');
    expect(cypher).not.toContain('properties(n)');
    const reference = await whole(answer.b.edges.map((edge) => edge.node.id), '... on Case { title year summary }');
    expect(answer.a.edges.map((edge) => edge.node.id)).toEqual(answer.b.edges.map((edge) => edge.node.id));
    for (const { node } of answer.b.edges) expect(node).toEqual(reference.get(node.id));
    expect(answer.b.edges.some((edge) => typeof edge.node.summary === 'string')).toBe(true);
  });
});

describe('the nodes search finds carry what the selection reads of each type', () => {
  // Two cases of this test's own, found by a word no seed node has: one restricted (its summary hidden
  // from anonymous callers), one open.
  const slug = uniqueId('p').slice(2);
  const word = `zqp${slug.replace(/-/g, '')}`;
  const ids = { hidden: `case:${slug}-h`, open: `case:${slug}-o` };
  beforeAll(async () => {
    await api.db.write(
      `CREATE (:Case {id: $ids.hidden, title: 'Verborgen ' + $word, summary: 'geheim ' + $word, restricted: true})
       CREATE (:Case {id: $ids.open, title: 'Open ' + $word, summary: 'openbaar ' + $word, year: 2019})`,
      { ids, word },
    );
  });
  afterAll(() => api.db.write('MATCH (n:Case) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ids) }));

  it('fetches the properties named in its fragments (and what they need), and answers as the whole node does', async () => {
    const { answer, cypher } = await observed<{ search: Array<{ label: string; node: Props }> }>(
      `{ search(query: ${JSON.stringify(word)}) { label node { id ... on Case { title summary year } ... on Practice { kind } } } }`,
    );
    expect(cypher).not.toContain('properties(node)');
    for (const property of ['.id', '.synthetic', '.title', '.summary', '.restricted', '.year', '.kind']) expect(cypher).toContain(property);
    const found = answer.search.map((hit) => hit.node);
    expect(found.map((node) => node.id).sort()).toEqual(Object.values(ids).sort());
    const reference = await whole(Object.values(ids), '... on Case { title summary year }');
    for (const node of found) expect(node).toEqual(reference.get(node.id));
    // The restricted case's summary stays hidden from an anonymous caller; the open one's is shown.
    expect(found.find((node) => node.id === ids.hidden)!.summary).toBeNull();
    expect(found.find((node) => node.id === ids.open)!.summary).toBe(`openbaar ${word}`);
    expect(answer.search.map((hit) => hit.label).sort()).toEqual([`Open ${word}`, `Verborgen ${word}`]);
  });

  it('resolves the relations of the nodes found from their ids', async () => {
    const fields = '... on Case { title municipality { id name } practices { id name } }';
    const { answer, cypher } = await observed<{ search: Array<{ node: Props }> }>(`{ search(query: "moestuin", types: [CASE]) { node { id ${fields} } } }`);
    expect(cypher).not.toContain('properties(node)');
    const found = answer.search.map((hit) => hit.node);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((node) => node.municipality !== null)).toBe(true);
    const reference = await whole(found.map((node) => node.id), fields);
    for (const node of found) expect(node).toEqual(reference.get(node.id));
  });
});
