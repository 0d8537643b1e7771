import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { guidOfId, slugify } from '../../src/model/index.js';
import { read, removeNodes, startAuthApi, TOKENS, uniqueSlug, type AuthApi } from '../mutations/support.js';
import { esc, xsdErrors } from './fixtures.js';

/**
 * `?scope=real|synthetic|all` on the REFI-QDA exports, checked against the graph's `synthetic` flags: REAL
 * writes no made-up code, case, source, selection or coding (nor a coding by a made-up link), SYNTHETIC only
 * made-up ones, ALL everything; a bad scope is a 400 naming it. And the import reads two more marks: a source
 * in the Set "Synthetic (made-up data)" and a selection whose Description begins with [synthetic] are made up.
 */
let api: AuthApi;
let base: string;
const tag = uniqueSlug('rsm');
const cleanup = new Set<string>();

/** A project of one interview: practices (new, or named like existing ones), one case, one coded selection. */
interface Interview {
  name: string;
  practices: string[];
  guids: { practices: string[]; case: string; source: string; selection: string };
  ids: { practices: string[]; employee: string; source: string; quotation: string; document: string };
  qdpx: Uint8Array;
}

function interview(who: string, practices: string[]): Interview {
  const g = { practices: practices.map(() => randomUUID()), case: randomUUID(), source: randomUUID(), selection: randomUUID() };
  const name = `Bereik ${who} ${tag}`;
  const text = `Wij nemen de tijd voor ${who}.`;
  const gemeente = randomUUID();
  const codes = practices.map((practice, i) => `<Code guid="${g.practices[i]}" name="${esc(practice)}" isCodable="true"/>`).join('');
  const codings = g.practices.map((guid) => `<Coding guid="${randomUUID()}"><CodeRef targetGUID="${guid}"/></Coding>`).join('');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(name)}" origin="Practice Graph test">
<CodeBook><Codes><Code guid="${randomUUID()}" name="Werkpraktijken" isCodable="false">${codes}</Code></Codes></CodeBook>
<Variables><Variable guid="${gemeente}" name="Gemeente" typeOfVariable="Text"/></Variables>
<Cases><Case guid="${g.case}" name="Persoon ${who} ${tag}"><VariableValue><VariableRef targetGUID="${gemeente}"/><TextValue>Breda</TextValue></VariableValue><SourceRef targetGUID="${g.source}"/></Case></Cases>
<Sources><TextSource guid="${g.source}" name="Gesprek ${who} ${tag}"><PlainTextContent>${esc(text)}</PlainTextContent>
<PlainTextSelection guid="${g.selection}" startPosition="0" endPosition="${Array.from(text).length}">${codings}</PlainTextSelection>
</TextSource></Sources>
</Project>
`;
  const ids = {
    practices: practices.map((practice) => `practice:${slugify(practice)}`),
    employee: `employee:${g.case}`,
    source: `source:${g.source}`,
    quotation: `quotation:${g.selection}`,
    document: `source:refi-qda-${slugify(name)}`,
  };
  [...ids.practices, ids.employee, ids.source, ids.quotation, ids.document].forEach((id) => cleanup.add(id));
  return { name, practices, guids: g, ids, qdpx: zipSync({ 'project.qde': strToU8(qde) }) };
}

let madeUp: Interview;
let real: Interview;

beforeAll(async () => {
  api = await startAuthApi();
  base = api.url.replace(/\/graphql$/, '');
  madeUp = interview('verzonnen', [`Verzonnen praktijk ${tag}`]);
  await importQdpx(api.db, madeUp.qdpx, { synthetic: true, timeoutMs: 120_000 });
  // The real interview: coded with two real practices of its own and, by name, with the made-up practice.
  real = interview('echt', [`Echte praktijk ${tag}`, `Tweede praktijk ${tag}`, madeUp.practices[0]!]);
  await importQdpx(api.db, real.qdpx, { timeoutMs: 120_000 });
  // And coded with its second practice by a made-up link (its source the made-up project's).
  await api.db.write(
    `MATCH (q:Quotation {id: $quotation}), (p:Practice {id: $practice}), (s:Source {id: $source})
     MERGE (q)-[r:CODED_AS]->(p) SET r.sourceId = s.id, r.synthetic = coalesce(s.synthetic, false)`,
    { quotation: real.ids.quotation, practice: real.ids.practices[1], source: madeUp.ids.document },
  );
});

afterAll(async () => {
  await removeNodes(api.db, cleanup);
  await api.close();
});

const get = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKENS.editor}` } });

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['Code', 'Case', 'TextSource', 'PlainTextSelection', 'Coding', 'Set', 'MemberCode', 'MemberSource'].includes(name),
});

