import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../src/export/qdpx.js';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { read, removeNodes, startAuthApi, TOKENS, uniqueSlug, type AuthApi, type TestRole } from '../mutations/support.js';
import { atlasCodebook, SELECTIONS, span, twoInterviews, xsdErrors, INTERVIEW_1, INTERVIEW_2, type Fixture } from './fixtures.js';

/**
 * Quotations through the API and the REFI-QDA files: an editor reads quotation texts, anonymous callers
 * and readers get null (and find nothing by them in search or in exports); co-occurrence over quotations
 * as counted by hand from the fixture; the QDPX and QDC exports are valid against the XSD; a round trip
 * (export, re-import, export) keeps codes, cases, quotations and codings; `POST /import/qdpx`.
 */
let api: AuthApi;
let base: string;
const tag = uniqueSlug('qapi');
let fixture: Fixture;
const cleanup = new Set<string>();
const q = (key: string) => `quotation:${fixture.guids[key]}`;

beforeAll(async () => {
  api = await startAuthApi();
  base = api.url.replace(/\/graphql$/, '');
  fixture = twoInterviews(tag);
  const g = fixture.guids;
  [
    `employee:${g['case-a']}`, `employee:${g['case-b']}`, `source:${g['source-1']}`, `source:${g['source-2']}`, `practice:buurtkoffie-${tag}`,
    `source:refi-qda-verzonnen-interviews-${tag}`, 'source:refi-qda-practice-graph', ...SELECTIONS.map((s) => `quotation:${g[s.key]}`),
  ].forEach((id) => cleanup.add(id));
  await importQdpx(api.db, fixture.qdpx, { synthetic: true, timeoutMs: 120_000 });
});

afterAll(async () => {
  await removeNodes(api.db, cleanup);
  await api.close();
});

const bearer = (role: TestRole) => (role === 'anonymous' ? undefined : `Bearer ${TOKENS[role as 'reader' | 'editor' | 'admin']}`);
async function gql(query: string, role: TestRole): Promise<Record<string, any>> {
  const { body } = await api.raw(query, bearer(role));
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as Record<string, any>;
}
async function get(path: string, role: TestRole): Promise<Response> {
  const authorization = bearer(role);
  return fetch(`${base}${path}`, { headers: authorization ? { authorization } : {} });
}

