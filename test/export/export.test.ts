import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { exportRoutes } from '../../src/server/export-routes.js';
import type { NeighbourhoodQuery, NeighbourhoodQueryVariables, StatsQuery, StatsQueryVariables } from '../generated/operations.js';
import { startTestApi, testLogger, type TestApi } from '../support/api.js';
import { query } from '../support/operations.js';

// Every export is parsed back by an independent parser (fast-xml-parser, csv-parse, JSON.parse) and
// compared with `stats` and with the GraphQL `neighbourhood` (expected seed values are worked out by hand).
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface Parsed {
  nodes: Array<{ id: string; attributes: Record<string, string | number | boolean> }>;
  edges: Array<{ id: string; source: string; target: string; type: string; attributes: Record<string, string | number | boolean> }>;
}
type File = 'graph.graphml' | 'graph.gexf' | 'graph.json' | 'nodes.csv' | 'edges.csv';
const FILES: File[] = ['graph.graphml', 'graph.gexf', 'graph.json', 'nodes.csv', 'edges.csv'];

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data', 'attribute', 'attributes', 'attvalue'].includes(name),
});
const arrayOf = <T>(value: T[] | undefined) => value ?? [];

/** Reads any export into nodes and edges (attributes as the file spells them). */
function parseExport(file: File, text: string): Parsed {
  switch (file) {
    case 'graph.graphml': {
      const graphml = xml.parse(text).graphml;
      const keys = new Map(arrayOf<{ id: string; 'attr.name': string }>(graphml.key).map((key) => [key.id, key['attr.name']]));
      const data = (items: Array<{ key: string; '#text'?: string }> | undefined) =>
        Object.fromEntries(arrayOf(items).map((item) => [keys.get(item.key)!, item['#text'] ?? '']));
      const graph = graphml.graph;
      return {
        nodes: arrayOf<{ id: string; data: never }>(graph.node).map((node) => ({ id: node.id, attributes: data(node.data) })),
        edges: arrayOf<{ id: string; source: string; target: string; data: never }>(graph.edge).map((edge) => {
          const attributes = data(edge.data);
          return { id: edge.id, source: edge.source, target: edge.target, type: String(attributes.label), attributes };
        }),
      };
    }
    case 'graph.gexf': {
      const graph = xml.parse(text).gexf.graph;
      type Values = { attvalues?: { attvalue: Array<{ for: string; value: string }> } };
      const values = (item: Values) => Object.fromEntries(arrayOf(item.attvalues?.attvalue).map((v) => [v.for, v.value]));
      return {
        nodes: arrayOf<Values & { id: string; label: string }>(graph.nodes?.node).map((node) => ({ id: node.id, attributes: { label: node.label, ...values(node) } })),
        edges: arrayOf<Values & { id: string; source: string; target: string; label: string }>(graph.edges?.edge).map((edge) => ({
          id: edge.id, source: edge.source, target: edge.target, type: edge.label, attributes: values(edge),
        })),
      };
    }
    case 'graph.json': {
      const { elements } = JSON.parse(text) as { elements: { nodes: Array<{ data: Record<string, never> }>; edges: Array<{ data: Record<string, never> }> } };
      return {
        nodes: elements.nodes.map(({ data }) => ({ id: data.id, attributes: data })),
        edges: elements.edges.map(({ data }) => ({ id: data.id, source: data.source, target: data.target, type: data.type, attributes: data })),
      };
    }
    case 'nodes.csv':
      return { nodes: (parseCsv(text, { columns: true }) as Array<Record<string, string>>).map((row) => ({ id: row.Id!, attributes: row })), edges: [] };
    case 'edges.csv':
      return {
        nodes: [],
        edges: (parseCsv(text, { columns: true }) as Array<Record<string, string>>).map((row) => ({
          id: row.Id!, source: row.Source!, target: row.Target!, type: row.Label!, attributes: row,
        })),
      };
  }
}

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const stats = () => query<StatsQuery, StatsQueryVariables>(`${api.url}/graphql`, 'Stats', { top: 1 }).then((data) => data.stats);

/**
 * Runs `read` between two `stats` calls and returns both once they agree: other test files may write
 * while this one runs, and a count is only comparable with a graph that held still around it.
 */
