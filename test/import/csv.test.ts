import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { tempDir } from '../support/neo4j.js';
import { errorCode, read, TOKENS, uniqueSlug, useAuthApi, type AuthApi, type TestRole } from '../mutations/support.js';

/**
 * The spreadsheet round trip: export nodes.csv + edges.csv (the real /export routes) → edit a cell and add
 * rows as a spreadsheet would → import (importCsv) → the edit is in the graph, re-importing changes
 * nothing. Also CSV validation errors with file and line, and the `npm run import` command line.
 */
let api: AuthApi;
let base: string;
const created = new Set<string>();
const slug = uniqueSlug('csv');
const ids = {
  source: `source:${slug}`,
  town: `municipality:${slug}`,
  employee: `employee:${slug}`,
  practice: `practice:${slug}`,
  case: `case:${slug}`,
  added: `practice:${slug}-nieuw`,
};
const SUMMARY = 'Vertrouwelijke samenvatting van de casus.';
const EVIDENCE = 'Vertrouwelijk citaat.';

useAuthApi(created, (started) => (api = started));
beforeAll(async () => {
  base = api.url.replace(/\/graphql$/, '');
  Object.values(ids).forEach((id) => created.add(id));
  await api.data('ImportGraph', {
    document: {
      source: { id: ids.source, title: 'CSV-test', kind: 'INTERVIEW', synthetic: true },
      nodes: [
        { type: 'Municipality', id: ids.town, name: 'Csvdorp', province: 'Utrecht' },
        { type: 'Employee', id: ids.employee, pseudonym: 'Cees C.', department: 'Wijkzaken', sourceLocator: 'interview 1' },
        { type: 'Practice', id: ids.practice, name: 'Spreadsheet bijhouden', kind: 'ROUTINE' },
        { type: 'Case', id: ids.case, title: 'Csv-casus', summary: SUMMARY, year: 2018, restricted: true },
      ],
      relationships: [
        { from: ids.employee, type: 'WORKS_AT', to: ids.town },
        { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: EVIDENCE, restricted: true } },
        { from: ids.employee, type: 'DESCRIBED', to: ids.case },
        { from: ids.case, type: 'IN', to: ids.town },
      ],
    },
  });
});

/** The focused export of the test employee's neighbourhood, provenance included, as `role`. */
async function exportCsv(file: 'nodes.csv' | 'edges.csv', role: TestRole): Promise<string> {
  const query = new URLSearchParams({ focus: ids.employee, depth: '1', relationshipTypes: 'WORKS_AT,USES,DESCRIBED,IN,SOURCED_FROM' });
  const response = await fetch(`${base}/export/${file}?${query}`, { headers: role === 'anonymous' ? {} : { authorization: `Bearer ${TOKENS[role]}` } });
  expect(response.status).toBe(200);
  return response.text();
}

