import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { removeNodes, startAuthApi, uniqueSlug, type AuthApi } from '../mutations/support.js';
import { createdIds, recoded, SELECTIONS, twoInterviews, type Fixture } from './fixtures.js';

/**
 * `linkQuotationCount`: on how many quotations an ADDRESSES link rests, on the dilemmas of
 * `Practice.dilemmas` and the practices of `Dilemma.practices`, in the parent field's scope.
 *
 * Two copies of the two-interview fixture, one imported as real data and one as made-up data, with two of
 * its codes renamed so that they attach to seed practices that have ADDRESSES links:
 *
 * - P = `practice:heldere-visie-en-kaders` (was "Handelen in de geest van de wet"): real, and the seed's
 *   one real link P → loslaten-of-sturen (from the meeting report);
 * - X = `practice:vroegtijdig-kaders-meegeven` (was "vertrouwen"): illustrative, with made-up links
 *   X → loslaten-of-sturen and X → afwegen-van-belangen;
 * - Y = `practice:helderheid-over-het-belang-van-de-overheid`: a real link Y → afwegen-van-belangen that
 *   no fixture quotation codes.
 *
 * The fixture's codings after the renaming (fixtures.ts, SELECTIONS), with the extra codings added below:
 *   q1 P + afwegen · q2 loslaten + conclusion · q3 X · q4 new practice · q6 P + loslaten · q7 P · q8 afwegen
 *   real copy, extra:      q7 + loslaten, q3 + loslaten
 *   made-up copy, extra:   q3 + loslaten, q3 + afwegen, q8 + X
 * Counted by hand, quotations coded as both ends of a link:
 *   P–loslaten:  real q6, q7 = 2;  made-up q6 = 1;        all 3
 *   X–loslaten:  real q3 = 1;      made-up q3 = 1;        all 2
 *   X–afwegen:   real none = 0;    made-up q3, q8 = 2;    all 2
 *   Y–afwegen:   0 everywhere.     (P–afwegen, q1, is no ADDRESSES link: it is not in `dilemmas`.)
 */
const P = 'practice:heldere-visie-en-kaders';
const X = 'practice:vroegtijdig-kaders-meegeven';
const Y = 'practice:helderheid-over-het-belang-van-de-overheid';
const LOSLATEN = 'dilemma:loslaten-of-sturen';
const AFWEGEN = 'dilemma:afwegen-van-belangen';

const EXPECTED: Record<'all' | 'real' | 'synthetic', Record<string, number>> = {
  all: { [`${P}|${LOSLATEN}`]: 3, [`${X}|${LOSLATEN}`]: 2, [`${X}|${AFWEGEN}`]: 2, [`${Y}|${AFWEGEN}`]: 0 },
  real: { [`${P}|${LOSLATEN}`]: 2, [`${Y}|${AFWEGEN}`]: 0 },
  synthetic: { [`${X}|${LOSLATEN}`]: 1, [`${X}|${AFWEGEN}`]: 2 },
};

let api: AuthApi;
const cleanup = new Set<string>();
/** Quotations on each link before the imports (0 unless another file left some): the counts add to them. */
const baseline = { all: new Map<string, number>(), real: new Map<string, number>(), synthetic: new Map<string, number>() };

/** The fixture with P and X renamed and the extra codings, as (phrase of a selection, code name) pairs. */
function fixtureWith(tag: string, extra: Array<[phrase: string, code: string]>): Fixture {
  const renames: Array<[string, string]> = [['Handelen in de geest van de wet', 'Heldere visie en kaders'], ['vertrouwen', 'Vroegtijdig kaders meegeven']];
  return twoInterviews(tag, { mutate: (qde) => recoded(qde, renames, extra) });
}

const phrase = (key: string) => SELECTIONS.find((s) => s.key === key)!.phrase;

async function data(query: string): Promise<Record<string, any>> {
  // Anonymous: that a quotation exists is not restricted (only its text is), so every caller gets the counts.
  const { body } = await api.raw(query);
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as Record<string, any>;
}

type Linked = { id: string; linkQuotationCount: number | null };

