import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CooccurrenceQuery,
  CooccurrenceQueryVariables,
  SharedPracticesQuery,
  SharedPracticesQueryVariables,
  SimilarMunicipalitiesQuery,
  SimilarMunicipalitiesQueryVariables,
} from '../generated/operations.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { query, runOperation } from '../support/operations.js';

// Expected values are read off the seed files by hand; seed/README.md ("Facts for hand-checked tests")
// lists the practice sets, the shared practices, the Jaccard pairs and the cases per dilemma.
let api: TestApi;
let endpoint: string;
beforeAll(async () => {
  api = await startTestApi();
  endpoint = `${api.url}/graphql`;
});
afterAll(() => api.close());

const ALL_SIX = ['amersfoort', 'apeldoorn', 'berkelland', 'breda', 'harderwijk', 'tilburg'].map((name) => `municipality:${name}`);
const errorOf = async (name: string, variables: Record<string, unknown>) => {
  const result = await runOperation<unknown, Record<string, unknown>>(endpoint, name, variables);
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return result.errors![0]!;
};

describe('sharedPractices', () => {
  const shared = (municipalityIds: string[]) =>
    query<SharedPracticesQuery, SharedPracticesQueryVariables>(endpoint, 'SharedPractices', { municipalityIds }).then((data) => data.sharedPractices);

  it('all six municipalities share "mogelijk maken" and "vertrouwen", with cases and employees per municipality', async () => {
    const result = await shared(ALL_SIX);
    expect(result.map((item) => item.practice.id)).toEqual(['practice:mogelijk-maken-in-plaats-van-oordelen', 'practice:vertrouwen']);
    const table = (i: number) => result[i]!.support.map((s) => [s.municipality.id.slice('municipality:'.length), s.caseCount, s.employeeCount]);
    // Cases IN the municipality that APPLY it; employees WORKS_AT it who USE it.
    expect(table(0)).toEqual([['amersfoort', 2, 2], ['apeldoorn', 1, 2], ['berkelland', 2, 2], ['breda', 2, 2], ['harderwijk', 2, 2], ['tilburg', 1, 2]]);
    expect(table(1)).toEqual([['amersfoort', 2, 2], ['apeldoorn', 2, 3], ['berkelland', 3, 2], ['breda', 2, 2], ['harderwijk', 2, 2], ['tilburg', 2, 3]]);
  });

  it('Breda and Tilburg share six practices, by name; support follows the order asked', async () => {
    const result = await shared(['municipality:tilburg', 'municipality:breda']);
    expect(result.map((item) => item.practice.id)).toEqual([
      'practice:helderheid-over-het-belang-van-de-overheid',
      'practice:mogelijk-maken-in-plaats-van-oordelen',
      'practice:rugdekking-steun-en-ruimte-voor-creativiteit',
      'practice:verbinden-van-partijen',
      'practice:vertrouwen',
      'practice:vroegtijdig-kaders-meegeven',
    ]);
    const helderheid = result[0]!.support.map((s) => [s.municipality.id, s.caseCount, s.employeeCount]);
    expect(helderheid).toEqual([['municipality:tilburg', 2, 1], ['municipality:breda', 1, 2]]);
  });

  it('Amersfoort and Harderwijk share five; one municipality gives its whole practice set; duplicates count once', async () => {
    expect((await shared(['municipality:amersfoort', 'municipality:harderwijk'])).map((item) => item.practice.id).sort()).toEqual([
      'practice:heldere-visie-en-kaders',
      'practice:kennis-van-beleid-en-procedures',
      'practice:mogelijk-maken-in-plaats-van-oordelen',
      'practice:vertrouwen',
      'practice:verwachtingen-managen',
    ]);
    expect(await shared(['municipality:berkelland'])).toHaveLength(6);
    const twice = await shared(['municipality:breda', 'municipality:breda', 'municipality:tilburg']);
    expect(twice).toHaveLength(6);
    expect(twice[0]!.support).toHaveLength(2);
  });

  it('refuses an empty list and ids that are no municipality', async () => {
    expect((await errorOf('SharedPractices', { municipalityIds: [] })).extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await errorOf('SharedPractices', { municipalityIds: ['municipality:breda', 'municipality:atlantis', 'practice:vertrouwen'] });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('"municipality:atlantis", "practice:vertrouwen"');
  });
});

describe('similarMunicipalities', () => {
  const similar = (id: string, limit?: number) =>
    query<SimilarMunicipalitiesQuery, SimilarMunicipalitiesQueryVariables>(endpoint, 'SimilarMunicipalities', { id, limit }).then((data) => data.similarMunicipalities);

  it('ranks by Jaccard on practice sets, ties by name, never the municipality itself', async () => {
    const result = await similar('municipality:breda');
    // Breda (9 practices): Apeldoorn 6/10, Tilburg 6/12, Amersfoort 5/12, Berkelland 3/12 and Harderwijk 3/12 (tie, by name).
    expect(result.map((item) => [item.municipality.id, item.score])).toEqual([
      ['municipality:apeldoorn', 0.6],
      ['municipality:tilburg', 0.5],
      ['municipality:amersfoort', 5 / 12],
      ['municipality:berkelland', 0.25],
      ['municipality:harderwijk', 0.25],
    ]);
    expect(result[0]!.shared.map((practice) => practice.id)).toEqual([
      'practice:helderheid-over-het-belang-van-de-overheid',
      'practice:intern-de-weg-wijzen',
      'practice:meedenken-over-vergunningen',
      'practice:mogelijk-maken-in-plaats-van-oordelen',
      'practice:verbinden-van-partijen',
      'practice:vertrouwen',
    ]);
  });

  it('Berkelland is closest to Amersfoort (0.4), Harderwijk to Amersfoort (5/9); limit cuts the list', async () => {
    expect((await similar('municipality:berkelland', 1)).map((item) => [item.municipality.id, item.score])).toEqual([['municipality:amersfoort', 0.4]]);
    const harderwijk = await similar('municipality:harderwijk', 2);
    expect(harderwijk.map((item) => item.municipality.id)).toEqual(['municipality:amersfoort', 'municipality:berkelland']);
    expect(harderwijk[0]!.score).toBeCloseTo(5 / 9, 12);
    expect(harderwijk[1]!.score).toBeCloseTo(3 / 9, 12);
  });

  it('refuses unknown ids and a limit outside 1..100', async () => {
    expect((await errorOf('SimilarMunicipalities', { id: 'municipality:atlantis' })).extensions?.code).toBe('NOT_FOUND');
    expect((await errorOf('SimilarMunicipalities', { id: 'practice:vertrouwen' })).extensions?.code).toBe('NOT_FOUND');
    expect((await errorOf('SimilarMunicipalities', { id: 'municipality:breda', limit: 0 })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf('SimilarMunicipalities', { id: 'municipality:breda', limit: 101 })).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cooccurrence', () => {
  const matrix = (variables: CooccurrenceQueryVariables) =>
    query<CooccurrenceQuery, CooccurrenceQueryVariables>(endpoint, 'Cooccurrence', variables).then((data) => data.cooccurrence);
  const DILEMMAS = ['dilemma:afwegen-van-belangen', 'dilemma:bemiddelen', 'dilemma:loslaten-of-sturen'];

  it('DILEMMA × MUNICIPALITY counts the cases of each dilemma in each municipality', async () => {
    const m = await matrix({ rows: 'DILEMMA', columns: 'MUNICIPALITY' });
    expect(m.rows.map((node) => node.id)).toEqual(DILEMMAS);
    expect(m.rows.every((node) => node.__typename === 'Dilemma')).toBe(true);
    expect(m.columns.map((node) => node.id)).toEqual(ALL_SIX);
    expect(m.columnLabels).toEqual(['Amersfoort', 'Apeldoorn', 'Berkelland', 'Breda', 'Harderwijk', 'Tilburg']);
    expect(m.counts).toEqual([
      [3, 3, 2, 3, 3, 3],
      [2, 2, 2, 2, 1, 3],
      [3, 2, 2, 4, 2, 4],
    ]);
    // Every case is in one municipality, so the rows add up to the cases per dilemma (17, 12, 17).
    expect(m.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([17, 12, 17]);
  });

  it('PRACTICE × DILEMMA with c-coefficients n12 / (n1 + n2 − n12)', async () => {
    const m = await matrix({ rows: 'PRACTICE', columns: 'DILEMMA' });
    expect(m.rows).toHaveLength(15);
    expect(m.rowLabels[0]).toBe('Buurtschouw');
    expect(m.columns.map((node) => node.id)).toEqual(DILEMMAS);
    const row = (id: string) => m.rows.findIndex((node) => node.id === id);
    const keuken = row('practice:keukentafelgesprek');
    const vertrouwen = row('practice:vertrouwen');
    // Keukentafelgesprek: applied in 5 cases, all raising "bemiddelen" (12 cases): 5 / (5 + 12 − 5).
    expect(m.counts[keuken]![1]).toBe(5);
    expect(m.coefficients[keuken]![1]).toBeCloseTo(5 / 12, 12);
    // Vertrouwen: 13 cases, 9 of them raise "loslaten of sturen" (17 cases): 9 / (13 + 17 − 9).
    expect(m.counts[vertrouwen]).toEqual([1, 7, 9]);
    expect(m.coefficients[vertrouwen]![2]).toBeCloseTo(9 / 21, 12);
    for (const [i, line] of m.counts.entries()) {
      expect(line).toHaveLength(3);
      expect(m.coefficients[i]).toHaveLength(3);
      line.forEach((n, j) => n === 0 && expect(m.coefficients[i]![j]).toBe(0));
    }
  });

  it('same-type pairs: DILEMMA × DILEMMA has the cases per dilemma on its diagonal', async () => {
    const m = await matrix({ rows: 'DILEMMA', columns: 'DILEMMA' });
    // Ten cases raise two dilemmas: 2 (afwegen+bemiddelen) + 5 (afwegen+loslaten) + 3 (bemiddelen+loslaten).
    expect(m.counts).toEqual([
      [17, 2, 5],
      [2, 12, 3],
      [5, 3, 17],
    ]);
    expect(m.coefficients.map((line, i) => line[i])).toEqual([1, 1, 1]);
  });

  it('municipalityIds restricts the counted cases', async () => {
    const m = await matrix({ rows: 'PRACTICE', columns: 'MUNICIPALITY', municipalityIds: ['municipality:breda'] });
    expect(m.columns.map((node) => node.id)).toEqual(['municipality:breda']);
    // The 7 Breda cases apply 9 practices (the Breda practice set); the column total counts case–practice pairs.
    expect(m.rows).toHaveLength(9);
    expect(m.counts.map((line) => line[0]).reduce((a, b) => a! + b!, 0)).toBe(15);
    const none = await matrix({ rows: 'PRACTICE', columns: 'DILEMMA', municipalityIds: [] });
    expect(none).toMatchObject({ rows: [], columns: [], counts: [], coefficients: [] });
  });

  it('answers whatever a query reads of the rows and columns, and the same counts with or without the made-up counts', async () => {
    type Matrix = {
      rows: Array<{ id: string; name?: string; description?: string; kind?: string; dilemmas?: Array<{ id: string }> }>;
      columns: Array<{ id: string; name?: string; statement?: string }>;
      rowLabels: string[];
      counts: number[][];
      coefficients?: number[][];
      syntheticCounts?: number[][];
    };
    const ask = async (fields: string) => {
      const reply = await api.gql<{ cooccurrence: Matrix }>(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA) { ${fields} } }`);
      expect(reply.body.errors).toBeUndefined();
      return reply.body.data!.cooccurrence;
    };
    const lean = await ask('rows { id } columns { id } rowLabels counts');
    const full = await ask('rows { id ... on Practice { name description kind } } columns { id ... on Dilemma { name } } rowLabels counts coefficients syntheticCounts');
    const related = await ask('rows { ... on Practice { dilemmas { id } } } counts');
    // Without coefficients the columns' own case counts are not counted: the same columns, in the same order.
    expect(full.columns.map((column) => column.id)).toEqual(lean.columns.map((column) => column.id));
    expect(full.counts).toEqual(lean.counts);
    expect(full.coefficients).toHaveLength(full.counts.length);
    expect(related.counts).toEqual(lean.counts);
    expect(full.rowLabels).toEqual(lean.rowLabels);
    expect(full.syntheticCounts!.flat().some((n) => n > 0)).toBe(true);
    // Each row as the practice itself reads: every selected property, and a relation of it.
    const vertrouwen = full.rows.findIndex((row) => row.id === 'practice:vertrouwen');
    const practice = await api.gql<{ practice: { name: string; description: string; kind: string; dilemmas: Array<{ id: string }> } }>(
      '{ practice(id: "practice:vertrouwen") { name description kind dilemmas { id } } }',
    );
    const { dilemmas, ...properties } = practice.body.data!.practice;
    expect(full.rows[vertrouwen]).toEqual({ id: 'practice:vertrouwen', ...properties });
    expect(properties.description.length).toBeGreaterThan(0);
    expect(related.rows[vertrouwen]!.dilemmas).toEqual(dilemmas);
    expect(full.columns.map((column) => column.name)).toEqual(['Afwegen van belangen', 'Bemiddelen', 'Loslaten of sturen']);
  });

  it('refuses pairs it cannot count over cases, naming the supported types', async () => {
    const error = await errorOf('Cooccurrence', { rows: 'EMPLOYEE', columns: 'PRACTICE' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows' });
    expect(error.message).toContain('PRACTICE, DILEMMA, MUNICIPALITY');
    expect((await errorOf('Cooccurrence', { rows: 'PRACTICE', columns: 'SOURCE' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'columns' });
  });
});
