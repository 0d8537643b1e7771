import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AllShortestPathsQuery,
  AllShortestPathsQueryVariables,
  NeighbourhoodQuery,
  NeighbourhoodQueryVariables,
  ShortestPathQuery,
  ShortestPathQueryVariables,
} from '../generated/operations.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { query, runOperation } from '../support/operations.js';

// Expected values are read off seed/leerkring-2018-03-14.json and seed/illustrative-sample.json by hand
// (seed/README.md lists several of them).
let api: TestApi;
let endpoint: string;
beforeAll(async () => {
  api = await startTestApi();
  endpoint = `${api.url}/graphql`;
});
afterAll(() => api.close());

type Subgraph = NeighbourhoodQuery['neighbourhood'];
const neighbourhood = (variables: NeighbourhoodQueryVariables) =>
  query<NeighbourhoodQuery, NeighbourhoodQueryVariables>(endpoint, 'Neighbourhood', variables).then((data) => data.neighbourhood);
const errorCode = async (name: string, variables: Record<string, unknown>) => {
  const result = await runOperation<unknown, Record<string, unknown>>(endpoint, name, variables);
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return result.errors![0]!.extensions?.code;
};
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

function expectClosed(subgraph: Subgraph) {
  const ids = new Set(subgraph.nodes.map((node) => node.id));
  expect(ids.size).toBe(subgraph.nodes.length);
  for (const edge of subgraph.edges) {
    expect(ids.has(edge.source) && ids.has(edge.target), edge.id).toBe(true);
    expect(edge.id).toBe(`${edge.source}|${edge.type}|${edge.target}`);
  }
}

