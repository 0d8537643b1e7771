import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CasePageQuery,
  CasePageQueryVariables,
  EmployeePageQuery,
  EmployeePageQueryVariables,
  ListsByNameQuery,
  ListsByNameQueryVariables,
  MeetingsBetweenQuery,
  MeetingsBetweenQueryVariables,
  MunicipalityPracticesQuery,
  MunicipalityPracticesQueryVariables,
  NodeByIdQuery,
  NodeByIdQueryVariables,
  PracticePageQuery,
  PracticePageQueryVariables,
} from '../generated/operations.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { query, runOperation } from '../support/operations.js';

// Expected values are read off the seed files by hand: 15 practices (7 in the report, 8 illustrative),
// 30 employees (Breda 6), 36 cases (2016: 7, 2017: 15, 2018: 14).
let api: TestApi;
let endpoint: string;
beforeAll(async () => {
  api = await startTestApi();
  endpoint = `${api.url}/graphql`;
});
afterAll(() => api.close());

const ALL_PRACTICES_BY_NAME = [
  'Buurtschouw',
  'Handelen in de geest van de wet',
  'Heldere visie en kaders',
  'Helderheid over het belang van de overheid',
  'Intern de weg wijzen',
  'Kennis van beleid en procedures',
  'Keukentafelgesprek',
  'Meedenken over vergunningen',
  'Mogelijk maken in plaats van oordelen',
  'Rolwisseling expliciet maken',
  'Rugdekking, steun en ruimte voor creativiteit',
  'Verbinden van partijen',
  'Vertrouwen',
  'Verwachtingen managen',
  'Vroegtijdig kaders meegeven',
];

describe('pagination', () => {
  it('walks every page of practices with no duplicates or gaps, in name order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { practices }: PracticePageQuery = await query<PracticePageQuery, PracticePageQueryVariables>(endpoint, 'PracticePage', { first: 4, after });
      expect(practices.totalCount).toBe(15);
      expect(practices.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...practices.edges.map((edge) => edge.node.name));
      pages++;
      if (!practices.pageInfo.hasNextPage) break;
      expect(practices.edges).toHaveLength(4);
      after = practices.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(ALL_PRACTICES_BY_NAME);
  });

  it('walks all 36 cases ordered by year then title without losing one', async () => {
    const seen: Array<{ id: string; year: number | null }> = [];
    let after: string | null = null;
    for (;;) {
      const { cases }: CasePageQuery = await query<CasePageQuery, CasePageQueryVariables>(endpoint, 'CasePage', {
        first: 10,
        after,
        orderBy: [{ field: 'YEAR', direction: 'DESC' }, { field: 'TITLE' }],
      });
      seen.push(...cases.edges.map((edge) => edge.node));
      if (!cases.pageInfo.hasNextPage) break;
      after = cases.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(36);
    expect(new Set(seen.map((c) => c.id)).size).toBe(36);
    const years = seen.map((c) => c.year!);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years.filter((y) => y === 2018)).toHaveLength(14);
  });

  it.each([0, -1, 101, 1000])('refuses first = %i with BAD_USER_INPUT saying the range', async (first) => {
    const result = await runOperation<PracticePageQuery, PracticePageQueryVariables>(endpoint, 'PracticePage', { first });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/"first" must be an integer from 1 to 100/);
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT, not a crash', async () => {
    const result = await runOperation<PracticePageQuery, PracticePageQueryVariables>(endpoint, 'PracticePage', { after: 'not-a-cursor' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/cursor/);
  });

  it('pages a relationship field the same way (Municipality.employees)', async () => {
    const first = await api.gql<{ municipality: { employees: { totalCount: number; pageInfo: { endCursor: string }; edges: Array<{ node: { id: string } }> } } }>(
      '{ municipality(id: "municipality:breda") { employees(first: 4) { totalCount pageInfo { endCursor } edges { node { id } } } } }',
    );
    const page1 = first.body.data!.municipality.employees;
    expect(page1.totalCount).toBe(6);
    expect(page1.edges).toHaveLength(4);
    const second = await api.gql<{ municipality: { employees: { pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { id: string } }> } } }>(
      'query($after: String) { municipality(id: "municipality:breda") { employees(first: 4, after: $after) { pageInfo { hasNextPage } edges { node { id } } } } }',
      { after: page1.pageInfo.endCursor },
    );
    const page2 = second.body.data!.municipality.employees;
    expect(page2.edges).toHaveLength(2);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.edges, ...page2.edges].map((edge) => edge.node.id);
    expect(new Set(all).size).toBe(6);
    expect(all.every((id) => id.startsWith('employee:breda-'))).toBe(true);
  });
});

