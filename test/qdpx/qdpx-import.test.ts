import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DocumentInvalidError } from '../../src/import/index.js';
import { importQdpx, parseMapping } from '../../src/import/qdpx/index.js';
import { read, removeNodes, startAuthApi, uniqueSlug, type AuthApi } from '../mutations/support.js';
import { tempDir } from '../support/neo4j.js';
import { atlasCodebook, INTERVIEW_1, SELECTIONS, twoInterviews, xsdErrors, type Fixture } from './fixtures.js';

/**
 * `importQdpx` against the real Neo4j: a made-up two-interview project attaches to the seed's practices,
 * dilemmas and conclusion; selections become quotations cut by code points; cases become interviewees;
 * a re-import changes nothing; every bad file is refused naming the element and GUID, nothing written;
 * an ATLAS.ti-style codebook (groups as sets) imports as .qdpx and .qdc.
 */
let api: AuthApi;
const tag = uniqueSlug('qdpx');
let fixture: Fixture;
const cleanup = new Set<string>();

beforeAll(async () => {
  api = await startAuthApi();
  fixture = twoInterviews(tag);
});

afterAll(async () => {
  await removeNodes(api.db, cleanup);
  await api.close();
});

/** Every id the fixture can create, for clean-up and for "nothing written" checks. */
function fixtureIds(f: Fixture): string[] {
  const g = f.guids;
  return [
    `employee:${g['case-a']}`, `employee:${g['case-b']}`, `source:${g['source-1']}`, `source:${g['source-2']}`,
    ...SELECTIONS.map((s) => `quotation:${g[s.key]}`), `practice:buurtkoffie-${f.tag}`, `source:refi-qda-verzonnen-interviews-${f.tag}`,
  ];
}

async function countExisting(ids: string[]): Promise<number> {
  const [row] = await read(api.db, 'MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n', { ids });
  return Number(row!.n);
}

describe('the fixture', () => {
  it('is valid against the REFI-QDA project schema', async () => {
    const errors = await xsdErrors(fixture.qde);
    expect(errors).toEqual([]);
    const atlas = await xsdErrors(atlasCodebook(tag).qde);
    expect(atlas).toEqual([]);
  });
});