async function whileStill<T>(read: () => Promise<T>): Promise<{ counts: StatsQuery['stats']; result: T }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const before = await stats();
    const result = await read();
    const after = await stats();
    if (JSON.stringify(before) === JSON.stringify(after)) return { counts: before, result };
  }
  throw new Error('The graph kept changing while exporting');
}

function expectWellFormed(parsed: Parsed, withNodes: boolean) {
  const nodeIds = new Set(parsed.nodes.map((node) => node.id));
  expect(nodeIds.size).toBe(parsed.nodes.length);
  expect(new Set(parsed.edges.map((edge) => edge.id)).size).toBe(parsed.edges.length);
  for (const edge of parsed.edges) {
    expect(edge.id).toBe(`${edge.source}|${edge.type}|${edge.target}`);
    if (withNodes) expect(nodeIds.has(edge.source) && nodeIds.has(edge.target), edge.id).toBe(true);
  }
}

describe('whole-graph exports', () => {
  it.each(FILES)('%s holds exactly the nodes and relationships stats counts', async (file) => {
    const { counts, result } = await whileStill(() => download(`/export/${file}`));
    expect(result.status).toBe(200);
    const parsed = parseExport(file, result.text);
    if (file !== 'edges.csv') expect(parsed.nodes).toHaveLength(counts.nodeCount);
    if (file !== 'nodes.csv') expect(parsed.edges).toHaveLength(counts.relationshipCount);
    expectWellFormed(parsed, !file.endsWith('.csv'));
    // At least the seed: 106 nodes, 507 relationships (seed/README.md).
    expect(counts.nodeCount).toBeGreaterThanOrEqual(106);
    // The first whole-graph export also plans its queries: slow on a loaded 2-core machine.
  }, 120_000);

  it('names the file and streams it', async () => {
    const names: Record<File, [string, string]> = {
      'graph.graphml': ['application/graphml+xml', 'practice-graph.graphml'],
      'graph.gexf': ['application/gexf+xml', 'practice-graph.gexf'],
      'graph.json': ['application/json', 'practice-graph.json'],
      'nodes.csv': ['text/csv', 'practice-graph-nodes.csv'],
      'edges.csv': ['text/csv', 'practice-graph-edges.csv'],
    };
    for (const file of FILES) {
      const { headers } = await download(`/export/${file}`);
      expect(headers.get('content-type')).toContain(names[file][0]);
      expect(headers.get('content-disposition')).toBe(`attachment; filename="${names[file][1]}"`);
    }
    // The GraphML of the seed is well over one 64 KiB write: sent in chunks, without a Content-Length.
    const { headers } = await download('/export/graph.graphml');
    expect(headers.get('transfer-encoding')).toBe('chunked');
    expect(headers.get('content-length')).toBeNull();
  });

  it('reads the whole graph page by page and writes the same file whatever the page size', async () => {
    // The export router alone, with pages of 7 nodes, next to the real API's default of 1000.
    const app = express();
    app.use(exportRoutes(api.db, { logger: testLogger, pageSize: 7 }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const statements: string[] = [];
    const stop = api.db.observe((event) => statements.push(event.cypher));
    try {
      const small = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { result } = await whileStill(async () => {
        const paged = await (await fetch(`${small}/export/graph.json`)).text();
        const whole = (await download('/export/graph.json')).text;
        return { paged, whole };
      });
      expect(result.paged).toBe(result.whole);
      // Each of the 11 labels takes at least one page of nodes and one of edges; Employee and Case (30, 36) take several.
      expect(statements.filter((cypher) => cypher.includes('LIMIT $size')).length).toBeGreaterThan(2 * 11 + 2 * 8);
    } finally {
      stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('types attributes: numbers, booleans and dates as each format allows', async () => {
    const graphml = (await download('/export/graph.graphml')).text;
    const doc = xml.parse(graphml).graphml;
    const keyType = (id: string) => doc.key.find((key: { id: string }) => key.id === id)['attr.type'];
    expect([keyType('n_year'), keyType('n_participantCount'), keyType('n_synthetic'), keyType('n_restricted'), keyType('n_date'), keyType('e_lead')]).toEqual([
      'int', 'int', 'boolean', 'boolean', 'string', 'boolean',
    ]);
    const meeting = parseExport('graph.graphml', graphml).nodes.find((node) => node.id === 'meeting:leerkring-2018-03-14')!;
    expect(meeting.attributes).toMatchObject({ type: 'MEETING', participantCount: '60', date: '2018-03-14', kind: 'LEARNING_CIRCLE', synthetic: 'false' });

    const gexf = xml.parse((await download('/export/graph.gexf')).text).gexf;
    expect(gexf.xmlns).toBe('http://www.gexf.net/1.2draft');
    expect(gexf.version).toBe('1.2');
    expect(gexf.graph.defaultedgetype).toBe('directed');
    const nodeAttributes = gexf.graph.attributes.find((a: { class: string }) => a.class === 'node').attribute;
    expect(nodeAttributes.find((a: { id: string }) => a.id === 'participantCount').type).toBe('integer');
    expect(nodeAttributes.find((a: { id: string }) => a.id === 'synthetic').type).toBe('boolean');

    const json = parseExport('graph.json', (await download('/export/graph.json')).text);
    const jsonMeeting = json.nodes.find((node) => node.id === 'meeting:leerkring-2018-03-14')!.attributes;
    expect(jsonMeeting).toMatchObject({ participantCount: 60, date: '2018-03-14', synthetic: false, type: 'MEETING', label: 'Werken aan ambtelijk vakmanschap in gemeente in de participatiemaatschappij' });
    expect(json.nodes.find((node) => node.id === 'employee:breda-01')!.attributes).toMatchObject({ synthetic: true, type: 'EMPLOYEE' });
    expect(json.edges.find((edge) => edge.id === 'person:frank-hendriks|RESEARCHES|research:ambtelijk-vakmanschap')!.attributes).toMatchObject({ lead: true });
    for (const node of json.nodes) expect(node.attributes).not.toHaveProperty('searchKey');
  });

  it('writes the spreadsheet columns Gephi (and our CSV import) read', async () => {
    const nodesCsv = (await download('/export/nodes.csv')).text;
    expect(nodesCsv.split('\n', 1)[0]).toBe(
      'Id,Label,Type,title,institution,startYear,reportedIntervieweeCount,reportedIntervieweeQualifier,reportedIntervieweePopulation,questions,method,name,kind,role,province,pseudonym,department,description,gloss,statement,date,participantCount,summary,year,restricted,locator,synthetic,text,startPosition,endPosition,mainPoint,' +
        'degree,inDegree,outDegree,betweenness,pageRank,community',
    );
    const nodes = parseCsv(nodesCsv, { columns: true }) as Array<Record<string, string>>;
    expect(nodes.find((row) => row.Id === 'meeting:leerkring-2018-03-14')).toMatchObject({ Type: 'MEETING', participantCount: '60', date: '2018-03-14', year: '' });
    expect(nodes.find((row) => row.Id === 'source:illustratieve-steekproef')).toMatchObject({ Type: 'SOURCE', kind: 'ILLUSTRATIVE', synthetic: 'true' });
    expect(nodes.find((row) => row.Id === 'municipality:breda')).toMatchObject({ Label: 'Breda', name: 'Breda', province: 'Noord-Brabant' });

    const edgesCsv = (await download('/export/edges.csv')).text;
    expect(edgesCsv.split('\n', 1)[0]).toBe('Source,Target,Type,Label,Id,lead,evidence,restricted,workingGroup,role,point,locator,inferred,note,sourceId,by,at,synthetic');
    const edges = parseCsv(edgesCsv, { columns: true }) as Array<Record<string, string>>;
    expect(new Set(edges.map((row) => row.Type))).toEqual(new Set(['Directed']));
    expect(edges.find((row) => row.Id === 'person:bertien-houwing|SPOKE_AT|meeting:leerkring-2018-03-14')).toMatchObject({ Label: 'SPOKE_AT', role: 'opening' });
    expect(edges.find((row) => row.Id === 'municipality:breda|SOURCED_FROM|source:leerkring-2018-03-14')!.locator).not.toBe('');
  });

  it('?types= keeps some node types and the relationships among them', async () => {
    const { counts, result } = await whileStill(() => download('/export/graph.gexf?types=practice,DILEMMA'));
    expect(result.headers.get('content-disposition')).toBe('attachment; filename="practice-graph-practice-dilemma.gexf"');
    const parsed = parseExport('graph.gexf', result.text);
    const count = (label: string) => counts.byLabel.find((entry) => entry.label === label)!.count;
    expect(parsed.nodes).toHaveLength(count('Practice') + count('Dilemma'));
    // Between practices and dilemmas there is only ADDRESSES.
    expect(new Set(parsed.edges.map((edge) => edge.type))).toEqual(new Set(['ADDRESSES']));
    expect(parsed.edges).toHaveLength(counts.byType.find((entry) => entry.type === 'ADDRESSES')!.count);
    expectWellFormed(parsed, true);
  });
});

describe('focused exports', () => {
  const neighbourhood = (variables: NeighbourhoodQueryVariables) =>
    query<NeighbourhoodQuery, NeighbourhoodQueryVariables>(`${api.url}/graphql`, 'Neighbourhood', variables).then((data) => data.neighbourhood);

  it.each(FILES)('%s of ?focus=municipality:breda&depth=1 is the GraphQL neighbourhood', async (file) => {
    const expected = await neighbourhood({ id: 'municipality:breda', depth: 1, limit: 2000 });
    expect(expected.nodes).toHaveLength(15);
    // 28 before the report's co-funding: research:ambtelijk-vakmanschap -[:FUNDED_BY]-> breda is the 29th.
    expect(expected.edges).toHaveLength(29);
    const { status, headers, text } = await download(`/export/${file}?focus=municipality:breda&depth=1`);
    expect(status).toBe(200);
    expect(headers.get('x-subgraph-truncated')).toBe('false');
    const suffix = file.endsWith('.csv') ? `-${file.replace('.csv', '')}.csv` : file.slice(file.indexOf('.'));
    expect(headers.get('content-disposition')).toBe(`attachment; filename="practice-graph-municipality-breda-depth-1${suffix}"`);
    const parsed = parseExport(file, text);
    if (file !== 'edges.csv') expect(parsed.nodes.map((node) => node.id)).toEqual(expected.nodes.map((node) => node.id));
    if (file !== 'nodes.csv') expect(parsed.edges.map((edge) => edge.id)).toEqual(expected.edges.map((edge) => edge.id));
  });

  it('honours depth, limit, types and relationshipTypes as neighbourhood does', async () => {
    const cut = await download('/export/graph.json?focus=municipality:breda&limit=5');
    expect(cut.headers.get('x-subgraph-truncated')).toBe('true');
    expect(parseExport('graph.json', cut.text).nodes).toHaveLength(5);
    const typed = parseExport('graph.json', (await download('/export/graph.json?focus=municipality:breda&depth=2&types=EMPLOYEE,PRACTICE')).text);
    // Breda, its 6 employees and the 9 practices they use; 6 WORKS_AT and 16 USES.
    expect(typed.nodes).toHaveLength(16);
    expect(typed.edges).toHaveLength(22);
    const works = parseExport('edges.csv', (await download('/export/edges.csv?focus=municipality:breda&relationshipTypes=WORKS_AT')).text);
    expect(new Set(works.edges.map((edge) => edge.type))).toEqual(new Set(['WORKS_AT']));
    expect(works.edges).toHaveLength(6);
  });
});

describe('synthetic and restricted on every row', () => {
  const flag = (value: unknown) => value === true || value === 'true' ? true : value === false || value === 'false' ? false : value;

  it.each(FILES)('%s: every node and edge says synthetic (true or false), every case and USES edge says restricted', async (file) => {
    const { status, text } = await download(`/export/${file}`);
    expect(status).toBe(200);
    const parsed = parseExport(file, text);
    const typeOf = (node: Parsed['nodes'][number]) => String(node.attributes.type ?? node.attributes.Type);
    for (const node of parsed.nodes) {
      expect([true, false], node.id).toContain(flag(node.attributes.synthetic));
      if (typeOf(node) === 'CASE') expect([true, false], node.id).toContain(flag(node.attributes.restricted));
    }
    for (const edge of parsed.edges) {
      expect([true, false], edge.id).toContain(flag(edge.attributes.synthetic));
      if (edge.type === 'USES') expect([true, false], edge.id).toContain(flag(edge.attributes.restricted));
    }
    if (file !== 'edges.csv') {
      // The report's facts are real, the sample's employees are not.
      expect(flag(parsed.nodes.find((node) => node.id === 'municipality:breda')!.attributes.synthetic)).toBe(false);
      expect(flag(parsed.nodes.find((node) => node.id === 'employee:breda-01')!.attributes.synthetic)).toBe(true);
    }
    if (file !== 'nodes.csv') {
      expect(flag(parsed.edges.find((edge) => edge.id === 'employee:breda-01|WORKS_AT|municipality:breda')!.attributes.synthetic)).toBe(true);
      expect(flag(parsed.edges.find((edge) => edge.id === 'municipality:breda|SOURCED_FROM|source:leerkring-2018-03-14')!.attributes.synthetic)).toBe(false);
    }
  }, 120_000);

  it.each(FILES)('%s?scope=real holds only real nodes and edges, ?scope=synthetic only made-up ones', async (file) => {
    const real = await download(`/export/${file}?scope=real`);
    expect(real.status).toBe(200);
    expect(real.headers.get('x-data-scope')).toBe('REAL');
    expect(real.headers.get('content-disposition')).toContain('-real');
    const realParsed = parseExport(file, real.text);
    for (const element of [...realParsed.nodes, ...realParsed.edges]) expect(flag(element.attributes.synthetic), element.id).toBe(false);
    const made = parseExport(file, (await download(`/export/${file}?scope=SYNTHETIC`)).text);
    for (const element of [...made.nodes, ...made.edges]) expect(flag(element.attributes.synthetic), element.id).toBe(true);
    if (file !== 'edges.csv') {
      expect(realParsed.nodes.some((node) => node.id === 'municipality:breda')).toBe(true);
      expect(made.nodes.some((node) => node.id === 'employee:breda-01')).toBe(true);
    }
    expect(realParsed.nodes.length + realParsed.edges.length).toBeGreaterThan(0);
  }, 120_000);

  it('a focused export takes the scope too (the neighbourhood of that scope)', async () => {
    const parsed = parseExport('graph.json', (await download('/export/graph.json?focus=municipality:breda&scope=real')).text);
    expect(parsed.nodes.length).toBeGreaterThan(1);
    for (const element of [...parsed.nodes, ...parsed.edges]) expect(flag(element.attributes.synthetic), element.id).toBe(false);
  });
});

describe('bad requests', () => {
  it.each([
    ['/export/graph.graphml?depth=2', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/graph.graphml?limit=5', 400, 'BAD_USER_INPUT', 'limit'],
    ['/export/graph.graphml?focus=municipality:breda&depth=two', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/graph.graphml?focus=municipality:breda&depth=4', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/graph.graphml?focus=municipality:breda&depth=-1', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/graph.graphml?focus=municipality:breda&limit=0', 400, 'BAD_USER_INPUT', 'limit'],
    ['/export/graph.graphml?focus=municipality:breda&relationshipTypes=LIKES', 400, 'BAD_USER_INPUT', 'relationshipTypes'],
    ['/export/nodes.csv?types=PRACTICE,FOO', 400, 'BAD_USER_INPUT', 'types'],
    ['/export/nodes.csv?types=,', 400, 'BAD_USER_INPUT', 'types'],
    ['/export/nodes.csv?types=PRACTICE&types=CASE', 400, 'BAD_USER_INPUT', 'types'],
    ['/export/nodes.csv?fokus=municipality:breda', 400, 'BAD_USER_INPUT', 'fokus'],
    ['/export/nodes.csv?focus=', 400, 'BAD_USER_INPUT', 'focus'],
    ['/export/nodes.csv?scope=fake', 400, 'BAD_USER_INPUT', 'scope'],
    ['/export/graph.gexf?scope=real&scope=all', 400, 'BAD_USER_INPUT', 'scope'],
    ['/export/graph.gexf?focus=municipality:atlantis', 404, 'NOT_FOUND', undefined],
    ['/export/graph.gexf?focus=%22)%20OR%201%3D1%20%2F%2F', 404, 'NOT_FOUND', undefined],
    ['/export/graph.xlsx', 404, 'NOT_FOUND', undefined],
  ] as const)('%s → %i %s', async (path, status, code, field) => {
    const response = await download(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = JSON.parse(response.text) as { errors: Array<{ message: string; extensions: { code: string; field?: string } }> };
    expect(body.errors[0]!.extensions.code).toBe(code);
    if (field) expect(body.errors[0]!.extensions.field).toBe(field);
    expect(body.errors[0]!.message.length).toBeGreaterThan(10);
  });
});
