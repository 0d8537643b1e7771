import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { slugify } from '../../src/model/slug.js';
import { removeNodes, startAuthApi, TOKENS, uniqueSlug, type AuthApi } from '../mutations/support.js';
import { createdIds, recoded, SELECTIONS, twoInterviews, type Fixture } from './fixtures.js';

/**
 * Made-up quotations are marked where they are counted: `Practice.quotedDilemmas(scope)` with
 * `syntheticQuotationCount` and `syntheticAddresses`, and `syntheticLinkQuotationCount` beside
 * `linkQuotationCount` on the links of `Practice.dilemmas` and `Dilemma.practices`.
 *
 * Two copies of the two-interview fixture, one imported as real data and one as made-up data
 * (`synthetic: true`), with every mapped code renamed to a name of this file's own, so that both code the
 * same practice P and dilemma D1 and no seed node is counted:
 *
 * - real copy:    handelen → P, loslaten → D1, afwegen → D3 (real); extra coding q7 + D1
 * - made-up copy: handelen → P, loslaten → D1, afwegen → D2 (a made-up dilemma)
 * - ADDRESSES links, through `link`: P → D1 from the made-up project's source (made up), P → D3 from the
 *   real project's source (real); none to D2.
 *
 * Counted by hand (fixtures.ts, SELECTIONS: q1 handelen + afwegen, q6 handelen + loslaten, q7 handelen):
 *   P–D1:  real q6, q7 = 2;   made-up q6 = 1;   all 3, of them 1 made up
 *   P–D2:  made-up q1 = 1 (all 1, made up)
 *   P–D3:  real q1 = 1 (all 1, none made up)
 */
const T = uniqueSlug('qmu');
const NAMES = { p: `Praktijk ${T}`, d1: `Dilemma a ${T}`, d2: `Dilemma b ${T}`, d3: `Dilemma c ${T}` };
const P = `practice:${slugify(NAMES.p)}`;
const D1 = `dilemma:${slugify(NAMES.d1)}`;
const D2 = `dilemma:${slugify(NAMES.d2)}`;
const D3 = `dilemma:${slugify(NAMES.d3)}`;

let api: AuthApi;
/** The two imported copies: `real` as real data, `madeUp` as made-up data. */
let real: Fixture;
let madeUp: Fixture;
const cleanup = new Set<string>([P, D1, D2, D3, `practice:${slugify(`Vertrouwen ${T}`)}`, `conclusion:${slugify(`Conclusie ${T}`)}`]);

/** The fixture with its codes renamed (afwegen to `afwegen`) and the extra codings. */
function fixture(tag: string, afwegen: string, extra: Array<[phrase: string, code: string]>): Fixture {
  const renames: Array<[string, string]> = [
    ['Handelen in de geest van de wet', NAMES.p],
    ['vertrouwen', `Vertrouwen ${T}`],
    ['Loslaten of sturen', NAMES.d1],
    ['Afwegen van belangen', afwegen],
    ['Loslaten vraagt visie en kaders', `Conclusie ${T}`],
  ];
  return twoInterviews(tag, { mutate: (qde) => recoded(qde, renames, extra) });
}

const projectSource = (f: Fixture) => `source:refi-qda-verzonnen-interviews-${f.tag}`;

async function data(query: string, authorization?: string): Promise<Record<string, any>> {
  const { body } = await api.raw(query, authorization);
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as Record<string, any>;
}

beforeAll(async () => {
  api = await startAuthApi();
  const q7 = SELECTIONS.find((s) => s.key === 'q7')!.phrase;
  real = fixture(uniqueSlug('qmur'), NAMES.d3, [[q7, NAMES.d1]]);
  madeUp = fixture(uniqueSlug('qmus'), NAMES.d2, []);
  for (const f of [real, madeUp]) createdIds(f).forEach((id) => cleanup.add(id));
  // The real project first: it creates P and D1 (real), the made-up one codes them too.
  await importQdpx(api.db, real.qdpx, { synthetic: false, timeoutMs: 120_000 });
  await importQdpx(api.db, madeUp.qdpx, { synthetic: true, timeoutMs: 120_000 });
  await data(
    `mutation {
      made: link(from: "${P}", type: "ADDRESSES", to: "${D1}", sourceId: "${projectSource(madeUp)}") { id }
      real: link(from: "${P}", type: "ADDRESSES", to: "${D3}", sourceId: "${projectSource(real)}") { id }
    }`,
    `Bearer ${TOKENS.editor}`,
  );
});

