import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

// Related nodes are fetched with only the properties their selection reads. These tests ask the same
// nodes with different selections in one request and compare every answer with the node read whole.

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