interface Report {
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

async function importCsv(nodes: string, edges: string, dryRun = false): Promise<Report> {
  return (await api.data<{ importCsv: Report }>('ImportCsv', { nodes, edges, dryRun })).importCsv;
}

/** Sets `column` of the row whose first cell is `id`; adds a row built from `cells` (by column name). */
function edit(text: string, change: { id?: string; column?: string; value?: string; add?: Record<string, string> }): string {
  const [header, ...rows] = parse(text) as string[][];
  if (change.id) {
    const row = rows.find((cells) => cells[0] === change.id)!;
    row[header!.indexOf(change.column!)] = change.value!;
  }
  if (change.add) rows.push(header!.map((name) => change.add![name] ?? ''));
  return stringify([header!, ...rows]);
}

describe('CSV round trip: export → edit in a spreadsheet → import', () => {
  let nodesCsv: string;
  let edgesCsv: string;

  beforeAll(async () => {
    nodesCsv = await exportCsv('nodes.csv', 'editor');
    edgesCsv = await exportCsv('edges.csv', 'editor');
  });

  it('exports the neighbourhood with its provenance', () => {
    expect(nodesCsv.split('\n')[0]).toMatch(/^Id,Label,Type,/);
    expect(edgesCsv.split('\n')[0]).toMatch(/^Source,Target,Type,Label,/);
    expect(nodesCsv).toContain(ids.source);
    expect(edgesCsv).toContain('SOURCED_FROM');
    expect(nodesCsv).toContain(SUMMARY);
    expect(edgesCsv).toContain(EVIDENCE);
  });

  it('re-imports an unedited export changing nothing', async () => {
    const report = await importCsv(nodesCsv, edgesCsv);
    expect(report.nodes).toEqual({ created: 0, updated: 0, unchanged: 5 });
    // WORKS_AT, USES, DESCRIBED, IN and four SOURCED_FROM (employee, town, practice, case).
    expect(report.relationships).toEqual({ created: 0, updated: 0, unchanged: 8 });
  });

  it('imports an edited cell and added rows, recording who and when, then re-imports as unchanged', async () => {
    const nodes = edit(edit(nodesCsv, { id: ids.employee, column: 'department', value: 'Stadsdelen' }), {
      add: { Id: ids.added, Label: 'Nieuwe werkwijze', Type: 'PRACTICE', name: 'Nieuwe werkwijze', kind: 'SKILL' },
    });
    const edges = edit(edgesCsv, { add: { Source: ids.employee, Target: ids.added, Type: 'Directed', Label: 'USES', evidence: 'Uit de spreadsheet.' } });

    const dry = await importCsv(nodes, edges, true);
    expect(dry.byLabel.find((row) => row.label === 'Employee')).toEqual({ label: 'Employee', created: 0, updated: 1, unchanged: 0 });
    expect(dry.byLabel.find((row) => row.label === 'Practice')).toEqual({ label: 'Practice', created: 1, updated: 0, unchanged: 1 });
    expect(dry.byType.find((row) => row.type === 'USES')).toEqual({ type: 'USES', created: 1, updated: 0, unchanged: 1 });
    expect((await read(api.db, 'MATCH (e:Employee {id: $id}) RETURN e.department AS d', { id: ids.employee }))[0]!.d).toBe('Wijkzaken');

    const report = await importCsv(nodes, edges);
    expect(report.relationships.created).toBe(1);
    const [employee] = await read(api.db, 'MATCH (e:Employee {id: $id}) RETURN e.department AS d, e.pseudonym AS p', { id: ids.employee });
    expect(employee).toEqual({ d: 'Stadsdelen', p: 'Cees C.' });
    const provenance = await read(
      api.db,
      'MATCH (n)-[e:SOURCED_FROM]->(s) WHERE n.id IN $ids RETURN n.id AS id, s.id AS source, e.by AS by, e.locator AS locator ORDER BY id, source',
      { ids: [ids.employee, ids.added] },
    );
    expect(provenance).toEqual([
      { id: ids.employee, source: ids.source, by: 'editor#1', locator: 'interview 1' },
      { id: ids.employee, source: 'source:handmatige-invoer', by: 'editor#1', locator: null },
      { id: ids.added, source: 'source:handmatige-invoer', by: 'editor#1', locator: null },
    ]);
    const [uses] = await read(api.db, 'MATCH (:Employee {id: $e})-[r:USES]->(:Practice {id: $p}) RETURN r.evidence AS evidence, r.sourceId AS sourceId, r.by AS by', {
      e: ids.employee,
      p: ids.added,
    });
    expect(uses).toEqual({ evidence: 'Uit de spreadsheet.', sourceId: 'source:handmatige-invoer', by: 'editor#1' });

    const again = await importCsv(nodes, edges);
    expect(again.nodes.created + again.nodes.updated).toBe(0);
    expect(again.relationships.created + again.relationships.updated).toBe(0);
  });

  it('hides restricted fields from a reader\'s export, and importing that export keeps them', async () => {
    const nodes = await exportCsv('nodes.csv', 'reader');
    const edges = await exportCsv('edges.csv', 'reader');
    expect(nodes).not.toContain(SUMMARY);
    expect(edges).not.toContain(EVIDENCE);
    const anonymous = await exportCsv('edges.csv', 'anonymous');
    expect(anonymous).not.toContain(EVIDENCE);

    const report = await importCsv(nodes, edges);
    expect(report.nodes.created + report.nodes.updated).toBe(0);
    expect(report.relationships.created + report.relationships.updated).toBe(0);
    expect((await read(api.db, 'MATCH (c:Case {id: $id}) RETURN c.summary AS s', { id: ids.case }))[0]!.s).toBe(SUMMARY);
  });
});

describe('CSV validation', () => {
  it('lists every error with file, line and id, and writes nothing', async () => {
    const bad = `practice:${slug}-fout`;
    const nodes = ['Id,Label,Type,name,kind,year', `${bad},Fout,Practice,Fout,HOBBY,`, `case:${slug}-fout,Fout,Case,,,twintig`].join('\n');
    const edges = ['Source,Target,Type,Label,evidence', `${bad},dilemma:does-not-exist,Directed,ADDRESSES,`].join('\n');
    const result = await api.op('ImportCsv', { nodes, edges });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.errors).toEqual([
      `nodes.csv line 2 (${bad}): kind must be one of MINDSET, SKILL, ROUTINE, ORGANISATIONAL (got "HOBBY")`,
      // The title comes from Gephi's Label column when the title column is empty.
      `nodes.csv line 3 (case:${slug}-fout): year must be an integer (got "twintig")`,
      `edges.csv line 2: unknown source ${bad}`,
    ]);
    expect(await read(api.db, 'MATCH (n) WHERE n.id IN $ids RETURN n', { ids: [bad, `case:${slug}-fout`] })).toEqual([]);
  });

  it('names columns it does not know', async () => {
    const result = await api.op('ImportCsv', { nodes: 'Id,Type,name,colour\ndilemma:x,Dilemma,X,red\n' });
    expect(result.errors![0]!.extensions!.errors).toEqual([expect.stringMatching(/^nodes\.csv: unknown column "colour"; the columns are Id, Label, Type, /)]);
  });
});