describe('quotations in GraphQL', () => {
  const query = () => `{
    quotation(id: "${q('q1')}") { id name text restricted startPosition endPosition
      source { id kind } employee { pseudonym } practices { id } dilemmas { id } conclusions { id } }
    node(id: "${q('q2')}") { id ... on Quotation { text conclusions { id } } }
  }`;

  it('an editor reads the text; the rest of the quotation is what the project coded', async () => {
    const data = await gql(query(), 'editor');
    const [start, end] = span(INTERVIEW_1, SELECTIONS[0]!.phrase);
    expect(data.quotation).toEqual({
      id: q('q1'),
      name: `${fixture.caseA}, ${start}–${end}`,
      text: SELECTIONS[0]!.phrase,
      restricted: true,
      startPosition: start,
      endPosition: end,
      source: { id: `source:${fixture.guids['source-1']}`, kind: 'INTERVIEW' },
      employee: { pseudonym: fixture.caseA },
      practices: [{ id: 'practice:handelen-in-de-geest-van-de-wet' }],
      dilemmas: [{ id: 'dilemma:afwegen-van-belangen' }],
      conclusions: [],
    });
    expect(data.node).toEqual({ id: q('q2'), text: SELECTIONS[1]!.phrase, conclusions: [{ id: 'conclusion:loslaten-vraagt-visie-en-kaders' }] });
  });

  it.each(['anonymous', 'reader'] as const)('%s gets null for the text, everything else alike', async (role) => {
    const data = await gql(query(), role);
    expect(data.quotation.text).toBeNull();
    expect(data.quotation.restricted).toBe(true);
    expect(data.quotation.practices).toEqual([{ id: 'practice:handelen-in-de-geest-van-de-wet' }]);
    expect(data.node.text).toBeNull();
  });

  it('practices, dilemmas, employees and sources list their quotations', async () => {
    const data = await gql(
      `{
        practice(id: "practice:handelen-in-de-geest-van-de-wet") { quotations(first: 50) { totalCount edges { node { id } } } }
        dilemma(id: "dilemma:loslaten-of-sturen") { quotations { totalCount } }
        employee(id: "employee:${fixture.guids['case-b']}") { quotations { totalCount edges { node { text } } } }
        source(id: "source:${fixture.guids['source-1']}") { quotations { edges { node { id startPosition } } } }
      }`,
      'editor',
    );
    // By hand from the fixture: handelen codes q1, q6, q7; loslaten q2, q6; B said q6, q7, q8; interview 1 holds q1-q4.
    expect(data.practice.quotations.edges.map((e: any) => e.node.id).sort()).toEqual([q('q1'), q('q6'), q('q7')].sort());
    expect(data.practice.quotations.totalCount).toBe(3);
    expect(data.dilemma.quotations.totalCount).toBe(2);
    expect(data.employee.quotations.totalCount).toBe(3);
    expect(data.source.quotations.edges.map((e: any) => e.node.id)).toEqual([q('q1'), q('q2'), q('q3'), q('q4')]);
  });

  it('Practice.quotedDilemmas: the dilemmas coded on the same quotations, how many, and whether the graph links them', async () => {
    const data = await gql(
      `{ practice(id: "practice:handelen-in-de-geest-van-de-wet") { quotedDilemmas { dilemma { id } quotationCount addresses } } }`,
      'anonymous',
    );
    const [row] = await read(api.db, "MATCH (p:Practice {id: 'practice:handelen-in-de-geest-van-de-wet'}) RETURN [(p)-[:ADDRESSES]->(d) | d.id] AS linked");
    const linked = row!.linked as string[];
    // By hand: q1 codes handelen with afwegen, q6 handelen with loslaten.
    expect(data.practice.quotedDilemmas).toEqual(
      expect.arrayContaining([
        { dilemma: { id: 'dilemma:afwegen-van-belangen' }, quotationCount: 1, addresses: linked.includes('dilemma:afwegen-van-belangen') },
        { dilemma: { id: 'dilemma:loslaten-of-sturen' }, quotationCount: 1, addresses: linked.includes('dilemma:loslaten-of-sturen') },
      ]),
    );
    expect(data.practice.quotedDilemmas).toHaveLength(2);
  });

  it('search finds a quotation by its words for an editor only', async () => {
    const searchFor = `{ search(query: "bedoeling regel", types: [QUOTATION]) { node { id } } }`;
    expect((await gql(searchFor, 'editor')).search.map((hit: any) => hit.node.id)).toEqual([q('q1')]);
    expect((await gql(searchFor, 'anonymous')).search).toEqual([]);
    // Nor through a search over every type.
    const all = await gql(`{ search(query: "bedoeling regel") { node { id } } }`, 'reader');
    expect(all.search.map((hit: any) => hit.node.id)).not.toContain(q('q1'));
  });
});