/** What a `project.qde` holds, by GUID: leaf codes, cases, sources, selections with the codes of their codings. */
function contents(qde: string) {
  const project = parser.parse(qde).Project;
  const codes = new Set<string>((project.CodeBook.Codes.Code as any[]).flatMap((group) => (group.Code ?? []).map((code: any) => code['@guid'])));
  const cases = new Set<string>((project.Cases?.Case ?? []).map((c: any) => c['@guid']));
  const sources = project.Sources?.TextSource ?? [];
  const selections = new Map<string, string[]>(
    sources.flatMap((s: any) => (s.PlainTextSelection ?? []).map((sel: any) => [sel['@guid'], (sel.Coding ?? []).map((c: any) => c.CodeRef['@targetGUID']).sort()])),
  );
  const set = (project.Sets?.Set ?? []).find((s: any) => s['@name'] === 'Synthetic (made-up data)');
  return { codes, cases, sources: new Set<string>(sources.map((s: any) => s['@guid'])), selections, set };
}

type Scope = 'real' | 'synthetic' | 'all';
/** Whether elements with these `synthetic` flags are in `scope` (all of them real, all made up, or anything). */
const inScope = (scope: Scope, ...flags: boolean[]) => scope === 'all' || flags.every((flag) => flag === (scope === 'synthetic'));

/** The graph's flags of what a project export is made of, one row per element. */
const GRAPH = {
  codes: `MATCH (n) WHERE n:Practice OR n:Dilemma OR n:Conclusion RETURN n.id AS id, [coalesce(n.synthetic, false)] AS flags`,
  cases: `MATCH (n:Employee) RETURN n.id AS id, [coalesce(n.synthetic, false)] AS flags`,
  sources: `MATCH (s:Source) OPTIONAL MATCH (s)<-[r:QUOTED_FROM]-(q:Quotation)
            RETURN s.id AS id, s.kind AS kind, coalesce(s.synthetic, false) AS flag, collect(CASE WHEN q IS NULL THEN null ELSE [coalesce(r.synthetic, false), coalesce(q.synthetic, false)] END) AS quotations`,
  selections: `MATCH (q:Quotation)-[r:QUOTED_FROM]->(s:Source) OPTIONAL MATCH (q)-[c:CODED_AS]->(code)
               WITH q, r, s, code.id AS code, [coalesce(c.synthetic, false), coalesce(code.synthetic, false)] AS coding ORDER BY code
               RETURN q.id AS id, [coalesce(q.synthetic, false), coalesce(r.synthetic, false), coalesce(s.synthetic, false)] AS flags,
                      collect(CASE WHEN code IS NULL THEN null ELSE [code, coding] END) AS codings`,
};

/** Rows of `cypher` that are the same before and after `during` (other engineers' tests write to this database too). */
async function stableRows<T>(cypher: string, during: () => Promise<T>): Promise<{ rows: Record<string, any>[]; result: T }> {
  const key = (row: Record<string, unknown>) => JSON.stringify(row);
  const before = new Set((await read(api.db, cypher)).map(key));
  const result = await during();
  return { rows: (await read(api.db, cypher)).filter((row) => before.has(key(row))), result };
}