describe('neighbourhood', () => {
  it('depth 1 around Breda: its 6 employees, 7 cases and the research, with every relationship among them', async () => {
    const subgraph = await neighbourhood({ id: 'municipality:breda' });
    expectClosed(subgraph);
    expect(subgraph.truncated).toBe(false);
    expect(subgraph.nodes[0]).toMatchObject({ id: 'municipality:breda', type: 'MUNICIPALITY', label: 'Breda', synthetic: false });
    expect(countBy(subgraph.nodes, (node) => node.type)).toEqual({ MUNICIPALITY: 1, EMPLOYEE: 6, CASE: 7, RESEARCH: 1 });
    // WORKS_AT 6 + IN 7 + PARTNERS_WITH 1 + FUNDED_BY 1 (the report's co-funding) from Breda, plus among the
    // neighbours: the Breda employees' INTERVIEWED_FOR (6) and the DESCRIBED edges between Breda employees and Breda cases (8).
    expect(countBy(subgraph.edges, (edge) => edge.type)).toEqual({ WORKS_AT: 6, IN: 7, PARTNERS_WITH: 1, FUNDED_BY: 1, INTERVIEWED_FOR: 6, DESCRIBED: 8 });
    expect(subgraph.edges.some((edge) => edge.type === 'SOURCED_FROM')).toBe(false);
  });

  it('carries display labels, properties without searchKey, provenance and the synthetic flag', async () => {
    const subgraph = await neighbourhood({ id: 'municipality:breda' });
    const breda = subgraph.nodes[0]!;
    // `synthetic` is stored on every node (db/synthetic.ts), so it is among the properties too.
    expect(breda.properties).toEqual({ id: 'municipality:breda', name: 'Breda', province: 'Noord-Brabant', synthetic: false });
    expect(breda.sources).toEqual([{ id: 'source:leerkring-2018-03-14', synthetic: false }]);
    const employee = subgraph.nodes.find((node) => node.type === 'EMPLOYEE')!;
    expect(employee.synthetic).toBe(true);
    expect(employee.label).toBe(employee.properties.pseudonym);
    expect(employee.sources).toEqual([{ id: 'source:illustratieve-steekproef', synthetic: true }]);
    for (const node of subgraph.nodes) expect(node.properties).not.toHaveProperty('searchKey');
    const partners = subgraph.edges.find((edge) => edge.type === 'PARTNERS_WITH')!;
    expect(partners).toMatchObject({ id: 'research:ambtelijk-vakmanschap|PARTNERS_WITH|municipality:breda', source: 'research:ambtelijk-vakmanschap', target: 'municipality:breda' });
  });

  it('costs one statement for the subgraph and one for all the nodes\' sources (no N+1)', async () => {
    const statements: string[] = [];
    const stop = api.db.observe((event) => statements.push(event.cypher));
    try {
      const subgraph = await neighbourhood({ id: 'municipality:breda' });
      expect(subgraph.nodes.every((node) => node.sources.length === 1)).toBe(true);
    } finally {
      stop();
    }
    // The neighbourhood itself, then the sources of Municipality, Employee, Case and Research nodes: a
    // batch per label, all four in one statement.
    expect(statements).toHaveLength(2);
    expect(statements[1]!.match(/SOURCED_FROM\]->\(m\)/g)).toHaveLength(4);
  });

  it('computes properties and the synthetic flag only when the query selects them, with the same nodes and edges', async () => {
    const statements: string[] = [];
    const stop = api.db.observe((event) => statements.push(event.cypher));
    let slim;
    try {
      slim = await api.gql<{ neighbourhood: Subgraph }>(
        `{ neighbourhood(id: "municipality:breda", depth: 2) { nodes { id type label } edges { id type source target } truncated } }`,
      );
    } finally {
      stop();
    }
    expect(slim.body.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain('SOURCED_FROM');
    expect(statements[0]).not.toContain('properties(');
    const full = await neighbourhood({ id: 'municipality:breda', depth: 2 });
    expect(slim.body.data!.neighbourhood).toEqual({
      nodes: full.nodes.map(({ id, type, label }) => ({ id, type, label })),
      edges: full.edges.map(({ id, type, source, target }) => ({ id, type, source, target })),
      truncated: full.truncated,
    });
    // Selected through a fragment, the flag is computed again.
    const flagged = await api.gql<{ neighbourhood: { nodes: Array<{ id: string; synthetic: boolean }> } }>(
      `{ neighbourhood(id: "municipality:breda") { nodes { ...Flag } } } fragment Flag on GraphNode { id synthetic }`,
    );
    expect(flagged.body.data!.neighbourhood.nodes.filter((node) => node.synthetic).length).toBeGreaterThan(0);
    expect(flagged.body.data!.neighbourhood.nodes[0]).toEqual({ id: 'municipality:breda', synthetic: false });
  });

  it('is ordered: focus first, then by distance and id; the same answer every time', async () => {
    const first = await neighbourhood({ id: 'municipality:breda', depth: 2 });
    const again = await neighbourhood({ id: 'municipality:breda', depth: 2 });
    expect(again).toEqual(first);
    expectClosed(first);
    const rest = first.nodes.slice(1).map((node) => node.id);
    // Distance 1 (14 nodes, sorted by id) comes before distance 2.
    const ring1 = (await neighbourhood({ id: 'municipality:breda' })).nodes.slice(1).map((node) => node.id);
    expect(rest.slice(0, 14)).toEqual([...ring1].sort());
    expect(ring1).toEqual([...ring1].sort());
    const edgeKeys = first.edges.map((edge) => [edge.source, edge.type, edge.target].join('\u0000'));
    expect(edgeKeys).toEqual([...edgeKeys].sort());
  });

  it('cuts at the limit, keeping the closest nodes, and says so', async () => {
    const subgraph = await neighbourhood({ id: 'municipality:breda', limit: 5 });
    expect(subgraph.truncated).toBe(true);
    // The four distance-1 nodes with the smallest ids are Breda cases.
    expect(subgraph.nodes.map((node) => node.id)).toEqual([
      'municipality:breda',
      'case:buurtpreventie-app-breda',
      'case:buurttuin-breda-noord',
      'case:groen-schoolplein-breda',
      'case:kerstmarkt-ondernemers-breda',
    ]);
    expect(subgraph.edges.map((edge) => edge.type)).toEqual(['IN', 'IN', 'IN', 'IN']);
    expectClosed(subgraph);
    expect((await neighbourhood({ id: 'municipality:breda', limit: 15 })).truncated).toBe(false);
    expect((await neighbourhood({ id: 'municipality:breda', limit: 14 })).truncated).toBe(true);
    const alone = await neighbourhood({ id: 'municipality:breda', limit: 1 });
    expect(alone).toMatchObject({ truncated: true, edges: [] });
    expect(alone.nodes.map((node) => node.id)).toEqual(['municipality:breda']);
  });

  it('keeps to the given node types, reaching them only through those types', async () => {
    // Breda → its 6 employees → the 9 practices they use (the Breda practice set); other municipalities'
    // employees would be 3 hops away.
    const subgraph = await neighbourhood({ id: 'municipality:breda', depth: 2, types: ['EMPLOYEE', 'PRACTICE'] });
    expectClosed(subgraph);
    expect(countBy(subgraph.nodes, (node) => node.type)).toEqual({ MUNICIPALITY: 1, EMPLOYEE: 6, PRACTICE: 9 });
    expect(countBy(subgraph.edges, (edge) => edge.type)).toEqual({ WORKS_AT: 6, USES: 16 });
    // Without cases, nothing is reachable through Breda's cases: depth 1 with only CASE gives the 7 cases.
    const cases = await neighbourhood({ id: 'municipality:breda', types: ['CASE'] });
    expect(countBy(cases.nodes, (node) => node.type)).toEqual({ MUNICIPALITY: 1, CASE: 7 });
    const none = await neighbourhood({ id: 'municipality:breda', types: [] });
    expect(none.nodes.map((node) => node.id)).toEqual(['municipality:breda']);
  });

  it('keeps to the given relationship types; SOURCED_FROM only when named', async () => {
    const works = await neighbourhood({ id: 'municipality:breda', relationshipTypes: ['WORKS_AT'] });
    expect(countBy(works.nodes, (node) => node.type)).toEqual({ MUNICIPALITY: 1, EMPLOYEE: 6 });
    expect(countBy(works.edges, (edge) => edge.type)).toEqual({ WORKS_AT: 6 });
    const provenance = await neighbourhood({ id: 'municipality:breda', relationshipTypes: ['SOURCED_FROM'] });
    expect(provenance.nodes.map((node) => node.id)).toEqual(['municipality:breda', 'source:leerkring-2018-03-14']);
    expect(provenance.edges.map((edge) => edge.id)).toEqual(['municipality:breda|SOURCED_FROM|source:leerkring-2018-03-14']);
    expect(provenance.edges[0]!.properties).toMatchObject({ locator: expect.any(String) });
    const dilemma = await neighbourhood({ id: 'dilemma:bemiddelen', relationshipTypes: ['ADDRESSES', 'DISCUSSED'] });
    // bemiddelen is addressed by 4 practices and discussed at the one meeting.
    expect(countBy(dilemma.nodes, (node) => node.type)).toEqual({ DILEMMA: 1, PRACTICE: 4, MEETING: 1 });
  });

  it('refuses bad arguments with BAD_USER_INPUT and unknown ids with NOT_FOUND', async () => {
    expect(await errorCode('Neighbourhood', { id: 'municipality:breda', depth: 0 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('Neighbourhood', { id: 'municipality:breda', depth: 4 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('Neighbourhood', { id: 'municipality:breda', limit: 0 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('Neighbourhood', { id: 'municipality:breda', limit: 2001 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('Neighbourhood', { id: 'municipality:breda', relationshipTypes: ['LIKES'] })).toBe('BAD_USER_INPUT');
    expect(await errorCode('Neighbourhood', { id: 'municipality:atlantis' })).toBe('NOT_FOUND');
    expect(await errorCode('Neighbourhood', { id: 'not an id' })).toBe('NOT_FOUND');
    // Explicit nulls mean the defaults (depth 1, limit 200).
    const defaults = await neighbourhood({ id: 'municipality:breda', depth: null, limit: null });
    expect(defaults.nodes).toHaveLength(15);
  });
});

describe('shortestPath and allShortestPaths', () => {
  const shortest = (variables: ShortestPathQueryVariables) =>
    query<ShortestPathQuery, ShortestPathQueryVariables>(endpoint, 'ShortestPath', variables).then((data) => data.shortestPath);
  const all = (variables: AllShortestPathsQueryVariables) =>
    query<AllShortestPathsQuery, AllShortestPathsQueryVariables>(endpoint, 'AllShortestPaths', variables).then((data) => data.allShortestPaths);

  it('Breda to Tilburg: two hops through the research they both partner with, ordered from → to', async () => {
    const path = await shortest({ from: 'municipality:breda', to: 'municipality:tilburg' });
    expect(path!.nodes.map((node) => node.id)).toEqual(['municipality:breda', 'research:ambtelijk-vakmanschap', 'municipality:tilburg']);
    // Edges in path order, each in its stored direction. The research reaches each municipality twice (it is
    // co-funded by it, FUNDED_BY, and partners with it, PARTNERS_WITH): the path takes one of each pair.
    const [first, second] = path!.edges.map((edge) => edge.id);
    expect(first).toMatch(/^research:ambtelijk-vakmanschap\|(FUNDED_BY|PARTNERS_WITH)\|municipality:breda$/);
    expect(second).toMatch(/^research:ambtelijk-vakmanschap\|(FUNDED_BY|PARTNERS_WITH)\|municipality:tilburg$/);
    expect(path!.edges).toHaveLength(2);
    expect((await all({ from: 'municipality:breda', to: 'municipality:tilburg' })).map((route) => route.edges.map((edge) => edge.type).join('+')).sort()).toEqual([
      'FUNDED_BY+FUNDED_BY', 'FUNDED_BY+PARTNERS_WITH', 'PARTNERS_WITH+FUNDED_BY', 'PARTNERS_WITH+PARTNERS_WITH',
    ]);
    expect(path!.truncated).toBe(false);
    const reverse = await shortest({ from: 'municipality:tilburg', to: 'municipality:breda' });
    expect(reverse!.nodes.map((node) => node.id)).toEqual(['municipality:tilburg', 'research:ambtelijk-vakmanschap', 'municipality:breda']);
  });

  it('lists all shortest paths ordered by the ids along them, up to the limit', async () => {
    // employee:breda-01 and employee:tilburg-01 both use "vertrouwen" and were both interviewed for the research.
    const paths = await all({ from: 'employee:breda-01', to: 'employee:tilburg-01' });
    expect(paths.map((path) => path.nodes.map((node) => node.id))).toEqual([
      ['employee:breda-01', 'practice:vertrouwen', 'employee:tilburg-01'],
      ['employee:breda-01', 'research:ambtelijk-vakmanschap', 'employee:tilburg-01'],
    ]);
    expect(paths[0]!.edges.map((edge) => edge.id)).toEqual(['employee:breda-01|USES|practice:vertrouwen', 'employee:tilburg-01|USES|practice:vertrouwen']);
    expect(await all({ from: 'employee:breda-01', to: 'employee:tilburg-01', limit: 1 })).toHaveLength(1);
    const one = await shortest({ from: 'employee:breda-01', to: 'employee:tilburg-01' });
    expect(one!.nodes.map((node) => node.id)).toEqual(paths[0]!.nodes.map((node) => node.id));
    // Two practices of different municipalities meet only in the dilemma both address.
    const practices = await all({ from: 'practice:buurtschouw', to: 'practice:rolwisseling-expliciet-maken' });
    expect(practices.map((path) => path.nodes.map((node) => node.id))).toEqual([['practice:buurtschouw', 'dilemma:bemiddelen', 'practice:rolwisseling-expliciet-maken']]);
  });

  it('does not go through provenance unless asked to', async () => {
    expect(await shortest({ from: 'municipality:breda', to: 'source:leerkring-2018-03-14' })).toBeNull();
    const direct = await shortest({ from: 'municipality:breda', to: 'source:leerkring-2018-03-14', includeSources: true });
    expect(direct!.edges.map((edge) => edge.id)).toEqual(['municipality:breda|SOURCED_FROM|source:leerkring-2018-03-14']);
    // With provenance, the report's source is one more two-hop route between Breda and Tilburg (besides the
    // four through the research: FUNDED_BY or PARTNERS_WITH on each side).
    const paths = await all({ from: 'municipality:breda', to: 'municipality:tilburg', includeSources: true });
    expect(paths.map((path) => path.nodes[1]!.id)).toEqual([...Array(4).fill('research:ambtelijk-vakmanschap'), 'source:leerkring-2018-03-14']);
  });

  it('is null beyond maxDepth, the node alone from a node to itself', async () => {
    expect(await shortest({ from: 'municipality:breda', to: 'municipality:tilburg', maxDepth: 1 })).toBeNull();
    expect(await all({ from: 'municipality:breda', to: 'municipality:tilburg', maxDepth: 1 })).toEqual([]);
    const self = await shortest({ from: 'municipality:breda', to: 'municipality:breda' });
    expect(self!.nodes.map((node) => node.id)).toEqual(['municipality:breda']);
    expect(self!.edges).toEqual([]);
  });

  it('refuses bad arguments and unknown ids', async () => {
    expect(await errorCode('ShortestPath', { from: 'municipality:breda', to: 'municipality:tilburg', maxDepth: 0 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('ShortestPath', { from: 'municipality:breda', to: 'municipality:tilburg', maxDepth: 16 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('AllShortestPaths', { from: 'municipality:breda', to: 'municipality:tilburg', limit: 0 })).toBe('BAD_USER_INPUT');
    expect(await errorCode('ShortestPath', { from: 'municipality:atlantis', to: 'municipality:tilburg' })).toBe('NOT_FOUND');
    expect(await errorCode('ShortestPath', { from: 'municipality:breda', to: 'practice:nothing-like-it' })).toBe('NOT_FOUND');
  });
});
