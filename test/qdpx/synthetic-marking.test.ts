import { randomUUID } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { exportCodebook, exportProject } from '../../src/export/qdpx.js';
import { DocumentInvalidError } from '../../src/import/index.js';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { guidOfId, slugify } from '../../src/model/index.js';
import { removeNodes, read, uniqueSlug } from '../mutations/support.js';
import { openTestDatabase, testLogger } from '../support/neo4j.js';
import { esc, xsdErrors } from './fixtures.js';

/**
 * Made-up data stays made up through the REFI-QDA files: the exports mark exactly what the graph flags
 * `synthetic` (cases by the Boolean variable `Synthetic`, codes and sources in the Set "Synthetic (made-up
 * data)", and a `[synthetic]` Description of codes and selections and name of sources), and an import of such
 * a file without `--synthetic` keeps real real and made-up made-up.
 */
let db: Database;
const tag = uniqueSlug('synm');
const cleanup = new Set<string>();
const SYNTHETIC_SET = 'Synthetic (made-up data)';

/** A one-interview project: one new practice (with a description), one interviewee, one coded selection. */
interface Interview {
  who: string;
  practice: string;
  description: string;
  caseName: string;
  sourceName: string;
  guids: { practice: string; case: string; source: string; selection: string };
  ids: { practice: string; employee: string; source: string; quotation: string };
  qdpx: Uint8Array;
}