describe('importing two interviews', () => {
  beforeAll(() => fixtureIds(fixture).forEach((id) => cleanup.add(id)));

  it('a dry run counts and writes nothing', async () => {
    const { summary, refi } = await importQdpx(api.db, fixture.qdpx, { dryRun: true, synthetic: true });
    expect(summary.dryRun).toBe(true);
    expect(refi).toMatchObject({ cases: 2, sources: 2, quotations: 7, skippedSelections: 1 });
    expect(refi.codes).toEqual({ practices: 3, dilemmas: 2, conclusions: 1, attached: 5, skipped: 2 });
    expect(summary.byLabel.find((row) => row.label === 'Quotation')?.created).toBe(7);
    expect(await countExisting(fixtureIds(fixture))).toBe(0);
  });

  it('creates quotations, interviewees and the new practice, attached to the seed nodes', async () => {
    const { summary } = await importQdpx(api.db, fixture.qdpx, { synthetic: true, timeoutMs: 120_000 });
    const created = Object.fromEntries(summary.byLabel.map((row) => [row.label, row.created]));
    // The document source, and the two interviews.
    expect(created).toMatchObject({ Quotation: 7, Employee: 2, Practice: 1, Source: 3 });
    expect(created.Dilemma ?? 0).toBe(0);
    expect(created.Conclusion ?? 0).toBe(0);

    const g = fixture.guids;
    const rows = await read(
      api.db,
      `MATCH (q:Quotation)-[:QUOTED_FROM]->(s:Source) WHERE q.id IN $ids
       OPTIONAL MATCH (q)-[:CODED_AS]->(c)
       OPTIONAL MATCH (e:Employee)-[:SAID]->(q)
       RETURN q.id AS id, q.text AS text, q.restricted AS restricted, q.startPosition AS start, s.id AS source, e.id AS speaker, collect(c.id) AS codes`,
      { ids: SELECTIONS.map((s) => `quotation:${g[s.key]}`) },
    );
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    for (const selection of SELECTIONS) {
      const row = byId.get(`quotation:${g[selection.key]}`);
      if (selection.codes.includes('emotie')) {
        expect(row, 'a selection with only an unmapped code is no quotation').toBeUndefined();
        continue;
      }
      expect(row?.text, selection.key).toBe(selection.phrase);
      expect(row?.restricted).toBe(true);
      expect(row?.source).toBe(`source:${g[`source-${selection.source}`]}`);
      expect(row?.speaker).toBe(`employee:${g[selection.source === 1 ? 'case-a' : 'case-b']}`);
    }
    expect(byId.get(`quotation:${g.q1}`)!.codes).toEqual(expect.arrayContaining(['practice:handelen-in-de-geest-van-de-wet', 'dilemma:afwegen-van-belangen']));
    expect(byId.get(`quotation:${g.q2}`)!.codes).toEqual(expect.arrayContaining(['dilemma:loslaten-of-sturen', 'conclusion:loslaten-vraagt-visie-en-kaders']));
    expect(byId.get(`quotation:${g.q3}`)!.codes).toEqual(['practice:vertrouwen']);
    // The emoji before q1 is one code point: q1 starts where its text starts, counted so.
    expect(Number(byId.get(`quotation:${g.q1}`)!.start)).toBe(Array.from(INTERVIEW_1.slice(0, INTERVIEW_1.indexOf('Ik kijk'))).length);

    // Uncoded text is never stored: not in any property of anything the import wrote.
    const [leak] = await read(
      api.db,
      `CALL () { MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IS :: STRING AND n[k] CONTAINS $text) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] IS :: STRING AND r[k] CONTAINS $text) RETURN count(r) AS rels }
       RETURN nodes + rels AS n`,
      { text: 'wegen dan samen' },
    );
    expect(Number(leak!.n)).toBe(0);

    const [a] = await read(
      api.db,
      `MATCH (e:Employee {id: $id})-[:WORKS_AT]->(m:Municipality)
       MATCH (e)-[:INTERVIEWED_IN]->(s:Source)
       OPTIONAL MATCH (e)-[u:USES]->(p:Practice)
       RETURN e.pseudonym AS pseudonym, e.role AS role, m.id AS municipality, s.kind AS kind, collect([p.id, u.evidence, u.restricted]) AS uses`,
      { id: `employee:${g['case-a']}` },
    );
    expect(a).toMatchObject({ pseudonym: fixture.caseA, role: 'wijkregisseur', municipality: 'municipality:breda', kind: 'INTERVIEW' });
    const uses = new Map((a!.uses as Array<[string, string, boolean]>).map(([id, evidence, restricted]) => [id, { evidence, restricted }]));
    expect(uses.get('practice:handelen-in-de-geest-van-de-wet')).toEqual({ evidence: SELECTIONS[0]!.phrase, restricted: true });
    expect(uses.get(`practice:buurtkoffie-${tag}`)?.evidence).toBe('We drinken koffie in de buurt');
    const [b] = await read(api.db, 'MATCH (e:Employee {id: $id})-[:WORKS_AT]->(m) MATCH (e)-[u:USES]->(:Practice {id: $p}) RETURN m.id AS m, u.evidence AS evidence', {
      id: `employee:${g['case-b']}`,
      p: 'practice:handelen-in-de-geest-van-de-wet',
    });
    // The municipality matched ignoring case ("tilburg"); two quotations of one practice are one USES.
    expect(b).toEqual({ m: 'municipality:tilburg', evidence: 'Wij zeggen vaker ja dan nee.\n\nwij zoeken samen naar ruimte in de regels' });

    // The seed's nodes are referenced, never rewritten.
    const [seedPractice] = await read(api.db, "MATCH (p:Practice {id: 'practice:vertrouwen'}) RETURN p.name AS name");
    expect(seedPractice!.name).toBe('Vertrouwen');
    const [made] = await read(api.db, 'MATCH (p:Practice {id: $id}) RETURN p.name AS name, p.description AS d, p.kind AS kind', { id: `practice:buurtkoffie-${tag}` });
    expect(made).toEqual({ name: fixture.newPractice, d: 'Koffie drinken met bewoners in de buurt.', kind: null });
  });

  it('a second import changes nothing', async () => {
    const { summary } = await importQdpx(api.db, fixture.qdpx, { synthetic: true, timeoutMs: 120_000 });
    expect(summary.nodes.created + summary.nodes.updated).toBe(0);
    expect(summary.relationships.created + summary.relationships.updated).toBe(0);
    expect(summary.nodes.unchanged).toBeGreaterThan(0);
  });
});