/** Every query of `GRAPH`, rows kept as `stableRows` keeps them. */
async function stableGraph<T>(during: () => Promise<T>): Promise<{ graph: Record<keyof typeof GRAPH, Record<string, any>[]>; result: T }> {
  const queries = Object.entries(GRAPH) as Array<[keyof typeof GRAPH, string]>;
  const key = (row: Record<string, unknown>) => JSON.stringify(row);
  const before = await Promise.all(queries.map(async ([, cypher]) => new Set((await read(api.db, cypher)).map(key))));
  const result = await during();
  const after = await Promise.all(queries.map(([, cypher]) => read(api.db, cypher)));
  const graph = Object.fromEntries(queries.map(([name], i) => [name, after[i]!.filter((row) => before[i]!.has(key(row)))]));
  return { graph: graph as Record<keyof typeof GRAPH, Record<string, any>[]>, result };
}

/** The export at `scope` and, per kind of element, the GUIDs whose presence in it differs from the graph's flags. */
async function exportAgainstGraph(scope: Scope) {
  const { graph, result: exported } = await stableGraph(async () => {
    const response = await get(`/export/project.qdpx?scope=${scope}`);
    const zip = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, qde: response.status === 200 ? strFromU8(unzipSync(zip)['project.qde']!) : '' };
  });
  expect(exported.status).toBe(200);
  const file = contents(exported.qde);
  const wrong = (rows: Record<string, any>[], expected: (row: Record<string, any>) => boolean, present: (guid: string) => boolean) =>
    rows.filter((row) => expected(row) !== present(guidOfId(row.id))).map((row) => `${row.id}: expected ${expected(row) ? 'in' : 'out'}`);
  const mismatches = {
    codes: wrong(graph.codes, (row) => inScope(scope, ...row.flags), (guid) => file.codes.has(guid)),
    cases: wrong(graph.cases, (row) => inScope(scope, ...row.flags), (guid) => file.cases.has(guid)),
    sources: wrong(
      graph.sources,
      (row) => inScope(scope, row.flag) && (row.kind === 'INTERVIEW' || row.quotations.some((flags: boolean[]) => inScope(scope, ...flags))),
      (guid) => file.sources.has(guid),
    ),
    selections: wrong(graph.selections, (row) => inScope(scope, ...row.flags), (guid) => file.selections.has(guid)),
    // A coding is there when its link and its code are in scope too.
    codings: graph.selections
      .filter((row) => inScope(scope, ...row.flags) && file.selections.has(guidOfId(row.id)))
      .filter((row) => {
        const expected = row.codings.filter(([, flags]: [string, boolean[]]) => inScope(scope, ...flags)).map(([code]: [string]) => guidOfId(code)).sort();
        return JSON.stringify(expected) !== JSON.stringify(file.selections.get(guidOfId(row.id)));
      })
      .map((row) => row.id as string),
  };
  return { ...exported, file, mismatches };
}

const NO_MISMATCHES = { codes: [], cases: [], sources: [], selections: [], codings: [] };

