import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooccurrenceMatrix as Matrix } from '../../web/explore/api.js';
import { renderHeatmap } from '../../web/explore/heatmap.js';
import { startTestApi, uniqueId, type TestApi } from '../support/api.js';
import { writeMixedCases } from '../support/mixed-cases.js';

// A c-coefficient n12 / (n1 + n2 − n12) rests on the row's and the column's case totals as well as on the shared
// cases: `rowSyntheticTotals` / `columnSyntheticTotals` say how much of n1 and n2 is made up, so a cell whose shared
// cases are all real (syntheticCounts 0) still reads as resting on made-up data, in the API and in the heat map.
let api: TestApi;
const tag = uniqueId('totals').split(':')[1]!;
const id = (type: string, n = '') => `${type}:totals${n}-${tag}`;

beforeAll(async () => {
  api = await startTestApi();
  // One real municipality, practice and two dilemmas; four cases:
  //   c1 real,     APPLIES real,     RAISES d1 real     → the only shared case of (p, d1): real
  //   c2 made up,  APPLIES real,     RAISES d2 real     → made up in p's total, d2's total and the cell (p, d2)
  //   c3 real,                       RAISES d1 made up  → made up in d1's total only (no practice)
  //   c4 real,     APPLIES made up                      → made up in p's total only (no dilemma)
  await writeMixedCases(api.db, { m: id('municipality'), p: id('practice'), d1: id('dilemma', '1'), d2: id('dilemma', '2') }, [
    { id: id('case', '1'), made: false, applies: [false], raises1: [false], raises2: [] },
    { id: id('case', '2'), made: true, applies: [false], raises1: [], raises2: [false] },
    { id: id('case', '3'), made: false, applies: [], raises1: [true], raises2: [] },
    { id: id('case', '4'), made: false, applies: [true], raises1: [], raises2: [] },
  ]);
});
afterAll(async () => {
  await api.db.write('MATCH (n) WHERE n.id ENDS WITH $tag DETACH DELETE n', { tag });
  await api.close();
});

const FIELDS = 'rows { id } columns { id } rowLabels columnLabels counts coefficients syntheticCounts syntheticShare rowSyntheticTotals columnSyntheticTotals';

async function matrix(scope: string, municipalityIds: string[] | null = [id('municipality')]): Promise<Matrix> {
  const response = await api.gql<{ cooccurrence: Matrix }>(
    `query($ids: [ID!]) { cooccurrence(rows: PRACTICE, columns: DILEMMA, municipalityIds: $ids, scope: ${scope}) { ${FIELDS} } }`,
    { ids: municipalityIds },
  );
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data!.cooccurrence;
}

