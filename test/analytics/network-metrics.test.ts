import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NETWORK_METRICS_MAX_NODES, networkMetrics } from '../../src/analytics/index.js';
import { DataScope, NodeType } from '../../src/model/index.js';
import { startTestApi, testLogger, uniqueId, type TestApi } from '../support/api.js';
import { openTestDatabase } from '../support/neo4j.js';

// networkMetrics against the seeded Neo4j: what is loaded (scope, types, relationship types), the cap, the
// cache and its invalidation. The figures themselves are checked against networkx in
// src/analytics/network-metrics.test.ts (Zachary's karate club); here degrees are checked against Cypher counts.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const METRICS = `query Metrics($scope: DataScope, $types: [NodeType!], $relationshipTypes: [String!]) {
  networkMetrics(scope: $scope, types: $types, relationshipTypes: $relationshipTypes) {
    modularity communityCount relationshipCount
    nodes { id type degree inDegree outDegree betweenness pageRank community }
  }
}`;

interface MetricsAnswer {
  networkMetrics: {
    modularity: number;
    communityCount: number;
    relationshipCount: number;
    nodes: Array<{ id: string; type: string; degree: number; inDegree: number; outDegree: number; betweenness: number; pageRank: number; community: number }>;
  };
}

describe('networkMetrics', () => {
  it('measures practices, dilemmas and cases with degrees that match Cypher counts', async () => {
    const types = ['PRACTICE', 'DILEMMA', 'CASE'];
    const { body } = await api.gql<MetricsAnswer>(METRICS, { types });
    expect(body.errors).toBeUndefined();
    const metrics = body.data!.networkMetrics;
    const [counts] = await api.db.read(
      `MATCH (n:Practice|Dilemma|Case) WITH count(n) AS nodes
       RETURN nodes, COUNT { MATCH (:Practice|Dilemma|Case)-[r:APPLIES|RAISES|ADDRESSES]->(:Practice|Dilemma|Case) } AS rels`,
    );
    expect(metrics.nodes).toHaveLength(counts!.nodes as number);
    expect(metrics.relationshipCount).toBe(counts!.rels as number);
    expect(new Set(metrics.nodes.map((node) => node.type))).toEqual(new Set(types));
    expect(metrics.nodes.map((node) => node.id)).toEqual(metrics.nodes.map((node) => node.id).sort());
    // Three nodes with the most relationships: their degrees, counted again by Cypher.
    const busiest = [...metrics.nodes].sort((a, b) => b.degree - a.degree).slice(0, 3);
    expect(busiest[0]!.degree).toBeGreaterThan(0);
    for (const node of busiest) {
      const [row] = await api.db.read(
        `MATCH (n {id: $id})
         RETURN COUNT { (n)<-[:APPLIES|RAISES|ADDRESSES]-(:Practice|Dilemma|Case) } AS inDegree,
                COUNT { (n)-[:APPLIES|RAISES|ADDRESSES]->(:Practice|Dilemma|Case) } AS outDegree`,
        { id: node.id },
      );
      expect(node, node.id).toMatchObject({ inDegree: row!.inDegree, outDegree: row!.outDegree, degree: (row!.inDegree as number) + (row!.outDegree as number) });
    }
    expect(metrics.nodes.reduce((sum, node) => sum + node.pageRank, 0)).toBeCloseTo(1, 6);
    expect(metrics.nodes.every((node) => node.betweenness >= 0 && node.betweenness <= 1)).toBe(true);
    expect(metrics.modularity).toBeGreaterThan(0);
    expect(new Set(metrics.nodes.map((node) => node.community)).size).toBe(metrics.communityCount);
  });

  it('scopes nodes and relationships by their synthetic flag', async () => {
    const all = await networkMetrics(api.db, { types: null });
    const real = await networkMetrics(api.db, { scope: DataScope.REAL });
    const synthetic = await networkMetrics(api.db, { scope: DataScope.SYNTHETIC });
    expect(real.nodes.length).toBeGreaterThan(0);
    expect(synthetic.nodes.length).toBeGreaterThan(0);
    expect(real.nodes.length + synthetic.nodes.length).toBe(all.nodes.length);
    const [flags] = await api.db.read(
      'UNWIND $ids AS id MATCH (n {id: id}) RETURN count(CASE WHEN coalesce(n.synthetic, false) THEN 1 END) AS made',
      { ids: real.nodes.map((node) => node.id) },
    );
    expect(flags!.made).toBe(0);
  });

  it('refuses bad arguments and a subgraph over the cap with BAD_USER_INPUT', async () => {
    const { body } = await api.gql(METRICS, { relationshipTypes: ['USES', 'LIKES'] });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('LIKES');
    await expect(networkMetrics(api.db, { maxNodes: 5 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/at most 5\b.*"types"/s),
    });
    expect(NETWORK_METRICS_MAX_NODES).toBeGreaterThanOrEqual(1_000);
  });

  it('is cached until a write, by this process or another', async () => {
    const options = { types: [NodeType.PRACTICE, NodeType.DILEMMA], relationshipTypes: ['ADDRESSES'] };
    const first = await networkMetrics(api.db, options);
    expect(await networkMetrics(api.db, options)).toBe(first);

    const id = uniqueId('practice');
    await api.db.write("CREATE (:Practice {id: $id, name: 'Netwerkmaat-test', kind: 'SKILL'})", { id });
    try {
      const afterOwnWrite = await networkMetrics(api.db, options);
      expect(afterOwnWrite).not.toBe(first);
      expect(afterOwnWrite.nodes.find((node) => node.id === id)).toMatchObject({ degree: 0, betweenness: 0 });

      // Another process (here: another driver) deletes it: the counts change, so the cache is not trusted.
      const other = openTestDatabase(inject('neo4jUri'), testLogger);
      try {
        await other.write('MATCH (n:Practice {id: $id}) DETACH DELETE n', { id });
      } finally {
        await other.close();
      }
      const afterOtherWrite = await networkMetrics(api.db, options);
      expect(afterOtherWrite.nodes.some((node) => node.id === id)).toBe(false);
      expect(afterOtherWrite.nodes.map((node) => node.id)).toEqual(first.nodes.map((node) => node.id));
    } finally {
      await api.db.write('MATCH (n:Practice {id: $id}) DETACH DELETE n', { id });
    }
  });
});

describe('network measures in the exports', () => {
  const MEASURES = ['degree', 'inDegree', 'outDegree', 'betweenness', 'pageRank', 'community'] as const;
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Only elements repeat: `<data key=…>` must keep its `key` attribute a string.
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'data', 'attribute', 'attvalue'].includes(name),
  });
  const get = async (path: string) => {
    const response = await fetch(`${api.url}${path}`);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  it('gives every node of GraphML, GEXF, Cytoscape JSON and nodes.csv the measures networkMetrics computes', async () => {
    // The same graph the whole-graph export measures: all types, all relationships but SOURCED_FROM, scope REAL.
    const expected = new Map((await networkMetrics(api.db, { scope: DataScope.REAL })).nodes.map((node) => [node.id, node]));
    const check = (id: string, values: Record<string, unknown>) => {
      const node = expected.get(id);
      expect(node, id).toBeDefined();
      for (const name of MEASURES) expect(Number(values[name]), `${name} of ${id}`).toBeCloseTo(node![name], 12);
    };

    const graphml = xml.parse(await get('/export/graph.graphml?scope=real')).graphml;
    const keys = new Map((graphml.key as Array<{ id: string; 'attr.name': string; 'attr.type': string }>).map((key) => [key.id, key]));
    expect(keys.get('n_pageRank')).toMatchObject({ for: 'node', 'attr.type': 'double' });
    expect(keys.get('n_community')).toMatchObject({ 'attr.type': 'int' });
    const graphmlNodes = graphml.graph.node as Array<{ id: string; data: Array<{ key: string; '#text': string }> }>;
    expect(graphmlNodes).toHaveLength(expected.size);
    for (const node of graphmlNodes) check(node.id, Object.fromEntries(node.data.map((d) => [keys.get(d.key)!['attr.name'], d['#text']])));

    const gexf = xml.parse(await get('/export/graph.gexf?scope=real')).gexf.graph;
    const gexfAttributes = (gexf.attributes as Array<{ class: string; attribute: Array<{ id: string; type: string }> }>).find((a) => a.class === 'node')!.attribute;
    expect(gexfAttributes.find((a) => a.id === 'betweenness')).toMatchObject({ type: 'double' });
    const gexfNodes = gexf.nodes.node as Array<{ id: string; attvalues: { attvalue: Array<{ for: string; value: string }> } }>;
    expect(gexfNodes).toHaveLength(expected.size);
    for (const node of gexfNodes) check(node.id, Object.fromEntries(node.attvalues.attvalue.map((v) => [v.for, v.value])));

    const cytoscape = JSON.parse(await get('/export/graph.json?scope=real')) as { elements: { nodes: Array<{ data: Record<string, unknown> }> } };
    expect(cytoscape.elements.nodes).toHaveLength(expected.size);
    for (const { data } of cytoscape.elements.nodes) check(data.id as string, data);

    const rows = parseCsv(await get('/export/nodes.csv?scope=real'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) check(row.Id!, row);
  }, 120_000);

  it('measures a neighbourhood export on the neighbourhood itself', async () => {
    const text = await get('/export/graph.json?focus=dilemma:bemiddelen&depth=1');
    const nodes = (JSON.parse(text) as { elements: { nodes: Array<{ data: Record<string, number | string> }> } }).elements.nodes;
    const focus = nodes.find((node) => node.data.id === 'dilemma:bemiddelen')!.data;
    // Within its own neighbourhood the focus touches every other node, and is the only one that can lie between them.
    expect(focus.degree).toBeGreaterThanOrEqual(nodes.length - 1);
    expect(Math.max(...nodes.map((node) => Number(node.data.betweenness)))).toBe(focus.betweenness);
    expect(nodes.reduce((sum, node) => sum + Number(node.data.pageRank), 0)).toBeCloseTo(1, 6);
  });
});