describe('bad files are refused, naming what is wrong, and nothing is written', () => {
  const refused = async (bytes: Uint8Array, pattern: RegExp, ids: string[] = []) => {
    const error = await importQdpx(api.db, bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocumentInvalidError);
    expect((error as DocumentInvalidError).extensions.code).toBe('BAD_USER_INPUT');
    expect((error as Error).message).toMatch(pattern);
    if (ids.length > 0) expect(await countExisting(ids)).toBe(0);
  };
  const broken = (mutate: (qde: string) => string, municipalityB?: string) => {
    const f = twoInterviews(uniqueSlug('bad'), { mutate, ...(municipalityB ? { municipalityB } : {}) });
    fixtureIds(f).forEach((id) => cleanup.add(id));
    return f;
  };

  it('not a zip', () => refused(strToU8('just some text'), /neither a zip archive/));
  it('no project.qde', () => refused(zipSync({ 'readme.txt': strToU8('x') }), /no project\.qde/));
  it('XML that is not well-formed', () => refused(zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>') }), /not well-formed XML/));
  it('XML against the structure: wrong root, missing guid', async () => {
    await refused(zipSync({ 'project.qde': strToU8('<Projekt xmlns="urn:QDA-XML:project:1.0" name="x"/>') }), /root element must be <Project/);
    const f = broken((qde) => qde.replace(/<Code guid="[^"]+" name="Emotie"/, '<Code name="Emotie"'));
    await refused(f.qdpx, /Code\[1\]: guid is required/, fixtureIds(f));
  });
  it('a CodeRef to an unknown GUID', async () => {
    const f = broken((qde) => qde.replace(/<CodeRef targetGUID="[^"]+"\/>/, '<CodeRef targetGUID="00000000-0000-0000-0000-0000000000c0"/>'));
    await refused(f.qdpx, /CodeRef \(targetGUID 00000000-0000-0000-0000-0000000000c0\): no Code with this GUID/, fixtureIds(f));
  });
  it('a SourceRef to an unknown GUID', async () => {
    const f = broken((qde) => qde.replace(/<SourceRef targetGUID="[^"]+"\/>/, '<SourceRef targetGUID="00000000-0000-0000-0000-0000000000d0"/>'));
    await refused(f.qdpx, /Case\[1\] \(guid [0-9a-f-]+\)\/SourceRef \(targetGUID 00000000-0000-0000-0000-0000000000d0\): no source/, fixtureIds(f));
  });
  it('positions outside the text', async () => {
    const f = broken((qde) => qde.replace(/endPosition="\d+"/, 'endPosition="100000"'));
    await refused(f.qdpx, new RegExp(`PlainTextSelection \\(guid ${f.guids.q1}\\): positions \\d+–100000 are outside the text \\(\\d+ characters\\)`), fixtureIds(f));
  });
  it('an unknown municipality', async () => {
    const f = broken((qde) => qde, 'Atlantis');
    await refused(f.qdpx, new RegExp(`Case "${f.caseB}" \\(guid ${f.guids['case-b']}\\): unknown municipality "Atlantis"`), fixtureIds(f));
  });
  it('a source file that is not UTF-8', async () => {
    const f = broken((qde) => qde);
    const bad = zipSync({ 'project.qde': strToU8(f.qde), [`sources/${f.guids['source-2']}.txt`]: new Uint8Array([0x43, 0x61, 0x66, 0xe9]) });
    await refused(bad, /\.txt is not valid UTF-8 at byte 3/, fixtureIds(f));
  });
});

describe('a codebook-only project as ATLAS.ti writes it (groups as sets)', () => {
  it('imports as .qdpx: new codes created, known ones attached, others skipped', async () => {
    const atlas = atlasCodebook(uniqueSlug('atl'));
    const practiceId = `practice:${atlas.practice.toLowerCase().replace(/ /g, '-')}`;
    const dilemmaId = `dilemma:${atlas.dilemma.toLowerCase().replace(/ /g, '-')}`;
    [practiceId, dilemmaId].forEach((id) => cleanup.add(id));
    cleanup.add(`source:refi-qda-${`ATLAS codebook ${atlas.practice.split(' ').at(-1)}`.toLowerCase().replace(/ /g, '-')}`);
    const { summary, refi } = await importQdpx(api.db, atlas.qdpx, { synthetic: true, timeoutMs: 120_000 });
    expect(refi.codes).toEqual({ practices: 2, dilemmas: 1, conclusions: 0, attached: 1, skipped: 1 });
    expect(summary.byLabel.find((row) => row.label === 'Practice')?.created).toBe(1);
    const rows = await read(api.db, 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.description AS d ORDER BY id', { ids: [practiceId, dilemmaId] });
    expect(rows).toEqual([
      { id: dilemmaId, d: 'Snel handelen of zorgvuldig toetsen.' },
      { id: practiceId, d: 'Met initiatiefnemers samen optrekken.' },
    ]);
  });

  it('imports as .qdc (the codebook namespace), with a mapping that renames the groups', async () => {
    const atlas = atlasCodebook(uniqueSlug('qdc'));
    const practiceId = `practice:${atlas.practice.toLowerCase().replace(/ /g, '-')}`;
    const dilemmaId = `dilemma:${atlas.dilemma.toLowerCase().replace(/ /g, '-')}`;
    [practiceId, dilemmaId, 'source:refi-qda-codebook'].forEach((id) => cleanup.add(id));
    // Mapped the other way round: the set "Dilemmas" holds practices now.
    const mapping = parseMapping({ groups: { practices: ['Dilemmas'], dilemmas: 'Praktijken' }, practiceKind: 'ROUTINE' });
    const { refi } = await importQdpx(api.db, atlas.qdc, { expect: 'qdc', mapping, synthetic: true, dryRun: true });
    expect(refi.codes).toMatchObject({ practices: 1, dilemmas: 2 });
    const { summary } = await importQdpx(api.db, atlas.qdc, { expect: 'qdc', synthetic: true });
    expect(summary.byLabel.find((row) => row.label === 'Dilemma')?.created).toBe(1);
    expect(await countExisting([practiceId, dilemmaId])).toBe(2);
  });

  it('a mapping file with an unknown key is refused', () => {
    expect(() => parseMapping({ group: {} })).toThrow(/unknown key\(s\) group/);
    expect(() => parseMapping({ practiceKind: 'NONE' })).toThrow(/practiceKind: expected one of/);
  });
});

describe('npm run import -- FILE.qdpx', () => {
  const run = promisify(execFile);
  const dir = tempDir('practice-graph-qdpx-cli');
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
  afterAll(() => dir.remove());

  it('--dry-run with a mapping file: the summary and what the project held, nothing written', async () => {
    const f = twoInterviews(uniqueSlug('cli'));
    const file = join(dir.path, 'interviews.qdpx');
    const mapping = join(dir.path, 'mapping.json');
    writeFileSync(file, f.qdpx);
    writeFileSync(mapping, JSON.stringify({ variables: { municipality: 'Gemeente', role: ['Functie'] } }));
    const result = await cli(file, '--dry-run', '--synthetic', '--mapping', mapping);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run \(nothing written\) of .*interviews\.qdpx/);
    expect(result.stdout).toMatch(/Quotation\s+7\s+0\s+0/);
    expect(result.stdout).toContain('2 cases (interviewees), 2 interviews, 7 quotations');
    expect(await countExisting(fixtureIds(f))).toBe(0);
  });

  it('a bad file exits 1 naming the element; unknown options exit 2', async () => {
    const f = twoInterviews(uniqueSlug('cli'), { municipalityB: 'Atlantis' });
    const file = join(dir.path, 'bad.qdpx');
    writeFileSync(file, f.qdpx);
    const bad = await cli(file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`(guid ${f.guids['case-b']}): unknown municipality "Atlantis"`);
    const usage = await cli(file, '--colour');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--mapping');
  });
});
