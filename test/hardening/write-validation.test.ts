import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/neo4j.js';
import { startHardenedApi, testAuth, type HardenedApi, type Reply } from './support.js';

/**
 * Issue 15, one validation for every write path (items 3-5 of the report), through the API as a client
 * sends it: the model's text rules (length limits per property and for ids, no control characters, valid
 * Unicode) on create/update, `link` (relationship properties such as USES.evidence), `importGraph` and
 * `importCsv`; CSV rows with the wrong number of cells. Every violation is BAD_USER_INPUT naming the item,
 * the field and the limit, and nothing is written. (Before: evidence of any length and NUL bytes were
 * stored, long ids gave INTERNAL_SERVER_ERROR "Property value is too large to index", a lone surrogate
 * became U+FFFD, and `…,SKILL,Hello, world,…` shifted the columns silently.)
 */
const slug = uniqueId('valid').replace(':', '-');
const ids = {
  employee: `employee:${slug}`,
  practice: `practice:${slug}`,
  source: `source:${slug}`,
};
const LINK = 'mutation ($from: ID!, $type: String!, $to: ID!, $properties: JSONObject) { link(from: $from, type: $type, to: $to, properties: $properties) { id } }';
const CREATE = 'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id name } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdatePracticeInput!) { updatePractice(id: $id, input: $input) { id } }';
const IMPORT = 'mutation ($document: JSONObject!) { importGraph(document: $document) { nodes { created } } }';
const IMPORT_CSV = 'mutation ($nodes: String!, $edges: String) { importCsv(nodes: $nodes, edges: $edges) { nodes { created } } }';