describe('filters and ordering', () => {
  it('filters practices by kind and orders descending', async () => {
    const { practices } = await query<PracticePageQuery, PracticePageQueryVariables>(endpoint, 'PracticePage', {
      where: { kinds: ['SKILL'] },
      orderBy: [{ field: 'NAME', direction: 'DESC' }],
    });
    // The report's practices have no kind (the report does not say); the sample's SKILL practices:
    expect(practices.edges.map((e) => e.node.name)).toEqual([
      'Verwachtingen managen',
      'Verbinden van partijen',
      'Rolwisseling expliciet maken',
      'Intern de weg wijzen',
    ]);
  });

  it('filters practices by the dilemma they address (a relationship filter)', async () => {
    const { practices } = await query<PracticePageQuery, PracticePageQueryVariables>(endpoint, 'PracticePage', {
      where: { dilemmaIds: ['dilemma:bemiddelen'] },
    });
    expect(practices.edges.map((e) => e.node.id)).toEqual([
      'practice:buurtschouw',
      'practice:keukentafelgesprek',
      'practice:rolwisseling-expliciet-maken',
      'practice:verbinden-van-partijen',
    ]);
  });

  it('combines conditions: practices used in Berkelland that address bemiddelen', async () => {
    const { practices } = await query<PracticePageQuery, PracticePageQueryVariables>(endpoint, 'PracticePage', {
      where: { dilemmaIds: ['dilemma:bemiddelen'], municipalityIds: ['municipality:berkelland'] },
    });
    expect(practices.edges.map((e) => e.node.id)).toContain('practice:buurtschouw');
    expect(practices.edges.map((e) => e.node.id)).not.toContain('practice:rolwisseling-expliciet-maken');
  });

  it('filters employees by municipality, and exact id lists', async () => {
    const breda = await query<EmployeePageQuery, EmployeePageQueryVariables>(endpoint, 'EmployeePage', { where: { municipalityIds: ['municipality:breda'] } });
    expect(breda.employees.totalCount).toBe(6);
    expect(breda.employees.edges.every((e) => e.node.municipality?.id === 'municipality:breda')).toBe(true);
    const two = await query<EmployeePageQuery, EmployeePageQueryVariables>(endpoint, 'EmployeePage', {
      where: { ids: ['employee:breda-01', 'employee:tilburg-01', 'employee:does-not-exist'] },
    });
    expect(two.employees.edges.map((e) => e.node.id).sort()).toEqual(['employee:breda-01', 'employee:tilburg-01']);
  });

  it('filters cases by year range', async () => {
    const { cases } = await query<CasePageQuery, CasePageQueryVariables>(endpoint, 'CasePage', { first: 100, where: { yearFrom: 2017, yearTo: 2017 } });
    expect(cases.totalCount).toBe(15);
  });

  it('matches nameContains ignoring case and diacritics', async () => {
    const plain = await query<ListsByNameQuery, ListsByNameQueryVariables>(endpoint, 'ListsByName', { needle: 'GEEST van' });
    expect(plain.practices.edges.map((e) => e.node.id)).toEqual(['practice:handelen-in-de-geest-van-de-wet']);
    const accented = await query<ListsByNameQuery, ListsByNameQueryVariables>(endpoint, 'ListsByName', { needle: 'bréda' });
    expect(accented.municipalities.edges.map((e) => e.node.id)).toEqual(['municipality:breda']);
    const conclusion = await query<ListsByNameQuery, ListsByNameQueryVariables>(endpoint, 'ListsByName', { needle: 'werkgeversrol' });
    expect(conclusion.conclusions.edges.map((e) => e.node.id)).toEqual(['conclusion:nieuwe-werkgeversrol']);
    const person = await query<ListsByNameQuery, ListsByNameQueryVariables>(endpoint, 'ListsByName', { needle: 'hendriks' });
    expect(person.people.edges.map((e) => e.node.id)).toEqual(['person:frank-hendriks']);
  });

  it('filters meetings by ISO date range', async () => {
    const inside = await query<MeetingsBetweenQuery, MeetingsBetweenQueryVariables>(endpoint, 'MeetingsBetween', { from: '2018-03-01', to: '2018-03-31' });
    expect(inside.meetings.edges.map((e) => e.node)).toEqual([{ id: 'meeting:leerkring-2018-03-14', date: '2018-03-14' }]);
    const after = await query<MeetingsBetweenQuery, MeetingsBetweenQueryVariables>(endpoint, 'MeetingsBetween', { from: '2018-03-15' });
    expect(after.meetings.totalCount).toBe(0);
    const bad = await runOperation<MeetingsBetweenQuery, MeetingsBetweenQueryVariables>(endpoint, 'MeetingsBetween', { from: '14-03-2018' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('relationships both ways', () => {
  it('derives what a municipality uses and meets through its employees and cases', async () => {
    const { municipalities } = await query<MunicipalityPracticesQuery, MunicipalityPracticesQueryVariables>(endpoint, 'MunicipalityPractices', {
      ids: ['municipality:breda', 'municipality:amersfoort'],
    });
    const byId = Object.fromEntries(municipalities.edges.map((e) => [e.node.id, e.node]));
    expect(byId['municipality:breda']!.practices.map((p) => p.id)).toEqual([
      'practice:handelen-in-de-geest-van-de-wet',
      'practice:helderheid-over-het-belang-van-de-overheid',
      'practice:intern-de-weg-wijzen',
      'practice:meedenken-over-vergunningen',
      'practice:mogelijk-maken-in-plaats-van-oordelen',
      'practice:rugdekking-steun-en-ruimte-voor-creativiteit',
      'practice:verbinden-van-partijen',
      'practice:vertrouwen',
      'practice:vroegtijdig-kaders-meegeven',
    ]);
    expect(byId['municipality:breda']!.dilemmas).toHaveLength(3);
    expect(byId['municipality:amersfoort']!.research).toEqual([{ id: 'research:ambtelijk-vakmanschap' }]);
    expect(byId['municipality:amersfoort']!.people).toEqual([{ id: 'person:bertien-houwing' }]);
  });
});

describe('node(id) and single-object fields', () => {
  it.each([
    ['research:ambtelijk-vakmanschap', 'Research'],
    ['organisation:vng', 'Organisation'],
    ['person:wieke-blijleven', 'Person'],
    ['municipality:tilburg', 'Municipality'],
    ['employee:tilburg-01', 'Employee'],
    ['practice:vertrouwen', 'Practice'],
    ['dilemma:bemiddelen', 'Dilemma'],
    ['conclusion:nieuwe-werkgeversrol', 'Conclusion'],
    ['meeting:leerkring-2018-03-14', 'Meeting'],
    ['case:buurtpreventie-app-breda', 'Case'],
    ['source:leerkring-2018-03-14', 'Source'],
  ])('node(%s) is a %s', async (id, typename) => {
    const { node } = await query<NodeByIdQuery, NodeByIdQueryVariables>(endpoint, 'NodeById', { id });
    expect(node).toEqual({ __typename: typename, id });
  });

  it.each(['municipality:nowhere', 'nonsense', 'unknowntype:x', ''])('node(%j) is null', async (id) => {
    const { node } = await query<NodeByIdQuery, NodeByIdQueryVariables>(endpoint, 'NodeById', { id });
    expect(node).toBeNull();
  });

  it('a single-object field is null for an id of another type', async () => {
    const result = await api.gql<{ practice: null; municipality: { id: string } }>(
      '{ practice(id: "municipality:breda") { id } municipality(id: "municipality:breda") { id } }',
    );
    expect(result.body.data).toEqual({ practice: null, municipality: { id: 'municipality:breda' } });
  });
});