function oneInterview(who: string): Interview {
  const guid = () => randomUUID();
  const g = { practice: guid(), case: guid(), source: guid(), selection: guid() };
  const practice = `Praktijk ${who} ${tag}`;
  const description = `Wat ${who} doet, in één zin.`;
  const caseName = `Persoon ${who} ${tag}`;
  const sourceName = `Gesprek ${who} ${tag}`;
  const text = `Wij nemen de tijd voor ${who}.`;
  const gemeente = guid();
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Markering ${who} ${tag}" origin="Practice Graph test">
<CodeBook><Codes><Code guid="${guid()}" name="Werkpraktijken" isCodable="false">
<Code guid="${g.practice}" name="${esc(practice)}" isCodable="true"><Description>${esc(description)}</Description></Code>
</Code></Codes></CodeBook>
<Variables><Variable guid="${gemeente}" name="Gemeente" typeOfVariable="Text"/></Variables>
<Cases><Case guid="${g.case}" name="${esc(caseName)}">
<VariableValue><VariableRef targetGUID="${gemeente}"/><TextValue>Breda</TextValue></VariableValue><SourceRef targetGUID="${g.source}"/>
</Case></Cases>
<Sources><TextSource guid="${g.source}" name="${esc(sourceName)}"><PlainTextContent>${esc(text)}</PlainTextContent>
<PlainTextSelection guid="${g.selection}" startPosition="0" endPosition="${Array.from(text).length}"><Coding guid="${guid()}"><CodeRef targetGUID="${g.practice}"/></Coding></PlainTextSelection>
</TextSource></Sources>
</Project>
`;
  const ids = { practice: `practice:${slugify(practice)}`, employee: `employee:${g.case}`, source: `source:${g.source}`, quotation: `quotation:${g.selection}` };
  [...Object.values(ids), `source:refi-qda-${slugify(`Markering ${who} ${tag}`)}`].forEach((id) => cleanup.add(id));
  return { who, practice, description, caseName, sourceName, guids: g, ids, qdpx: zipSync({ 'project.qde': strToU8(qde) }) };
}

let real: Interview;
let madeUp: Interview;

beforeAll(async () => {
  db = openTestDatabase(inject('neo4jUri'), testLogger);
  real = oneInterview('echt');
  madeUp = oneInterview('verzonnen');
  await importQdpx(db, real.qdpx, { timeoutMs: 120_000 });
  await importQdpx(db, madeUp.qdpx, { synthetic: true, timeoutMs: 120_000 });
});

afterAll(async () => {
  await removeNodes(db, cleanup);
  await db.close();
});

/** `synthetic` of nodes by id (false for a node without the flag; absent for a node that does not exist). */
async function flagsOf(ids: string[]): Promise<Record<string, boolean>> {
  const rows = await read(db, 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, coalesce(n.synthetic, false) AS synthetic', { ids });
  return Object.fromEntries(rows.map((row) => [row.id as string, row.synthetic as boolean]));
}

/**
 * The graph's `synthetic` per export GUID, for the labels given, read before and after `exporting`: only nodes
 * that are there with the same flag both times are compared (other test files write to this database too).
 */
async function graphFlagsAround<T>(where: string, exporting: () => Promise<T>): Promise<{ flags: Map<string, boolean>; result: T }> {
  const query = `MATCH (n) WHERE ${where} RETURN n.id AS id, coalesce(n.synthetic, false) AS synthetic`;
  const before = new Map((await read(db, query)).map((row) => [row.id as string, row.synthetic as boolean]));
  const result = await exporting();
  const flags = new Map<string, boolean>();
  for (const row of await read(db, query)) if (before.get(row.id as string) === row.synthetic) flags.set(guidOfId(row.id as string), row.synthetic as boolean);
  return { flags, result };
}

/** GUIDs whose mark in the file differs from the graph's flag (`marks`: GUID → marked; undefined = no mark either way). */
function mismatches(flags: Map<string, boolean>, marks: Map<string, boolean | undefined>): string[] {
  return [...flags].filter(([guid, flag]) => marks.get(guid) !== flag).map(([guid, flag]) => `${guid}: graph ${flag}, file ${marks.get(guid) ?? 'absent'}`);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['Code', 'Case', 'VariableValue', 'Variable', 'TextSource', 'PlainTextSelection', 'Set', 'MemberCode', 'MemberSource'].includes(name),
});

const isMarked = (text: unknown) => typeof text === 'string' && text.startsWith('[synthetic]');

/** The leaf codes of a codebook (`Codes` element) by GUID, with their Description. */
function codesOf(codes: any): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const group of codes.Code) for (const code of group.Code ?? []) out.set(code['@guid'], code.Description);
  return out;
}

const CODES = 'n:Practice OR n:Dilemma OR n:Conclusion';

describe('project.qdpx marks what the graph flags made up', () => {
  let project: any;
  let qde: string;
  const flags: Record<string, Map<string, boolean>> = {};

  beforeAll(async () => {
    // One export; each kind of node read around it (reads do not change what the export wrote).
    const around = await graphFlagsAround('n:Employee', () => exportProject(db, { includeRestricted: true }));
    qde = around.result.qde;
    flags.cases = around.flags;
    flags.codes = (await graphFlagsAround(CODES, async () => undefined)).flags;
    flags.sources = (await graphFlagsAround('n:Source', async () => undefined)).flags;
    flags.quotations = (await graphFlagsAround('n:Quotation', async () => undefined)).flags;
    project = parser.parse(qde).Project;
  });

  it('every case says Synthetic true or false, as its interviewee is made up or not; the marked file is valid REFI-QDA 1.0', async () => {
    expect(await xsdErrors(qde)).toEqual([]);
    const variable = project.Variables.Variable.find((v: any) => v['@name'] === 'Synthetic');
    expect(variable['@typeOfVariable']).toBe('Boolean');
    const marks = new Map<string, boolean | undefined>();
    for (const c of project.Cases.Case) {
      const value = (c.VariableValue ?? []).find((v: any) => v.VariableRef['@targetGUID'] === variable['@guid'])?.BooleanValue;
      // Never left out: a case without the value would say nothing, not "real".
      marks.set(c['@guid'], value === 'true' ? true : value === 'false' ? false : undefined);
    }
    // The seed's made-up sample and ours are among the compared ones, and our real one.
    expect([...flags.cases!.values()].filter(Boolean).length).toBeGreaterThan(1);
    expect(flags.cases!.get(real.guids.case)).toBe(false);
    expect(flags.cases!.get(madeUp.guids.case)).toBe(true);
    expect(mismatches(flags.cases!, marks)).toEqual([]);
  });

  it('made-up codes are members of the Set "Synthetic (made-up data)" and their Description starts with [synthetic]', () => {
    const set = project.Sets.Set.find((s: any) => s['@name'] === SYNTHETIC_SET);
    expect(set.Description).toMatch(/made-up/i);
    const members = new Set((set.MemberCode ?? []).map((m: any) => m['@targetGUID']));
    const codes = codesOf(project.CodeBook.Codes);
    const inSet = new Map([...codes.keys()].map((guid) => [guid, members.has(guid)]));
    const described = new Map([...codes].map(([guid, description]) => [guid, isMarked(description)]));
    expect([...flags.codes!.values()].filter(Boolean).length).toBeGreaterThan(1);
    expect(mismatches(flags.codes!, inSet)).toEqual([]);
    expect(mismatches(flags.codes!, described)).toEqual([]);
    // The mark comes before the description, which is kept whole; a real code's is untouched.
    expect(codes.get(guidOfId(madeUp.ids.practice))).toBe(`[synthetic] ${madeUp.description}`);
    expect(codes.get(guidOfId(real.ids.practice))).toBe(real.description);
  });

  it('made-up sources are in the Set and named [synthetic] …; made-up selections say [synthetic]', () => {
    const set = project.Sets.Set.find((s: any) => s['@name'] === SYNTHETIC_SET);
    const members = new Set((set.MemberSource ?? []).map((m: any) => m['@targetGUID']));
    const sources = project.Sources.TextSource as any[];
    const exported = (flag: Map<string, boolean>) => new Map([...flag].filter(([guid]) => sources.some((s) => s['@guid'] === guid)));
    const sourceFlags = exported(flags.sources!);
    expect(mismatches(sourceFlags, new Map(sources.map((s) => [s['@guid'], members.has(s['@guid'])])))).toEqual([]);
    expect(mismatches(sourceFlags, new Map(sources.map((s) => [s['@guid'], isMarked(s['@name'])])))).toEqual([]);
    expect(sources.find((s) => s['@guid'] === madeUp.guids.source)['@name']).toBe(`[synthetic] ${madeUp.sourceName}`);
    expect(sources.find((s) => s['@guid'] === real.guids.source)['@name']).toBe(real.sourceName);
    const selections = new Map<string, boolean>(sources.flatMap((s) => (s.PlainTextSelection ?? []).map((sel: any) => [sel['@guid'], isMarked(sel.Description)])));
    expect(selections.get(madeUp.guids.selection)).toBe(true);
    expect(selections.get(real.guids.selection)).toBe(false);
    expect(mismatches(flags.quotations!, selections)).toEqual([]);
  });
});

describe('codebook.qdc', () => {
  it('marks the made-up codes in their Description, and stays valid', async () => {
    const { flags, result: xml } = await graphFlagsAround(CODES, () => exportCodebook(db));
    const codes = codesOf(parser.parse(xml).CodeBook.Codes);
    expect(mismatches(flags, new Map([...codes].map(([guid, description]) => [guid, isMarked(description)])))).toEqual([]);
    expect(codes.get(guidOfId(madeUp.ids.practice))).toBe(`[synthetic] ${madeUp.description}`);
    expect(codes.get(guidOfId(real.ids.practice))).toBe(real.description);
    const inner = xml.slice(xml.indexOf('<Codes>'), xml.lastIndexOf('</CodeBook>'));
    expect(await xsdErrors(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>${inner}</CodeBook></Project>`)).toEqual([]);
  });
});