describe('cooccurrence: the made-up parts of the row and column totals', () => {
  it('a cell with only real shared cases shows syntheticCounts 0 while its row and column totals count their made-up cases', async () => {
    const all = await matrix('ALL');
    expect(all.rows.map((row) => row.id)).toEqual([id('practice')]);
    expect(all.columns.map((column) => column.id)).toEqual([id('dilemma', '1'), id('dilemma', '2')]);
    expect(all.counts).toEqual([[1, 1]]);
    expect(all.syntheticCounts).toEqual([[0, 1]]);
    // p: c1, c2, c4, of which c2 (the case) and c4 (the APPLIES link) are made up; d1: c1, c3 (the RAISES link); d2: c2.
    expect(all.rowSyntheticTotals).toEqual([2]);
    expect(all.columnSyntheticTotals).toEqual([1, 1]);
    // The (p, d1) coefficient 1 / (3 + 2 − 1) divides by totals three of whose five cases are made up.
    expect(all.coefficients[0]![0]).toBeCloseTo(1 / (3 + 2 - 1), 12);
  });

  it('asked for alone, the totals are counted too (not null)', async () => {
    const response = await api.gql<{ cooccurrence: Pick<Matrix, 'rowSyntheticTotals' | 'columnSyntheticTotals'> }>(
      `query($ids: [ID!]) { cooccurrence(rows: PRACTICE, columns: DILEMMA, municipalityIds: $ids) { rowSyntheticTotals columnSyntheticTotals } }`,
      { ids: [id('municipality')] },
    );
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    expect(response.body.data!.cooccurrence).toEqual({ rowSyntheticTotals: [2], columnSyntheticTotals: [1, 1] });
  });

  it('REAL: only real cases and links are counted, so nothing of any total is made up', async () => {
    const real = await matrix('REAL');
    // c1 alone: c2 is made up, c3 and c4 reach their node only by made-up links.
    expect(real.rows.map((row) => row.id)).toEqual([id('practice')]);
    expect(real.columns.map((column) => column.id)).toEqual([id('dilemma', '1')]);
    expect(real.counts).toEqual([[1]]);
    expect(real.syntheticCounts).toEqual([[0]]);
    expect(real.rowSyntheticTotals).toEqual([0]);
    expect(real.columnSyntheticTotals).toEqual([0]);
    expect(real.coefficients).toEqual([[1]]);
  });

  it('without municipalities the totals are laid out beside the same rows and columns', async () => {
    const all = await matrix('ALL', null);
    const i = all.rows.findIndex((row) => row.id === id('practice'));
    const columns = [id('dilemma', '1'), id('dilemma', '2')].map((dilemma) => all.columns.findIndex((column) => column.id === dilemma));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(all.rowSyntheticTotals).toHaveLength(all.rows.length);
    expect(all.columnSyntheticTotals).toHaveLength(all.columns.length);
    expect(all.rowSyntheticTotals![i]).toBe(2);
    expect(columns.map((j) => all.columnSyntheticTotals![j])).toEqual([1, 1]);
    expect(columns.map((j) => all.syntheticCounts[i]![j])).toEqual([0, 1]);
  });

  it('the heat map notes made-up data on a cell whose shared cases are real but whose row total is not', async () => {
    const titles = (html: string) => [...html.matchAll(/<td [^>]*title="([^"]*)"/g)].map((match) => match[1]!);
    const [realShared, madeUpShared] = titles(renderHeatmap(await matrix('ALL'), 'coefficients'));
    expect(realShared).toContain('made-up cases (row 2, column 1)');
    expect(realShared).not.toContain('of them made up');
    expect(madeUpShared).toContain('1 of them made up');
    const [real] = titles(renderHeatmap(await matrix('REAL'), 'coefficients'));
    expect(real).not.toContain('made up');
  });
});

describe('cooccurrence of some municipalities: a case placed there only by made-up data', () => {
  // A second real municipality, where only a made-up IN puts the real case c1 (whose own links are real).
  beforeAll(async () => {
    await api.db.write(
      `MATCH (c:Case {id: $c}) CREATE (c)-[:IN {synthetic: true}]->(:Municipality {id: $m2, name: $m2, synthetic: false})`,
      { c: id('case', '1'), m2: id('municipality', '2') },
    );
  });

  it('is counted as made up under ALL, and not at all under REAL', async () => {
    const all = await matrix('ALL', [id('municipality', '2')]);
    expect(all.rows.map((row) => row.id)).toEqual([id('practice')]);
    expect(all.columns.map((column) => column.id)).toEqual([id('dilemma', '1')]);
    expect(all.counts).toEqual([[1]]);
    expect(all.syntheticCounts).toEqual([[1]]);
    expect([all.rowSyntheticTotals, all.columnSyntheticTotals]).toEqual([[1], [1]]);
    const real = await matrix('REAL', [id('municipality', '2')]);
    expect([real.rows, real.columns, real.counts]).toEqual([[], [], []]);
  });

  it('is real again when a real IN also puts it in one of the municipalities asked for', async () => {
    const both = await matrix('ALL', [id('municipality'), id('municipality', '2')]);
    expect(both.counts).toEqual([[1, 1]]);
    expect(both.syntheticCounts).toEqual([[0, 1]]);
    expect([both.rowSyntheticTotals, both.columnSyntheticTotals]).toEqual([[2], [1, 1]]);
  });
});