/** `practice → dilemma` keys and counts of both directions of every link, in one scope. */
async function links(scope: 'ALL' | 'REAL' | 'SYNTHETIC'): Promise<Map<string, number | null>> {
  const d = await data(`{
    p: practices(where: { ids: ["${P}", "${X}", "${Y}"] }) { edges { node { id dilemmas(scope: ${scope}) { id linkQuotationCount } } } }
    d: dilemmas(where: { ids: ["${LOSLATEN}", "${AFWEGEN}"] }) { edges { node { id practices(scope: ${scope}) { id linkQuotationCount } } } }
  }`);
  const counts = new Map<string, number | null>();
  for (const { node } of d.p.edges as Array<{ node: { id: string; dilemmas: Linked[] } }>) {
    for (const dilemma of node.dilemmas) counts.set(`${node.id}|${dilemma.id}`, dilemma.linkQuotationCount);
  }
  for (const { node } of d.d.edges as Array<{ node: { id: string; practices: Linked[] } }>) {
    for (const practice of node.practices) {
      const key = `${practice.id}|${node.id}`;
      // Both directions of a link give the same count.
      if (counts.has(key)) expect(practice.linkQuotationCount, key).toBe(counts.get(key));
      counts.set(key, practice.linkQuotationCount);
    }
  }
  return counts;
}

beforeAll(async () => {
  api = await startAuthApi();
  for (const [scope, name] of [['ALL', 'all'], ['REAL', 'real'], ['SYNTHETIC', 'synthetic']] as const) {
    for (const [key, count] of await links(scope)) baseline[name].set(key, count ?? 0);
  }
  const real = fixtureWith(uniqueSlug('lqr'), [[phrase('q7'), 'Loslaten of sturen'], [phrase('q3'), 'Loslaten of sturen']]);
  const madeUp = fixtureWith(uniqueSlug('lqs'), [[phrase('q3'), 'Loslaten of sturen'], [phrase('q3'), 'Afwegen van belangen'], [phrase('q8'), 'Vroegtijdig kaders meegeven']]);
  for (const f of [real, madeUp]) createdIds(f).forEach((id) => cleanup.add(id));
  await importQdpx(api.db, real.qdpx, { synthetic: false, timeoutMs: 120_000 });
  await importQdpx(api.db, madeUp.qdpx, { synthetic: true, timeoutMs: 120_000 });
});

afterAll(async () => {
  await removeNodes(api.db, cleanup);
  await api.close();
});

const expected = (scope: 'all' | 'real' | 'synthetic', key: string) => EXPECTED[scope][key]! + (baseline[scope].get(key) ?? 0);