describe('npm run import', () => {
  const run = promisify(execFile);
  const dir = tempDir('practice-graph-import-cli');
  const cliSlug = uniqueSlug('cli');
  const env = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: process.env.NEO4J_TEST_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD ?? '',
    NEO4J_DATABASE: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
    LOG_LEVEL: 'warn',
  };
  const cli = (...args: string[]) =>
    run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/import.ts', ...args], { env, cwd: process.cwd(), timeout: 120_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  const json = join(dir.path, 'document.json');
  const ids = [`source:${cliSlug}`, `dilemma:${cliSlug}`, `dilemma:${cliSlug}-csv`];

  beforeAll(() => {
    ids.forEach((id) => created.add(id));
    writeFileSync(
      json,
      JSON.stringify({
        source: { id: `source:${cliSlug}`, title: 'CLI', kind: 'DOCUMENT', synthetic: true },
        nodes: [{ type: 'Dilemma', id: `dilemma:${cliSlug}`, name: 'Via de opdrachtregel' }],
        relationships: [],
      }),
    );
    mkdirSync(join(dir.path, 'csv'));
    writeFileSync(join(dir.path, 'csv', 'nodes.csv'), `Id;Label;Type;name\ndilemma:${cliSlug}-csv;Puntkomma;Dilemma;Puntkomma\n`);
  });
  afterAll(() => dir.remove());

  it('dry run: prints what would change, writes nothing', async () => {
    const result = await cli(json, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run \(nothing written\) of .*document\.json/);
    expect(result.stdout).toMatch(/Dilemma\s+1\s+0\s+0/);
    expect(await read(api.db, 'MATCH (n {id: $id}) RETURN n', { id: `dilemma:${cliSlug}` })).toEqual([]);
  });

  it('imports, then reports everything unchanged on a second run; --json for scripts', async () => {
    expect((await cli(json)).code).toBe(0);
    const [edge] = await read(api.db, 'MATCH (:Dilemma {id: $id})-[e:SOURCED_FROM]->() RETURN e.by AS by', { id: `dilemma:${cliSlug}` });
    expect(String(edge!.by)).toMatch(/^cli/);
    const again = await cli(json, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: false, nodes: { created: 0, updated: 0, unchanged: 2 } });
  });

  it('imports a folder holding nodes.csv (semicolon-separated, as Dutch spreadsheets save it)', async () => {
    const result = await cli(join(dir.path, 'csv'));
    expect(result.code).toBe(0);
    expect(await read(api.db, 'MATCH (d:Dilemma {id: $id}) RETURN d.name AS name', { id: `dilemma:${cliSlug}-csv` })).toEqual([{ name: 'Puntkomma' }]);
  });

  it('exits 1 listing the errors of an invalid file, 2 for wrong arguments', async () => {
    const invalid = join(dir.path, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ source: { id: `source:${cliSlug}`, title: 'CLI', kind: 'DOCUMENT', synthetic: true }, nodes: [{ type: 'Dilemma', id: 'dilemma:x' }] }));
    const result = await cli(invalid);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nodes[0] (dilemma:x): name is required');
    expect((await cli()).code).toBe(2);
    expect((await cli(join(dir.path, 'missing.json'))).code).toBe(2);
  });
});