describe('GET /export/project.qdpx?scope=', () => {
  it('real: only what the graph flags real, no coding by a made-up link or of a made-up code; valid, and named so', async () => {
    const { qde, headers, file, mismatches } = await exportAgainstGraph('real');
    expect(await xsdErrors(qde)).toEqual([]);
    expect(mismatches).toEqual(NO_MISMATCHES);
    expect(headers.get('content-disposition')).toBe('attachment; filename="practice-graph-real-project.qdpx"');
    expect(headers.get('x-data-scope')).toBe('REAL');
    // Our real interview with its one real coding; nothing of the made-up one, and no Set of made-up items.
    expect(file.selections.get(real.guids.selection)).toEqual([guidOfId(real.ids.practices[0]!)]);
    expect(file.cases.has(real.guids.case) && file.sources.has(real.guids.source)).toBe(true);
    expect([madeUp.guids.case, madeUp.guids.source, madeUp.guids.selection, guidOfId(madeUp.ids.practices[0]!)].filter((guid) => file.cases.has(guid) || file.sources.has(guid) || file.selections.has(guid) || file.codes.has(guid))).toEqual([]);
    expect(file.set).toBeUndefined();
  });

  it('synthetic: only what the graph flags made up, all of it in the Set; valid', async () => {
    const { qde, headers, file, mismatches } = await exportAgainstGraph('synthetic');
    expect(await xsdErrors(qde)).toEqual([]);
    expect(mismatches).toEqual(NO_MISMATCHES);
    expect(headers.get('content-disposition')).toBe('attachment; filename="practice-graph-synthetic-project.qdpx"');
    expect(file.selections.get(madeUp.guids.selection)).toEqual([guidOfId(madeUp.ids.practices[0]!)]);
    expect(file.selections.has(real.guids.selection) || file.cases.has(real.guids.case) || file.codes.has(guidOfId(real.ids.practices[0]!))).toBe(false);
    expect(new Set((file.set.MemberCode ?? []).map((m: any) => m['@targetGUID']))).toEqual(file.codes);
    expect(new Set((file.set.MemberSource ?? []).map((m: any) => m['@targetGUID']))).toEqual(file.sources);
  });

  it('all (the default): everything, every coding', async () => {
    const { qde, headers, file, mismatches } = await exportAgainstGraph('all');
    expect(await xsdErrors(qde)).toEqual([]);
    expect(mismatches).toEqual(NO_MISMATCHES);
    expect(headers.get('x-data-scope')).toBe('ALL');
    expect(file.selections.get(real.guids.selection)).toEqual(real.ids.practices.map(guidOfId).sort());
    expect(file.selections.has(madeUp.guids.selection)).toBe(true);
  });

  it('codebook.qdc?scope=real holds only real codes', async () => {
    const { rows, result: xml } = await stableRows(GRAPH.codes, async () => (await get('/export/codebook.qdc?scope=REAL')).text());
    const codes = new Set<string>((parser.parse(xml).CodeBook.Codes.Code as any[]).flatMap((group) => (group.Code ?? []).map((code: any) => code['@guid'])));
    expect(rows.filter((row) => !row.flags[0] !== codes.has(guidOfId(row.id))).map((row) => row.id)).toEqual([]);
    expect(codes.has(guidOfId(real.ids.practices[0]!))).toBe(true);
  });

  it.each(['project.qdpx', 'codebook.qdc'])('%s: a bad scope is a 400 naming "scope"; other parameters are still refused', async (file) => {
    const bad = await get(`/export/${file}?scope=fake`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-disposition')).toBeNull();
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'scope' });
    expect(body.errors[0].message).toMatch(/"scope" must be one of real, synthetic or all \(got "fake"\)/);
    const other = await get(`/export/${file}?focus=practice:x`);
    expect(other.status).toBe(400);
    expect(((await other.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'focus' });
  });
});