describe('one validation for every write path', () => {
  let api: HardenedApi;
  const editor = { role: 'editor' as const };

  beforeAll(async () => {
    api = await startHardenedApi({ auth: testAuth() });
    const { body } = await api.gql(IMPORT, {
      document: {
        source: { id: ids.source, title: 'Validatie', kind: 'DOCUMENT', synthetic: true },
        nodes: [
          { type: 'Employee', id: ids.employee, pseudonym: 'Vera V.' },
          { type: 'Practice', id: ids.practice, name: 'Valideren', kind: 'SKILL' },
        ],
        relationships: [],
      },
    }, editor);
    expect(body.errors).toBeUndefined();
  });
  afterAll(async () => {
    const prefixes = ['employee', 'practice', 'source', 'dilemma', 'conclusion'].map((prefix) => `${prefix}:${slug}`);
    await api.db.write('MATCH (n) WHERE any(prefix IN $prefixes WHERE n.id STARTS WITH prefix) DETACH DELETE n', { prefixes });
    await api?.close();
  });

  /** The one error of a refused write: BAD_USER_INPUT, with its message (and the import's error list). */
  function refused(reply: Reply): string {
    expect(reply.status, reply.text).toBeLessThan(500);
    const errors = reply.body.errors ?? [];
    expect(errors.map((error: { extensions: { code: string } }) => error.extensions.code), reply.text.slice(0, 500)).toEqual(['BAD_USER_INPUT']);
    return [errors[0].message, ...(errors[0].extensions.errors ?? [])].join('\n');
  }
  const nodesWith = async (prefix: string) => (await api.db.read('MATCH (n) WHERE n.id STARTS WITH $prefix RETURN n.id AS id', { prefix })).map((row) => row.id);

  describe('length limits from the model', () => {
    it('link: USES.evidence over 10,000 characters is refused naming the relationship, the property and the limit; nothing stored', async () => {
      const message = refused(await api.gql(LINK, { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'x'.repeat(10_001) } }, editor));
      expect(message).toBe('USES properties.evidence is 10,001 characters long; at most 10,000 are allowed');
      expect(await api.db.read('MATCH (:Employee {id: $from})-[r:USES]->() RETURN r', { from: ids.employee })).toEqual([]);
      // At the limit it is stored.
      const ok = await api.gql(LINK, { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'x'.repeat(10_000) } }, editor);
      expect(ok.body.errors).toBeUndefined();
    });

    it('importGraph: a description over the limit names the item, the field and the limit; nothing written', async () => {
      const id = `practice:${slug}-lang`;
      const message = refused(await api.gql(IMPORT, {
        document: {
          source: { id: ids.source, title: 'Validatie', kind: 'DOCUMENT', synthetic: true },
          nodes: [
            { type: 'Practice', id: `${id}-ok`, name: 'Goed', kind: 'SKILL' },
            { type: 'Practice', id, name: 'Lang', kind: 'SKILL', description: 'é'.repeat(10_001) },
          ],
          relationships: [],
        },
      }, editor));
      expect(message).toContain(`nodes[1] (${id}): description is 10,001 characters long; at most 10,000 are allowed`);
      expect(await nodesWith(id)).toEqual([]);
    });

    it('ids of 9,000 characters: BAD_USER_INPUT naming the limit (not INTERNAL_SERVER_ERROR "too large to index") on create, importGraph and importCsv', async () => {
      const longId = `practice:${slug}-${'a'.repeat(9_000)}`;
      expect(refused(await api.gql(CREATE, { input: { id: longId, name: 'Lang id', kind: 'SKILL' } }, editor))).toMatch(/^id is 9,0\d\d characters long; ids are at most 200$/);
      const imported = refused(await api.gql(IMPORT, {
        document: { source: { id: ids.source, title: 'Validatie', kind: 'DOCUMENT', synthetic: true }, nodes: [{ type: 'Practice', id: longId, name: 'Lang id', kind: 'SKILL' }], relationships: [] },
      }, editor));
      expect(imported).toMatch(/nodes\[0\] \("practice:.*"… \(9,0\d\d characters\)\): id is 9,0\d\d characters long; ids are at most 200/);
      expect(refused(await api.gql(IMPORT_CSV, { nodes: `Id,Type,name,kind\n${longId},Practice,Lang id,SKILL\n` }, editor))).toMatch(/nodes\.csv line 2 .*: id is 9,0\d\d characters long; ids are at most 200/);
      // Neither the id nor the refused value is echoed back whole.
      expect(imported.length).toBeLessThan(2_000);
      expect(await nodesWith(`practice:${slug}-aaaa`)).toEqual([]);
    });

    it('values at the limits fit Neo4j\'s indexes: a statement of 10,000 emoji (the search key is cut), names of 500, ids of 200', async () => {
      const CONCLUSION = 'mutation ($input: CreateConclusionInput!) { createConclusion(input: $input) { id } }';
      const statement = await api.gql(CONCLUSION, { input: { id: `conclusion:${slug}-emoji`, statement: '🙂'.repeat(10_000) } }, editor);
      // Before the search key was cut: INTERNAL_SERVER_ERROR "Property value is too large to index … property size: 40000".
      expect(statement.body.errors).toBeUndefined();
      // NFKD folding lengthens some characters 18-fold (U+FDFA): the key is cut after folding.
      const folded = await api.gql(CONCLUSION, { input: { id: `conclusion:${slug}-fold`, statement: '\uFDFA'.repeat(10_000) } }, editor);
      expect(folded.body.errors).toBeUndefined();
      const longest = `practice:${slug}-${'a'.repeat(200 - `practice:${slug}-`.length)}`;
      expect(longest).toHaveLength(200);
      const practice = await api.gql(CREATE, { input: { id: longest, name: '🙂'.repeat(500), kind: 'SKILL' } }, editor);
      expect(practice.body.errors).toBeUndefined();
    });

    it('importCsv: a name of 600,000 characters is refused naming file, line, id, field and limit', async () => {
      const id = `practice:${slug}-csvlang`;
      const message = refused(await api.gql(IMPORT_CSV, { nodes: `Id,Type,name,kind\n${id},Practice,${'n'.repeat(600_000)},SKILL\n` }, editor));
      expect(message).toContain(`nodes.csv line 2 (${id}): name is 600,000 characters long; at most 500 are allowed`);
      expect(message.length).toBeLessThan(2_000);
      expect(await nodesWith(id)).toEqual([]);
    });
  });

  describe('control characters and broken text', () => {
    it('NUL and escape characters are refused by createPractice, updatePractice, link, importGraph and importCsv', async () => {
      const id = `practice:${slug}-nul`;
      expect(refused(await api.gql(CREATE, { input: { id, name: 'Nul\u0000byte', kind: 'SKILL' } }, editor))).toBe(
        'Practice name contains the control character U+0000 at character 4; only tab, line feed and carriage return are allowed',
      );
      expect(refused(await api.gql(UPDATE, { id: ids.practice, input: { description: 'kleur \u001b[31mrood' } }, editor))).toMatch(/^Practice description contains the control character U\+001B at character 7;/);
      expect(refused(await api.gql(LINK, { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'a\u0007b' } }, editor))).toMatch(/^USES properties.evidence contains the control character U\+0007/);
      expect(refused(await api.gql(CREATE, { input: { id, name: 'Locator', kind: 'SKILL', sourceLocator: 'p.\u00003' } }, editor))).toMatch(/^sourceLocator contains the control character U\+0000/);
      expect(refused(await api.gql(IMPORT, {
        document: { source: { id: ids.source, title: 'Validatie', kind: 'DOCUMENT', synthetic: true }, nodes: [{ type: 'Practice', id, name: 'Nul\u0000', kind: 'SKILL' }], relationships: [] },
      }, editor))).toContain(`nodes[0] (${id}): name contains the control character U+0000 at character 4`);
      expect(refused(await api.gql(IMPORT_CSV, { nodes: `Id,Type,name,kind\n${id},Practice,"Nul\u0000",SKILL\n` }, editor))).toContain(
        `nodes.csv line 2 (${id}): name contains the control character U+0000 at character 4`,
      );
      expect(await nodesWith(id)).toEqual([]);
      const [practice] = await api.db.read('MATCH (p:Practice {id: $id}) RETURN p.description AS description', { id: ids.practice });
      expect(practice).toEqual({ description: null });
    });

    it('tab, line feed and carriage return are kept', async () => {
      const id = `practice:${slug}-tab`;
      const reply = await api.gql(CREATE, { input: { id, name: 'Met\ttab', kind: 'SKILL', description: 'regel 1\r\nregel 2' } }, editor);
      expect(reply.body.errors).toBeUndefined();
      expect(await api.db.read('MATCH (p:Practice {id: $id}) RETURN p.name AS name, p.description AS description', { id })).toEqual([
        { name: 'Met\ttab', description: 'regel 1\r\nregel 2' },
      ]);
    });

    it('a lone surrogate is refused, not stored as U+FFFD', async () => {
      const id = `practice:${slug}-surrogaat`;
      expect(refused(await api.gql(CREATE, { input: { id, name: 'Half \uD83D teken', kind: 'SKILL' } }, editor))).toBe(
        'Practice name is not valid Unicode: a lone surrogate U+D83D at character 6',
      );
      expect(refused(await api.gql(IMPORT, {
        document: { source: { id: ids.source, title: 'Validatie', kind: 'DOCUMENT', synthetic: true }, nodes: [{ type: 'Practice', id, name: 'x\uDC00', kind: 'SKILL' }], relationships: [] },
      }, editor))).toContain('name is not valid Unicode: a lone surrogate U+DC00 at character 2');
      expect(await nodesWith(id)).toEqual([]);
    });
  });

  describe('CSV rows with the wrong number of cells', () => {
    it('an unquoted comma (…,SKILL,Hello, world,the description) is refused naming the line; nothing written', async () => {
      const id = `practice:${slug}-komma`;
      const nodes = ['Id,Type,kind,name,description', `${id}-ok,Practice,SKILL,Goed,Een goede regel`, `${id},Practice,SKILL,Hello, world,the description`].join('\n');
      const message = refused(await api.gql(IMPORT_CSV, { nodes }, editor));
      expect(message).toContain('nodes.csv line 3: 6 cells, but the header has 5 columns; put a value that contains "," in double quotes');
      expect(await nodesWith(id)).toEqual([]);
      // Quoted, the same row imports with the comma in the name.
      const quoted = await api.gql(IMPORT_CSV, { nodes: ['Id,Type,kind,name,description', `${id},Practice,SKILL,"Hello, world",the description`].join('\n') }, editor);
      expect(quoted.body.errors).toBeUndefined();
      expect(await api.db.read('MATCH (p:Practice {id: $id}) RETURN p.name AS name, p.description AS description', { id })).toEqual([{ name: 'Hello, world', description: 'the description' }]);
    });

    it('rows with fewer cells, and extra cells in edges.csv, are refused naming each line', async () => {
      const nodes = ['Id,Type,name', `dilemma:${slug}-kort,Dilemma`, `dilemma:${slug}-goed,Dilemma,Goed`].join('\n');
      const edges = ['Source,Target,Label', `dilemma:${slug}-goed,source:x,SOURCED_FROM,extra`].join('\n');
      const message = refused(await api.gql(IMPORT_CSV, { nodes, edges }, editor));
      expect(message).toContain('nodes.csv line 2: 2 cells, but the header has 3 columns');
      expect(message).toContain('edges.csv line 2: 4 cells, but the header has 3 columns');
      expect(await nodesWith(`dilemma:${slug}`)).toEqual([]);
    });
  });
});
