import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { applyPublicCopies } from '../../src/db/fulltext.js';
import { createApi, type Api } from '../../src/server/app.js';
import type { NeighbourhoodQuery, SearchQuery } from '../generated/operations.js';
import { graphSchema } from '../support/api.js';
import { openTestDatabase, testLogger, uniqueId } from '../support/neo4j.js';
import { operationDocument, type GraphQLResponse } from '../support/operations.js';

// Restricted data (Case.summary of a case with restricted: true, USES.evidence of a USES with
// restricted: true) is this file's own: created with unique ids, no edge to any seed node, removed after.
const TOKENS = { reader: `reader-${uniqueId('t').replace(':', '-')}`, editor: `editor-${uniqueId('t').replace(':', '-')}` };
type Role = 'anonymous' | 'reader' | 'editor';

const slug = uniqueId('x').slice(2);
const ids = { case: `case:${slug}`, open: `case:${slug}-open`, employee: `employee:${slug}`, practice: `practice:${slug}` };
// A word that exists nowhere else, in the hidden summary and the open one; another only in the hidden summary.
const word = `zqx${slug.replace(/-/g, '')}`;
const secret = `qzv${slug.replace(/-/g, '')}`;

let api: Api;
let db: Database;
let base: string;
beforeAll(async () => {
  db = openTestDatabase(inject('neo4jUri'), testLogger);
  const { auth } = loadConfig({ AUTH_TOKENS: `reader:${TOKENS.reader},editor:${TOKENS.editor}` });
  api = createApi({ schema: await graphSchema(), db, logger: testLogger, auth, graphql: { jitAfter: 0 } });
  base = `http://127.0.0.1:${await api.listen(0, '127.0.0.1')}`;
  await db.write(
    `CREATE (c:Case {id: $ids.case, title: 'Beperkte testcasus', summary: 'Vertrouwelijk ' + $word + ' ' + $secret, restricted: true, year: 1999})
     CREATE (o:Case {id: $ids.open, title: 'Open testcasus', summary: 'Openbaar ' + $word, year: 1999})
     CREATE (e:Employee {id: $ids.employee, pseudonym: 'Test T.'})
     CREATE (p:Practice {id: $ids.practice, name: 'Testwerkwijze', kind: 'SKILL'})
     CREATE (e)-[:DESCRIBED]->(c), (e)-[:DESCRIBED]->(o), (c)-[:APPLIES]->(p)
     CREATE (e)-[:USES {evidence: 'geheim citaat', restricted: true}]->(p)`,
    { ids, word, secret },
  );
  // Written by hand, not through a write path of the API: the public copies (the viewers' search index
  // reads them) are mended as at a start.
  await applyPublicCopies(db);
});
afterAll(async () => {
  await db?.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ids) });
  await api?.close();
  await db?.close();
});

const headers = (role: Role): Record<string, string> => (role === 'anonymous' ? {} : { authorization: `Bearer ${TOKENS[role]}` });
async function op<T>(name: string, variables: Record<string, unknown>, role: Role): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers(role) },
    body: JSON.stringify({ query: operationDocument(name), operationName: name, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}
const download = async (path: string, role: Role) => {
  const response = await fetch(`${base}${path}`, { headers: headers(role) });
  expect(response.status, path).toBe(200);
  return response.text();
};

describe('restricted properties', () => {
  it('neighbourhood shows the restricted summary and evidence to editors only', async () => {
    for (const [role, visible] of [['anonymous', false], ['reader', false], ['editor', true]] as const) {
      const { neighbourhood } = await op<NeighbourhoodQuery>('Neighbourhood', { id: ids.case, depth: 2 }, role);
      const node = neighbourhood.nodes.find((n) => n.id === ids.case)!;
      expect(node.properties.restricted, role).toBe(true);
      expect('summary' in node.properties, role).toBe(visible);
      const uses = neighbourhood.edges.find((edge) => edge.id === `${ids.employee}|USES|${ids.practice}`)!;
      expect(uses.properties.restricted, role).toBe(true);
      expect(uses.properties.evidence, role).toBe(visible ? 'geheim citaat' : undefined);
      // The open case keeps its summary for everyone.
      expect(neighbourhood.nodes.find((n) => n.id === ids.open)!.properties.summary).toBe(`Openbaar ${word}`);
    }
  });

  it('search cannot probe a hidden summary: viewers find a restricted case only by its other text', async () => {
    const found = async (text: string, role: Role) =>
      (await op<SearchQuery>('Search', { query: text, types: ['CASE'] }, role)).search.map((hit) => hit.node.id).sort();
    expect(await found(word, 'anonymous')).toEqual([ids.open]);
    expect(await found(secret, 'reader')).toEqual([]);
    expect(await found(word, 'editor')).toEqual([ids.case, ids.open].sort());
    expect(await found(secret, 'editor')).toEqual([ids.case]);
    // Its title is public.
    expect(await found('"beperkte testcasus"', 'anonymous')).toContain(ids.case);
  });

  it('exports follow the same rule, focused and whole', async () => {
    for (const [role, visible] of [['anonymous', false], ['editor', true]] as const) {
      const json = JSON.parse(await download(`/export/graph.json?focus=${encodeURIComponent(ids.case)}&depth=2`, role)) as {
        elements: { nodes: Array<{ data: Record<string, unknown> }>; edges: Array<{ data: Record<string, unknown> }> };
      };
      const node = json.elements.nodes.find((n) => n.data.id === ids.case)!.data;
      expect(node.restricted).toBe(true);
      // The open case's summary is there, its internal public copy (for the search index) is not.
      const open = json.elements.nodes.find((n) => n.data.id === ids.open)!.data;
      expect([open.summary, open.publicSummary], role).toEqual([`Openbaar ${word}`, undefined]);
      expect(node.summary, role).toBe(visible ? `Vertrouwelijk ${word} ${secret}` : undefined);
      const uses = json.elements.edges.find((e) => e.data.id === `${ids.employee}|USES|${ids.practice}`)!.data;
      expect(uses.evidence, role).toBe(visible ? 'geheim citaat' : undefined);

      const nodes = parse(await download('/export/nodes.csv?types=CASE', role), { columns: true }) as Array<Record<string, string>>;
      expect(nodes.find((row) => row.Id === ids.case)!.summary, role).toBe(visible ? `Vertrouwelijk ${word} ${secret}` : '');
      expect(Object.keys(nodes[0]!), 'no column for the internal copy').not.toContain('publicSummary');
      const edges = parse(await download('/export/edges.csv?types=EMPLOYEE,PRACTICE', role), { columns: true }) as Array<Record<string, string>>;
      const row = edges.find((r) => r.Id === `${ids.employee}|USES|${ids.practice}`)!;
      expect([row.evidence, row.restricted], role).toEqual([visible ? 'geheim citaat' : '', 'true']);
      const graphml = await download(`/export/graph.graphml?focus=${encodeURIComponent(ids.case)}`, role);
      expect(graphml.includes(secret), role).toBe(visible);
    }
  });
});