describe('import: more made-up marks read back', () => {
  /** `synthetic` of nodes by id (absent for a node that does not exist). */
  async function flagsOf(ids: string[]): Promise<Record<string, boolean>> {
    const rows = await read(api.db, 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, coalesce(n.synthetic, false) AS synthetic', { ids });
    return Object.fromEntries(rows.map((row) => [row.id as string, row.synthetic as boolean]));
  }

  /** `synthetic` of a quotation's QUOTED_FROM, CODED_AS and SAID. */
  async function linkFlags(quotation: string): Promise<boolean[]> {
    const rows = await read(
      api.db,
      `MATCH (q:Quotation {id: $quotation})-[r:QUOTED_FROM|CODED_AS]->() RETURN coalesce(r.synthetic, false) AS synthetic
       UNION ALL MATCH (:Employee)-[r:SAID]->(:Quotation {id: $quotation}) RETURN coalesce(r.synthetic, false) AS synthetic`,
      { quotation },
    );
    return rows.map((row) => row.synthetic as boolean);
  }

  it('a source the Synthetic Set lists, under a clean name, is made up (and keeps its name)', async () => {
    const g = { code: randomUUID(), case: randomUUID(), source: randomUUID(), selection: randomUUID(), variable: randomUUID() };
    const name = `Setbron ${tag}`;
    const practice = `Setpraktijk ${tag}`;
    const title = `Gesprek setbron ${tag}`;
    const text = 'Wij delen wat we weten.';
    // Code and case marked as our export marks them; the source only by the Set.
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(name)}" origin="Practice Graph">
<CodeBook><Codes><Code guid="${randomUUID()}" name="Werkpraktijken" isCodable="false"><Code guid="${g.code}" name="${esc(practice)}" isCodable="true"/></Code></Codes></CodeBook>
<Variables><Variable guid="${g.variable}" name="Synthetic" typeOfVariable="Boolean"/></Variables>
<Cases><Case guid="${g.case}" name="Persoon setbron ${tag}"><VariableValue><VariableRef targetGUID="${g.variable}"/><BooleanValue>true</BooleanValue></VariableValue><SourceRef targetGUID="${g.source}"/></Case></Cases>
<Sources><TextSource guid="${g.source}" name="${esc(title)}"><PlainTextContent>${text}</PlainTextContent>
<PlainTextSelection guid="${g.selection}" startPosition="0" endPosition="${text.length}"><Coding guid="${randomUUID()}"><CodeRef targetGUID="${g.code}"/></Coding></PlainTextSelection>
</TextSource></Sources>
<Sets><Set guid="${randomUUID()}" name="Synthetic (made-up data)"><MemberCode targetGUID="${g.code}"/><MemberSource targetGUID="${g.source}"/></Set></Sets>
</Project>
`;
    expect(await xsdErrors(qde)).toEqual([]);
    const ids = { practice: `practice:${slugify(practice)}`, employee: `employee:${g.case}`, source: `source:${g.source}`, quotation: `quotation:${g.selection}` };
    [...Object.values(ids), `source:refi-qda-${slugify(name)}`, `source:refi-qda-${slugify(name)}-synthetic`].forEach((id) => cleanup.add(id));
    await importQdpx(api.db, zipSync({ 'project.qde': strToU8(qde) }), { timeoutMs: 120_000 });
    expect(await flagsOf(Object.values(ids))).toEqual(Object.fromEntries(Object.values(ids).map((id) => [id, true])));
    expect(await linkFlags(ids.quotation)).toEqual([true, true, true]);
    const [row] = await read(api.db, 'MATCH (s:Source {id: $id}) RETURN s.title AS title', { id: ids.source });
    expect(row!.title).toBe(title);
  });

  it('a selection marked [synthetic] in a real interview is a made-up quotation with made-up links; the interview stays real', async () => {
    const g = { selection: randomUUID(), code: randomUUID(), variable: randomUUID() };
    const name = `Losse markering ${tag}`;
    const text = 'Wij nemen de tijd voor echt.';
    // The real interview, case and practice as the graph has them (same GUIDs), and one new selection in it.
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(name)}" origin="Practice Graph">
<CodeBook><Codes><Code guid="${randomUUID()}" name="Werkpraktijken" isCodable="false"><Code guid="${g.code}" name="${esc(real.practices[0]!)}" isCodable="true"/></Code></Codes></CodeBook>
<Cases><Case guid="${real.guids.case}" name="Persoon echt ${tag}"><SourceRef targetGUID="${real.guids.source}"/></Case></Cases>
<Sources><TextSource guid="${real.guids.source}" name="Gesprek echt ${tag}"><PlainTextContent>${esc(text)}</PlainTextContent>
<PlainTextSelection guid="${g.selection}" startPosition="5" endPosition="10"><Description>[synthetic]</Description><Coding guid="${randomUUID()}"><CodeRef targetGUID="${g.code}"/></Coding></PlainTextSelection>
</TextSource></Sources>
</Project>
`;
    const quotation = `quotation:${g.selection}`;
    [quotation, `source:refi-qda-${slugify(name)}`, `source:refi-qda-${slugify(name)}-synthetic`].forEach((id) => cleanup.add(id));
    await importQdpx(api.db, zipSync({ 'project.qde': strToU8(qde) }), { timeoutMs: 120_000 });
    expect(await flagsOf([quotation, real.ids.source, real.ids.employee, real.ids.practices[0]!])).toEqual({
      [quotation]: true, [real.ids.source]: false, [real.ids.employee]: false, [real.ids.practices[0]!]: false,
    });
    expect(await linkFlags(quotation)).toEqual([true, true, true]);
  });
});