afterAll(async () => {
  await removeNodes(api.db, cleanup);
  await api.close();
});

const QUOTED = 'dilemma { id } quotationCount syntheticQuotationCount addresses syntheticAddresses';

describe('Practice.quotedDilemmas and made-up data', () => {
  it('says, under ALL, how many of the quotations are made up and whether the link is', async () => {
    const d = await data(`{ practice(id: "${P}") { quotedDilemmas { ${QUOTED} } } }`);
    expect(d.practice.quotedDilemmas).toEqual([
      { dilemma: { id: D1 }, quotationCount: 3, syntheticQuotationCount: 1, addresses: true, syntheticAddresses: true },
      { dilemma: { id: D2 }, quotationCount: 1, syntheticQuotationCount: 1, addresses: false, syntheticAddresses: false },
      { dilemma: { id: D3 }, quotationCount: 1, syntheticQuotationCount: 0, addresses: true, syntheticAddresses: false },
    ]);
  });

  it('counts real quotations, real links and real dilemmas only under REAL, made-up ones only under SYNTHETIC', async () => {
    const d = await data(`{ practice(id: "${P}") {
      real: quotedDilemmas(scope: REAL) { ${QUOTED} }
      made: quotedDilemmas(scope: SYNTHETIC) { ${QUOTED} }
    } }`);
    // D1's link is made up: under REAL the real quotations are no evidence for a link. D2 is made up itself.
    expect(d.practice.real).toEqual([
      { dilemma: { id: D1 }, quotationCount: 2, syntheticQuotationCount: 0, addresses: false, syntheticAddresses: false },
      { dilemma: { id: D3 }, quotationCount: 1, syntheticQuotationCount: 0, addresses: true, syntheticAddresses: false },
    ]);
    expect(d.practice.made).toEqual([
      { dilemma: { id: D1 }, quotationCount: 1, syntheticQuotationCount: 1, addresses: true, syntheticAddresses: true },
      { dilemma: { id: D2 }, quotationCount: 1, syntheticQuotationCount: 1, addresses: false, syntheticAddresses: false },
    ]);
  });

  it('costs one statement for the practices of a level, whatever scopes their aliases ask for', async () => {
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    try {
      await data(`{ practices(where: { ids: ["${P}"] }) { edges { node {
        all: quotedDilemmas { quotationCount } real: quotedDilemmas(scope: REAL) { quotationCount } made: quotedDilemmas(scope: SYNTHETIC) { quotationCount }
      } } } }`);
    } finally {
      stop();
    }
    expect(statements.filter((cypher) => cypher.includes('$keys'))).toHaveLength(1);
  });
});

describe('syntheticLinkQuotationCount', () => {
  const LINKED = 'id linkQuotationCount syntheticLinkQuotationCount';

  it('gives the made-up part of linkQuotationCount from either end of a link, in the field\'s scope', async () => {
    const d = await data(`{
      practice(id: "${P}") { all: dilemmas { ${LINKED} } real: dilemmas(scope: REAL) { ${LINKED} } }
      dilemma(id: "${D1}") { practices { ${LINKED} } }
    }`);
    expect(d.practice.all).toEqual([
      { id: D1, linkQuotationCount: 3, syntheticLinkQuotationCount: 1 },
      { id: D3, linkQuotationCount: 1, syntheticLinkQuotationCount: 0 },
    ]);
    // The made-up link P → D1 is not in REAL. (Nor is it in SYNTHETIC, whose relationship fields show made-up
    // nodes only: D1 is real. test/qdpx/link-quotations.test.ts counts a made-up practice's links there.)
    expect(d.practice.real).toEqual([{ id: D3, linkQuotationCount: 1, syntheticLinkQuotationCount: 0 }]);
    expect(d.dilemma.practices).toEqual([{ id: P, linkQuotationCount: 3, syntheticLinkQuotationCount: 1 }]);
  });

  it('is null, like linkQuotationCount, on a node not reached through a link; both counts cost one statement', async () => {
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    let d: Record<string, any>;
    try {
      d = await data(`{ practice(id: "${P}") { ${LINKED} dilemmas { ${LINKED} } } }`);
    } finally {
      stop();
    }
    expect(d.practice).toMatchObject({ linkQuotationCount: null, syntheticLinkQuotationCount: null });
    expect(statements.filter((cypher) => cypher.includes('$links'))).toHaveLength(1);
  });
});