describe('linkQuotationCount', () => {
  it('counts the quotations coded as both ends of a link, from either end', async () => {
    const d = await data(`{
      p: practice(id: "${P}") { dilemmas { id linkQuotationCount } }
      x: practice(id: "${X}") { dilemmas { id linkQuotationCount } }
      l: dilemma(id: "${LOSLATEN}") { practices { id linkQuotationCount } }
    }`);
    expect(d.p.dilemmas).toEqual([{ id: LOSLATEN, linkQuotationCount: expected('all', `${P}|${LOSLATEN}`) }]);
    // By name: Afwegen van belangen, Loslaten of sturen.
    expect(d.x.dilemmas).toEqual([
      { id: AFWEGEN, linkQuotationCount: expected('all', `${X}|${AFWEGEN}`) },
      { id: LOSLATEN, linkQuotationCount: expected('all', `${X}|${LOSLATEN}`) },
    ]);
    const practices = new Map((d.l.practices as Linked[]).map((p) => [p.id, p.linkQuotationCount]));
    expect(practices.get(P)).toBe(expected('all', `${P}|${LOSLATEN}`));
    expect(practices.get(X)).toBe(expected('all', `${X}|${LOSLATEN}`));
    expect(practices.get(P)).toBe(3);
  });

  it('is 0 for a link no quotation codes', async () => {
    const d = await data(`{ practice(id: "${Y}") { dilemmas { id linkQuotationCount } } dilemma(id: "${AFWEGEN}") { practices { id linkQuotationCount } } }`);
    expect(d.practice.dilemmas).toEqual([{ id: AFWEGEN, linkQuotationCount: expected('all', `${Y}|${AFWEGEN}`) }]);
    expect(d.practice.dilemmas[0].linkQuotationCount).toBe(0);
    expect((d.dilemma.practices as Linked[]).find((p) => p.id === Y)?.linkQuotationCount).toBe(0);
  });

  it('is null for a node not reached through the other end of a link', async () => {
    const d = await data(`{
      dilemma(id: "${LOSLATEN}") { id linkQuotationCount }
      practice(id: "${P}") { id linkQuotationCount }
      node(id: "${X}") { ... on Practice { linkQuotationCount } }
      dilemmas(where: { ids: ["${AFWEGEN}"] }) { edges { node { linkQuotationCount } } }
      conclusion(id: "conclusion:loslaten-vraagt-visie-en-kaders") { dilemmas { id linkQuotationCount } }
    }`);
    expect(d.dilemma).toEqual({ id: LOSLATEN, linkQuotationCount: null });
    expect(d.practice).toEqual({ id: P, linkQuotationCount: null });
    expect(d.node).toEqual({ linkQuotationCount: null });
    expect(d.dilemmas.edges).toEqual([{ node: { linkQuotationCount: null } }]);
    // Another relationship to dilemmas is no practice link.
    expect(d.conclusion.dilemmas).toEqual([{ id: LOSLATEN, linkQuotationCount: null }]);
  });

  it('gives each parent its own count when two parents share the dilemma in one request', async () => {
    // One batch loads the dilemmas of P and X: the loslaten record is the same object in both pages.
    const d = await data(`{
      practices(where: { ids: ["${P}", "${X}"] }) { edges { node { id dilemmas { id linkQuotationCount } } } }
    }`);
    const of = (id: string) => (d.practices.edges as Array<{ node: { id: string; dilemmas: Linked[] } }>).find((e) => e.node.id === id)!.node.dilemmas;
    expect(of(P).find((x) => x.id === LOSLATEN)?.linkQuotationCount).toBe(expected('all', `${P}|${LOSLATEN}`));
    expect(of(X).find((x) => x.id === LOSLATEN)?.linkQuotationCount).toBe(expected('all', `${X}|${LOSLATEN}`));
    expect(expected('all', `${P}|${LOSLATEN}`)).not.toBe(expected('all', `${X}|${LOSLATEN}`));
    // And the same dilemma asked directly in that request is still not a link.
    const again = await data(`{
      practices(where: { ids: ["${P}", "${X}"] }) { edges { node { dilemmas { id linkQuotationCount } } } }
      dilemma(id: "${LOSLATEN}") { linkQuotationCount }
    }`);
    expect(again.dilemma.linkQuotationCount).toBeNull();
  });

  it('counts in the parent field\'s scope: real quotations under REAL, made-up ones under SYNTHETIC', async () => {
    for (const [scope, name] of [['ALL', 'all'], ['REAL', 'real'], ['SYNTHETIC', 'synthetic']] as const) {
      const counts = await links(scope);
      for (const key of Object.keys(EXPECTED[name])) expect(counts.get(key), `${scope} ${key}`).toBe(expected(name, key));
    }
    // The links a scope shows: P's link is real, X's are made up.
    const real = await links('REAL');
    expect(real.has(`${X}|${LOSLATEN}`)).toBe(false);
    const synthetic = await links('SYNTHETIC');
    expect(synthetic.has(`${P}|${LOSLATEN}`)).toBe(false);
    // One request, three scopes of one link: each its own count.
    const d = await data(`{ dilemma(id: "${LOSLATEN}") {
      all: practices { id linkQuotationCount } real: practices(scope: REAL) { id linkQuotationCount } made: practices(scope: SYNTHETIC) { id linkQuotationCount } } }`);
    const count = (list: Linked[], id: string) => list.find((p) => p.id === id)?.linkQuotationCount;
    expect(count(d.dilemma.all, P)).toBe(expected('all', `${P}|${LOSLATEN}`));
    expect(count(d.dilemma.real, P)).toBe(expected('real', `${P}|${LOSLATEN}`));
    expect(count(d.dilemma.all, X)).toBe(expected('all', `${X}|${LOSLATEN}`));
    expect(count(d.dilemma.made, X)).toBe(expected('synthetic', `${X}|${LOSLATEN}`));
  });

  it('leaves the related records whole for the other fields of the selection', async () => {
    const d = await data(`{ practice(id: "${X}") { dilemmas { id name linkQuotationCount practices(scope: SYNTHETIC) { id linkQuotationCount } } } }`);
    const afwegen = (d.practice.dilemmas as Array<Linked & { name: string; practices: Linked[] }>).find((x) => x.id === AFWEGEN)!;
    expect(afwegen.name).toBe('Afwegen van belangen');
    expect(afwegen.linkQuotationCount).toBe(expected('all', `${X}|${AFWEGEN}`));
    // Two levels down, the practices of that dilemma count for their own link, in their own scope.
    expect(afwegen.practices.find((p) => p.id === X)?.linkQuotationCount).toBe(expected('synthetic', `${X}|${AFWEGEN}`));
  });
  it('costs one statement per level, and fetches only the ids of the linked nodes', async () => {
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    try {
      await data(`{ practices(where: { ids: ["${P}", "${X}", "${Y}"] }) { edges { node { id dilemmas { id linkQuotationCount } } } } }`);
    } finally {
      stop();
    }
    // The practices, their dilemmas, the counts of all four links.
    expect(statements).toHaveLength(3);
    expect(statements.filter((cypher) => cypher.includes('$links'))).toHaveLength(1);
    // `linkQuotationCount` reads no property of the dilemma: the relation load projects only its id.
    const relation = statements.find((cypher) => cypher.includes('ADDRESSES'))!;
    expect(relation).toContain('m {.id}');
    expect(relation).not.toContain('properties(m)');
  });
});