describe('round trip: our two interviews cut from the export, imported again without --synthetic', () => {
  let exported: { qde: string; files: Record<string, Uint8Array> };

  beforeAll(async () => {
    const { zip, qde } = await exportProject(db, { includeRestricted: true });
    exported = { qde, files: unzipSync(zip) };
  });

  /**
   * A project of our two interviews as the export wrote them (their codes, cases, sources, texts and the
   * made-up Set's members among them), named after `round`, with the interviews in `fresh` given new GUIDs and
   * their practice a new name: new to the graph, the others are the nodes the graph has.
   */
  function cutFromExport(round: string, fresh: Interview[]): { qdpx: Uint8Array; qde: string; renamed: Map<Interview, Interview['ids'] & { practiceName: string }> } {
    const { qde, files } = exported;
    const name = `Markering ronde ${round} ${tag}`;
    const pick = (pattern: RegExp) => pattern.exec(qde)?.[0] ?? '';
    const ours = [real, madeUp];
    const codes = ours.map((i) => pick(new RegExp(`<Code guid="${guidOfId(i.ids.practice)}"[^>]*>(?:<Description>[^<]*</Description>)?</Code>`))).join('\n');
    const cases = ours.map((i) => pick(new RegExp(`<Case guid="${i.guids.case}"[\\s\\S]*?</Case>`))).join('\n');
    const sources = ours.map((i) => pick(new RegExp(`<TextSource guid="${i.guids.source}"[\\s\\S]*?</TextSource>`))).join('\n');
    const ourGuids = ours.flatMap((i) => [guidOfId(i.ids.practice), i.guids.source]);
    const setElement = pick(/<Set [^>]*>[\s\S]*?<\/Set>/);
    const set = setElement.replace(/<Member(Code|Source) targetGUID="([^"]+)"\/>/g, (member, _kind, guid: string) => (ourGuids.includes(guid) ? member : ''));
    let out = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(name)}" origin="Practice Graph">
<CodeBook><Codes><Code guid="${randomUUID()}" name="Werkpraktijken" isCodable="false">${codes}</Code></Codes></CodeBook>
${pick(/<Variables>[\s\S]*?<\/Variables>/)}
<Cases>${cases}</Cases>
<Sources>${sources}</Sources>
<Sets>${set}</Sets>
</Project>
`;
    const sourceFiles: Record<string, Uint8Array> = {};
    for (const i of ours) sourceFiles[i.guids.source] = files[`sources/${i.guids.source}.txt`]!;
    const renamed = new Map<Interview, Interview['ids'] & { practiceName: string }>();
    for (const i of fresh) {
      const g = { practice: randomUUID(), case: randomUUID(), source: randomUUID(), selection: randomUUID() };
      const practiceName = `${i.practice} ronde ${round}`;
      out = out
        .replaceAll(guidOfId(i.ids.practice), g.practice)
        .replaceAll(i.guids.case, g.case)
        .replaceAll(i.guids.source, g.source)
        .replaceAll(i.guids.selection, g.selection)
        .replaceAll(`name="${esc(i.practice)}"`, `name="${esc(practiceName)}"`);
      sourceFiles[g.source] = sourceFiles[i.guids.source]!;
      delete sourceFiles[i.guids.source];
      const ids = { practice: `practice:${slugify(practiceName)}`, employee: `employee:${g.case}`, source: `source:${g.source}`, quotation: `quotation:${g.selection}`, practiceName };
      renamed.set(i, ids);
      [ids.practice, ids.employee, ids.source, ids.quotation].forEach((id) => cleanup.add(id));
    }
    [`source:refi-qda-${slugify(name)}`, `source:refi-qda-${slugify(name)}-synthetic`].forEach((id) => cleanup.add(id));
    const zip = zipSync({ 'project.qde': strToU8(out), ...Object.fromEntries(Object.entries(sourceFiles).map(([guid, bytes]) => [`sources/${guid}.txt`, bytes])) });
    return { qdpx: zip, qde: out, renamed };
  }

  /** `synthetic` of the relationships of a quotation and of an interviewee's INTERVIEWED_IN. */
  async function linkFlags(quotation: string, employee: string): Promise<boolean[]> {
    const rows = await read(
      db,
      `MATCH (q:Quotation {id: $quotation})-[r:QUOTED_FROM|CODED_AS]->() RETURN coalesce(r.synthetic, false) AS synthetic
       UNION ALL MATCH (:Employee)-[r:SAID]->(:Quotation {id: $quotation}) RETURN coalesce(r.synthetic, false) AS synthetic
       UNION ALL MATCH (:Employee {id: $employee})-[r:INTERVIEWED_IN]->() RETURN coalesce(r.synthetic, false) AS synthetic`,
      { quotation, employee },
    );
    return rows.map((row) => row.synthetic as boolean);
  }

  it('the made-up interview new to the graph comes in made up, its marks taken off; the real one stays real', async () => {
    const cut = cutFromExport('a', [madeUp]);
    expect(await xsdErrors(cut.qde)).toEqual([]);
    await importQdpx(db, cut.qdpx, { timeoutMs: 120_000 });
    const fresh = cut.renamed.get(madeUp)!;
    expect(await flagsOf([fresh.practice, fresh.employee, fresh.source, fresh.quotation])).toEqual({
      [fresh.practice]: true, [fresh.employee]: true, [fresh.source]: true, [fresh.quotation]: true,
    });
    expect(await flagsOf(Object.values(real.ids))).toEqual(Object.fromEntries(Object.values(real.ids).map((id) => [id, false])));
    expect(await linkFlags(fresh.quotation, fresh.employee)).toEqual([true, true, true, true]);
    expect(await linkFlags(real.ids.quotation, real.ids.employee)).toEqual([false, false, false, false]);
    // The marks are taken off on import: they are never part of a description or a title, so never doubled.
    const [row] = await read(db, 'MATCH (p:Practice {id: $p}), (s:Source {id: $s}) RETURN p.description AS description, s.title AS title', { p: fresh.practice, s: fresh.source });
    expect(row).toEqual({ description: madeUp.description, title: madeUp.sourceName });
    const again = codesOf(parser.parse(await exportCodebook(db)).CodeBook.Codes);
    expect(again.get(guidOfId(fresh.practice))).toBe(`[synthetic] ${madeUp.description}`);
  });

  it('the real interview new to the graph comes in real; the made-up one the graph has stays made up', async () => {
    const cut = cutFromExport('b', [real]);
    await importQdpx(db, cut.qdpx, { timeoutMs: 120_000 });
    const fresh = cut.renamed.get(real)!;
    expect(await flagsOf([fresh.practice, fresh.employee, fresh.source, fresh.quotation])).toEqual({
      [fresh.practice]: false, [fresh.employee]: false, [fresh.source]: false, [fresh.quotation]: false,
    });
    expect(await flagsOf(Object.values(madeUp.ids))).toEqual(Object.fromEntries(Object.values(madeUp.ids).map((id) => [id, true])));
    expect(await linkFlags(madeUp.ids.quotation, madeUp.ids.employee)).toEqual([true, true, true, true]);
  });

  it('both new at once: refused, naming a made-up and a real node, and nothing is written', async () => {
    const cut = cutFromExport('c', [real, madeUp]);
    const error = await importQdpx(db, cut.qdpx, { timeoutMs: 120_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocumentInvalidError);
    expect((error as DocumentInvalidError).errors).toEqual([expect.stringMatching(/is marked as made-up data \(synthetic\) and .* is real, and both are new to the graph/)]);
    const ids = [...cut.renamed.values()].flatMap((i) => [i.practice, i.employee, i.source, i.quotation]);
    expect(await flagsOf(ids)).toEqual({});
  });
});