describe('the quotation co-occurrence matrix and made-up data', () => {
  it('says how much of each row\'s and column\'s quotations (the coefficient\'s n1, n2) is made up', async () => {
    const d = await data(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA, over: QUOTATIONS) {
      rows { id } columns { id } rowSyntheticTotals columnSyntheticTotals } }`);
    const m = d.cooccurrence as { rows: Array<{ id: string }>; columns: Array<{ id: string }>; rowSyntheticTotals: number[]; columnSyntheticTotals: number[] };
    const row = (id: string) => m.rowSyntheticTotals[m.rows.findIndex((r) => r.id === id)];
    const column = (id: string) => m.columnSyntheticTotals[m.columns.findIndex((c) => c.id === id)];
    // What the graph holds: the quotations coded as each code that are made up, or coded so by made-up data.
    const madeUp = async (id: string) =>
      Number(
        (
          await api.db.read(
            `MATCH (q:Quotation)-[r:CODED_AS]->({id: $id}) RETURN count(DISTINCT CASE WHEN coalesce(q.synthetic, false) OR coalesce(r.synthetic, false) THEN q END) AS n`,
            { id },
          )
        )[0]!.n,
      );
    expect(row(P)).toBe(await madeUp(P));
    expect([column(D1), column(D2), column(D3)]).toEqual([await madeUp(D1), await madeUp(D2), await madeUp(D3)]);
    // Only the made-up copy codes D2, and the real one D3 (fixture above); P and D1 are coded by both.
    expect(row(P)).toBeGreaterThan(0);
    expect([column(D1) > 0, column(D2) > 0, column(D3)]).toEqual([true, true, 0]);
    const real = await data(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA, over: QUOTATIONS, scope: REAL) { rowSyntheticTotals columnSyntheticTotals } }`);
    expect([...real.cooccurrence.rowSyntheticTotals, ...real.cooccurrence.columnSyntheticTotals].every((n: number) => n === 0)).toBe(true);
  });
});

describe('the quotation matrix of some municipalities keeps to its scope', () => {
  // A real municipality of this file's own, where only made-up data places anyone: the made-up project says
  // that the real interviewee A (interview 1) also works there.
  const elsewhere = `municipality:${slugify(`Elders ${T}`)}`;
  const document = `source:${slugify(`Elders verslag ${T}`)}`;
  const matrix = (scope: string) =>
    data(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA, over: QUOTATIONS, municipalityIds: ["${elsewhere}"], scope: ${scope}) {
      rows { id } columns { id } counts syntheticCounts rowSyntheticTotals columnSyntheticTotals } }`);

  beforeAll(async () => {
    cleanup.add(elsewhere).add(document);
    await api.data('ImportGraph', {
      document: { source: { id: document, title: `Elders verslag ${T}`, kind: 'DOCUMENT', synthetic: false }, nodes: [{ type: 'Municipality', id: elsewhere, name: `Elders ${T}` }], relationships: [] },
    });
    await data(`mutation { link(from: "employee:${real.guids['case-a']}", type: "WORKS_AT", to: "${elsewhere}", sourceId: "${projectSource(madeUp)}") { id } }`, `Bearer ${TOKENS.editor}`);
  });

  it('counts the real quotations a made-up employment places there as made up under ALL, and not at all under REAL', async () => {
    // Interview 1's q1 codes P and D3 in the real copy: a real quotation with real codings, placed there by made-up data only.
    const all = (await matrix('ALL')).cooccurrence;
    const [i, j] = [all.rows.findIndex((row: { id: string }) => row.id === P), all.columns.findIndex((column: { id: string }) => column.id === D3)];
    expect([all.counts[i][j], all.syntheticCounts[i][j]]).toEqual([1, 1]);
    // Every quotation counted there rests on that employment: every count is made up, and so is some of every total.
    expect(all.syntheticCounts).toEqual(all.counts);
    expect([...all.rowSyntheticTotals, ...all.columnSyntheticTotals].every((n: number) => n > 0)).toBe(true);
    expect((await matrix('REAL')).cooccurrence).toEqual({ rows: [], columns: [], counts: [], syntheticCounts: [], rowSyntheticTotals: [], columnSyntheticTotals: [] });
  });
});