describe('co-occurrence over quotations', () => {
  const matrix = async (rows: string, columns: string) =>
    (await gql(`{ cooccurrence(rows: ${rows}, columns: ${columns}, over: QUOTATIONS) { rows { id } columns { id } counts coefficients outOfRange } }`, 'anonymous'))
      .cooccurrence;
  const cell = (m: any, row: string, column: string) => {
    const i = m.rows.findIndex((r: any) => r.id === row);
    const j = m.columns.findIndex((c: any) => c.id === column);
    return i < 0 || j < 0 ? { n: 0, c: 0 } : { n: m.counts[i][j], c: m.coefficients[i][j] };
  };
  const H = 'practice:handelen-in-de-geest-van-de-wet';
  const V = 'practice:vertrouwen';
  const A = 'dilemma:afwegen-van-belangen';
  const L = 'dilemma:loslaten-of-sturen';

  it('counts same and overlapping segments of one source, with the c-coefficient', async () => {
    const m = await matrix('PRACTICE', 'DILEMMA');
    // By hand: n(H) = 3 (q1, q6, q7), n(V) = 1 (q3), n(A) = 2 (q1, q8), n(L) = 2 (q2, q6).
    // H–A: q1 carries both → 1; c = 1 / (3 + 2 − 1) = 0.25.
    expect(cell(m, H, A)).toEqual({ n: 1, c: 0.25 });
    // H–L: q6 carries both → 1; c = 0.25. (q1 ends where a space before q2 starts: no overlap.)
    expect(cell(m, H, L)).toEqual({ n: 1, c: 0.25 });
    // V–L: q3 overlaps q2 ("los.") → 1; c = 1 / (1 + 2 − 1) = 0.5.
    expect(cell(m, V, L)).toEqual({ n: 1, c: 0.5 });
    // V–A: q3 and q1/q8 do not meet.
    expect(cell(m, V, A)).toEqual({ n: 0, c: 0 });
    expect(m.outOfRange.flat().some(Boolean)).toBe(false);
  });

  it('the diagonal of a code with itself is its number of quotations; codes of other types pair too', async () => {
    const m = await matrix('PRACTICE', 'PRACTICE');
    expect(cell(m, H, H)).toEqual({ n: 3, c: 1 });
    expect(cell(m, H, V)).toEqual({ n: 0, c: 0 });
    const d = await matrix('DILEMMA', 'CONCLUSION');
    // L–conclusion: q2 carries both → 1; n(L) = 2, n(conclusion) = 1 → c = 1 / 2.
    expect(cell(d, L, 'conclusion:loslaten-vraagt-visie-en-kaders')).toEqual({ n: 1, c: 0.5 });
  });

  it('over cases stays the default, and other types are refused over quotations', async () => {
    const { body } = await api.raw('{ cooccurrence(rows: MUNICIPALITY, columns: PRACTICE, over: QUOTATIONS) { counts } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/PRACTICE, DILEMMA, CONCLUSION/);
    const cases = await gql('{ cooccurrence(rows: PRACTICE, columns: DILEMMA) { outOfRange counts } }', 'anonymous');
    expect(cases.cooccurrence.outOfRange).toBeNull();
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['Code', 'Case', 'TextSource', 'PlainTextSelection', 'Coding', 'SourceRef', 'SelectionRef', 'VariableValue'].includes(name) });

/** What a project holds, keyed by GUID, for comparing two exports. */
function structureOf(zip: Uint8Array) {
  const files = unzipSync(zip);
  const project = parser.parse(strFromU8(files['project.qde']!)).Project;
  const codes: Record<string, string> = {};
  const walk = (list: any[] = []) => list.forEach((code) => { codes[code['@guid']] = code['@name']; walk(code.Code); });
  walk(project.CodeBook.Codes.Code);
  const cases = Object.fromEntries((project.Cases?.Case ?? []).map((c: any) => [c['@guid'], {
    name: c['@name'], values: (c.VariableValue ?? []).map((v: any) => v.TextValue ?? v.BooleanValue), sources: (c.SourceRef ?? []).map((r: any) => r['@targetGUID']).sort(),
  }]));
  const sources = Object.fromEntries((project.Sources?.TextSource ?? []).map((s: any) => {
    const path = s['@plainTextPath'] as string | undefined;
    const text = path ? strFromU8(files[`sources/${path.slice('internal://'.length)}`]!) : null;
    return [s['@guid'], {
      name: s['@name'],
      selections: (s.PlainTextSelection ?? []).map((sel: any) => ({
        guid: sel['@guid'], start: Number(sel['@startPosition']), end: Number(sel['@endPosition']),
        codes: (sel.Coding ?? []).map((c: any) => c.CodeRef['@targetGUID']).sort(),
        text: text === null ? null : Array.from(text).slice(Number(sel['@startPosition']), Number(sel['@endPosition'])).join(''),
      })),
    }];
  }));
  return { codes, cases, sources, files: Object.keys(files).sort() };
}

describe('REFI-QDA exports', () => {
  it('project.qdpx as an editor: valid, with the quotations cut from the written source text', async () => {
    const response = await get('/export/project.qdpx', 'editor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/zip/);
    const zip = new Uint8Array(await response.arrayBuffer());
    const { sources, cases, codes } = structureOf(zip);
    const interview1 = sources[fixture.guids['source-1']!] as any;
    // The fixture was imported as made up: its interviews' names carry the mark (test/qdpx/synthetic-marking.test.ts).
    expect(interview1.name).toBe(`[synthetic] Interview A ${tag}`);
    expect(interview1.selections.map((s: any) => s.text)).toEqual(SELECTIONS.filter((s) => s.source === 1 && !s.codes.includes('emotie')).map((s) => s.phrase));
    expect(interview1.selections[0].codes).toHaveLength(2);
    // Interview 2's GUIDs were written in braces and upper case; they come back normalised.
    expect((sources[fixture.guids['source-2']!] as any).selections.map((s: any) => s.guid)).toEqual(['q6', 'q7', 'q8'].map((k) => fixture.guids[k]));
    // Gemeente, Functie, and Synthetic: the fixture's interviewees are made up.
    expect(cases[fixture.guids['case-b']!]).toEqual({ name: fixture.caseB, values: ['Tilburg', 'beleidsmedewerker', true], sources: [fixture.guids['source-2']] });
    expect(Object.values(codes)).toEqual(expect.arrayContaining(['Werkpraktijken', "Dilemma's", 'Conclusies', fixture.newPractice, 'Vertrouwen']));
    // Uncoded text is not in the export either: it was never stored.
    expect(strFromU8(unzipSync(zip)[`sources/${fixture.guids['source-1']}.txt`]!)).not.toContain('wegen dan samen');
    const errors = await xsdErrors(strFromU8(unzipSync(zip)['project.qde']!));
    expect(errors).toEqual([]);
  });

  it.each(['anonymous', 'reader'] as const)('project.qdpx for %s: no quotation or source text, selections keep positions and codes', async (role) => {
    const response = await get('/export/project.qdpx', role);
    expect(response.status).toBe(200);
    const zip = new Uint8Array(await response.arrayBuffer());
    const { sources, files } = structureOf(zip);
    expect(files).toEqual(['project.qde']);
    const interview1 = sources[fixture.guids['source-1']!] as any;
    expect(interview1.selections.map((s: any) => [s.start, s.end])).toEqual([0, 1, 2, 3].map((i) => span(INTERVIEW_1, SELECTIONS[i]!.phrase)));
    expect(interview1.selections.every((s: any) => s.codes.length > 0 && s.text === null)).toBe(true);
    const qde = strFromU8(unzipSync(zip)['project.qde']!);
    for (const selection of SELECTIONS) expect(qde).not.toContain(selection.phrase);
    const errors = await xsdErrors(qde);
    expect(errors).toEqual([]);
  });

  it('other exports do not leak quotation text to anonymous callers', async () => {
    for (const file of ['graph.graphml', 'nodes.csv', 'graph.json']) {
      const text = await (await get(`/export/${file}`, 'anonymous')).text();
      expect(text, file).toContain(q('q1'));
      // Whole quotations (shorter phrases occur in the seed's public evidence).
      for (const selection of SELECTIONS) expect(text, file).not.toContain(selection.phrase);
    }
    const editor = await (await get('/export/nodes.csv', 'editor')).text();
    expect(editor).toContain(SELECTIONS[0]!.phrase);
  });

  it('codebook.qdc: the codebook in the codebook namespace, its codes valid as a project codebook', async () => {
    const response = await get('/export/codebook.qdc', 'anonymous');
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(xml).toContain(`name="${fixture.newPractice}"`);
    // A made-up practice (the fixture was imported as made up): its Description carries the mark.
    expect(xml).toContain('<Description>[synthetic] Koffie drinken met bewoners in de buurt.</Description>');
    // No codebook XSD here: the same CodeBookType, checked inside a project.
    const codes = xml.slice(xml.indexOf('<Codes>'), xml.lastIndexOf('</CodeBook>'));
    const errors = await xsdErrors(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>${codes}</CodeBook></Project>`);
    expect(errors).toEqual([]);
  });
});

describe('round trip: export, re-import the export, export again', () => {
  it('keeps the same codes, cases, quotations and codings, and creates nothing but the export\'s own source', async () => {
    const first = await exportProject(api.db, { includeRestricted: true });
    const { summary } = await importQdpx(api.db, first.zip, { timeoutMs: 120_000 });
    const created = Object.fromEntries(summary.byLabel.map((row) => [row.label, row.created]));
    // Every code, interviewee, interview and quotation was found again by its GUID.
    expect(created).toEqual({ ...Object.fromEntries(summary.byLabel.map((row) => [row.label, 0])), Source: 1 });
    const [quotation] = await read(api.db, 'MATCH (q:Quotation {id: $id}) RETURN q.text AS text', { id: q('q6') });
    expect(quotation!.text).toBe('Wij zeggen vaker ja dan nee.');
    const second = await exportProject(api.db, { includeRestricted: true });
    const before = structureOf(first.zip);
    const after = structureOf(second.zip);
    expect(after.codes).toEqual(before.codes);
    expect(after.cases).toEqual(before.cases);
    expect(after.sources).toEqual(before.sources);
    // And the fixture's own quotations are in both, as cut from the original texts.
    expect((after.sources[fixture.guids['source-2']!] as any).selections.map((s: any) => s.text)).toEqual(
      SELECTIONS.filter((s) => s.source === 2).map((s) => s.phrase),
    );
    expect(INTERVIEW_2).toContain((after.sources[fixture.guids['source-2']!] as any).selections[2].text);
  });
});

describe('POST /import/qdpx', () => {
  const post = (body: Uint8Array, role: TestRole, query = '') => {
    const authorization = bearer(role);
    return fetch(`${base}/import/qdpx${query}`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream', ...(authorization ? { authorization } : {}) } });
  };

  it('imports for an editor, with the same answers as the command line', async () => {
    const atlas = atlasCodebook(uniqueSlug('http'));
    const practiceId = `practice:${atlas.practice.toLowerCase().replace(/ /g, '-')}`;
    [practiceId, `dilemma:${atlas.dilemma.toLowerCase().replace(/ /g, '-')}`, `source:refi-qda-atlas-codebook-${atlas.practice.split(' ').at(-1)}`].forEach((id) => cleanup.add(id));
    const dry = await post(atlas.qdpx, 'editor', '?dryRun=true&synthetic=true');
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as any).summary.dryRun).toBe(true);
    expect(await read(api.db, 'MATCH (p:Practice {id: $id}) RETURN p', { id: practiceId })).toEqual([]);
    const response = await post(atlas.qdpx, 'admin', '?synthetic=true');
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.refi.codes).toMatchObject({ practices: 2, dilemmas: 1, attached: 1 });
    expect(body.summary.byLabel.find((row: any) => row.label === 'Practice').created).toBe(1);
    const [row] = await read(api.db, 'MATCH (p:Practice {id: $id})-[e:SOURCED_FROM]->(s:Source) RETURN e.by AS by, s.synthetic AS synthetic', { id: practiceId });
    expect(row).toEqual({ by: 'admin#1', synthetic: true });
  });

  it('refuses anonymous (401) and reader (403) callers before reading the file', async () => {
    const atlas = atlasCodebook(uniqueSlug('deny'));
    const anonymous = await post(atlas.qdpx, 'anonymous');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await post(atlas.qdpx, 'reader');
    expect(reader.status).toBe(403);
    expect(((await reader.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a bad file: 400 naming the element and GUID, nothing written', async () => {
    const bad = twoInterviews(uniqueSlug('http'), { municipalityB: 'Nergenshuizen' });
    const response = await post(bad.qdpx, 'editor');
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.errors).toEqual([expect.stringContaining(`(guid ${bad.guids['case-b']}): unknown municipality "Nergenshuizen"`)]);
    expect(await read(api.db, 'MATCH (e:Employee) WHERE e.id IN $ids RETURN e', { ids: [`employee:${bad.guids['case-a']}`] })).toEqual([]);
    const unknown = await post(bad.qdpx, 'editor', '?dryrun=true');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0].message).toMatch(/Unknown parameter "dryrun"/);
  });
});
