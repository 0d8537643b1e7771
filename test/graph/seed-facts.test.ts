import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MeetingFactsQuery,
  MeetingFactsQueryVariables,
  PracticesOfDilemmaQuery,
  PracticesOfDilemmaQueryVariables,
  ResearchFactsQuery,
  ResearchFactsQueryVariables,
  SourcesBySyntheticQuery,
  SourcesBySyntheticQueryVariables,
  EmployeeDetailQuery,
  EmployeeDetailQueryVariables,
} from '../generated/operations.js';
import { readFileSync } from 'node:fs';
import { SEED_DIR } from '../../src/import/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { query } from '../support/operations.js';

// Expected values are read off seed/leerkring-2018-03-14.json and seed/illustrative-sample.json by hand.
let api: TestApi;
let endpoint: string;
beforeAll(async () => {
  api = await startTestApi();
  endpoint = `${api.url}/graphql`;
});
afterAll(() => api.close());

const ids = (nodes: Array<{ id: string }>) => nodes.map((node) => node.id);
const report = JSON.parse(readFileSync(`${SEED_DIR}/leerkring-2018-03-14.json`, 'utf8')) as { nodes: unknown[] };

describe('the facts of the 14 March 2018 report', () => {
  it('has the research programme, led by Tilburg University, funded by A+O fonds, BZK and VNG, with six partners', async () => {
    const { research } = await query<ResearchFactsQuery, ResearchFactsQueryVariables>(endpoint, 'ResearchFacts', { id: 'research:ambtelijk-vakmanschap' });
    expect(research).not.toBeNull();
    expect(research!.ledBy).toEqual([{ id: 'organisation:universiteit-van-tilburg', name: expect.stringMatching(/Tilburg/), kind: 'UNIVERSITY' }]);
    expect(research!.fundedBy.map((o) => [o.id, o.kind])).toEqual([
      ['organisation:a-o-fonds-gemeenten', 'FUND'],
      ['organisation:bzk', 'MINISTRY'],
      ['organisation:vng', 'ASSOCIATION'],
    ]);
    expect(ids(research!.partners)).toEqual([
      'municipality:amersfoort',
      'municipality:apeldoorn',
      'municipality:berkelland',
      'municipality:breda',
      'municipality:harderwijk',
      'municipality:tilburg',
    ]);
    expect(research!.researchers.map((r) => r.person.id).sort()).toEqual(['person:frank-hendriks', 'person:merlijn-van-hulst', 'person:wieke-blijleven']);
    for (const researcher of research!.researchers) expect(ids(researcher.person.organisations)).toEqual(['organisation:universiteit-van-tilburg']);
    expect(ids(research!.meetings)).toEqual(['meeting:leerkring-2018-03-14']);
    expect(research!.sources).toEqual([{ id: 'source:leerkring-2018-03-14', kind: 'MEETING_REPORT', synthetic: false }]);
  });

  it('has the first learning-circle meeting: date, 60 participants, who opened and who introduced it', async () => {
    const { meeting } = await query<MeetingFactsQuery, MeetingFactsQueryVariables>(endpoint, 'MeetingFacts', { id: 'meeting:leerkring-2018-03-14' });
    expect(meeting).toMatchObject({ date: '2018-03-14', participantCount: 60, kind: 'LEARNING_CIRCLE', research: { id: 'research:ambtelijk-vakmanschap' } });
    const roles = Object.fromEntries(meeting!.speakers.map((talk) => [talk.person.id, talk.role]));
    expect(roles).toEqual({ 'person:bertien-houwing': 'opening', 'person:frank-hendriks': expect.stringMatching(/^inleiding/) });
    const houwing = meeting!.speakers.find((talk) => talk.person.id === 'person:bertien-houwing')!.person;
    expect(houwing.role).toMatch(/wethouder Amersfoort/);
    expect(ids(houwing.municipalities)).toEqual(['municipality:amersfoort']);
    expect(ids(houwing.organisations)).toEqual(['organisation:a-o-fonds-gemeenten']);
    expect(meeting!.provenance).toEqual([{ locator: expect.any(String), source: { id: 'source:leerkring-2018-03-14', kind: 'MEETING_REPORT', synthetic: false } }]);
  });

  it('discussed the three dilemmas and drew three conclusions with what they concern and call for', async () => {
    const { meeting } = await query<MeetingFactsQuery, MeetingFactsQueryVariables>(endpoint, 'MeetingFacts', { id: 'meeting:leerkring-2018-03-14' });
    expect(ids(meeting!.dilemmas).sort()).toEqual(['dilemma:afwegen-van-belangen', 'dilemma:bemiddelen', 'dilemma:loslaten-of-sturen']);
    const conclusions = Object.fromEntries(meeting!.conclusions.map((c) => [c.id, { concerns: ids(c.dilemmas), callsFor: ids(c.practices) }]));
    expect(conclusions).toEqual({
      'conclusion:loslaten-vraagt-visie-en-kaders': { concerns: ['dilemma:loslaten-of-sturen'], callsFor: ['practice:heldere-visie-en-kaders'] },
      'conclusion:afwegen-vraagt-helderheid-overheidsbelang': {
        concerns: ['dilemma:afwegen-van-belangen'],
        callsFor: ['practice:helderheid-over-het-belang-van-de-overheid'],
      },
      'conclusion:nieuwe-werkgeversrol': { concerns: [], callsFor: ['practice:rugdekking-steun-en-ruimte-voor-creativiteit'] },
    });
    const statement = meeting!.conclusions.find((c) => c.id === 'conclusion:loslaten-vraagt-visie-en-kaders')!.statement;
    expect(statement).toContain('heldere visie en kaders');
  });

  it('names the practices and mindsets in the report\'s own Dutch wording', async () => {
    for (const [id, name] of [
      ['practice:mogelijk-maken-in-plaats-van-oordelen', 'Mogelijk maken in plaats van oordelen'],
      ['practice:handelen-in-de-geest-van-de-wet', 'Handelen in de geest van de wet'],
      ['practice:vertrouwen', 'Vertrouwen'],
      ['practice:kennis-van-beleid-en-procedures', 'Kennis van beleid en procedures'],
      ['practice:heldere-visie-en-kaders', 'Heldere visie en kaders'],
      ['practice:rugdekking-steun-en-ruimte-voor-creativiteit', 'Rugdekking, steun en ruimte voor creativiteit'],
    ]) {
      const result = await api.gql<{ practice: { name: string; sources: Array<{ kind: string }> } }>(
        'query($id: ID!) { practice(id: $id) { name sources { kind } } }',
        { id },
      );
      expect(result.body.data?.practice).toEqual({ name, sources: [{ kind: 'MEETING_REPORT' }] });
    }
  });

  it('answers "which practices address this dilemma" across both sources', async () => {
    const { dilemma } = await query<PracticesOfDilemmaQuery, PracticesOfDilemmaQueryVariables>(endpoint, 'PracticesOfDilemma', { id: 'dilemma:loslaten-of-sturen' });
    expect(dilemma!.practices.map((p) => p.name)).toEqual([
      'Heldere visie en kaders',
      'Rolwisseling expliciet maken',
      'Verwachtingen managen',
      'Vroegtijdig kaders meegeven',
    ]);
    expect(ids(dilemma!.conclusions)).toEqual(['conclusion:loslaten-vraagt-visie-en-kaders']);
    expect(dilemma!.cases.totalCount).toBe(17);
    expect(dilemma!.cases.edges).toHaveLength(17);
  });
});

describe('the illustrative sample', () => {
  it('is marked synthetic through its source, and the report is not', async () => {
    const synthetic = await query<SourcesBySyntheticQuery, SourcesBySyntheticQueryVariables>(endpoint, 'SourcesBySynthetic', { synthetic: true });
    expect(synthetic.sources.edges.map((e) => e.node)).toContainEqual({ id: 'source:illustratieve-steekproef', kind: 'ILLUSTRATIVE', synthetic: true });
    const real = await query<SourcesBySyntheticQuery, SourcesBySyntheticQueryVariables>(endpoint, 'SourcesBySynthetic', { synthetic: false });
    expect(real.sources.edges.map((e) => e.node)).toContainEqual({ id: 'source:leerkring-2018-03-14', kind: 'MEETING_REPORT', synthetic: false });
  });

  it('ties a pseudonymous employee to municipality, practices (with evidence) and cases, all synthetic', async () => {
    const { employee } = await query<EmployeeDetailQuery, EmployeeDetailQueryVariables>(endpoint, 'EmployeeDetail', { id: 'employee:breda-01' });
    expect(employee!.municipality).toEqual({ id: 'municipality:breda' });
    expect(ids(employee!.research)).toEqual(['research:ambtelijk-vakmanschap']);
    expect(ids(employee!.practices).sort()).toEqual([
      'practice:mogelijk-maken-in-plaats-van-oordelen',
      'practice:verbinden-van-partijen',
      'practice:vertrouwen',
    ]);
    const evidence = Object.fromEntries(employee!.practiceUses.map((use) => [use.practice.id, use.evidence]));
    expect(evidence['practice:verbinden-van-partijen']).toBe('Ik breng de twee groepen op het plein samen.');
    expect(employee!.practiceUses.every((use) => use.employee.id === 'employee:breda-01')).toBe(true);
    expect(ids(employee!.cases).sort()).toEqual(['case:buurtpreventie-app-breda', 'case:twee-groepen-een-plein-breda']);
    for (const item of employee!.cases) {
      expect(item.municipality).toEqual({ id: 'municipality:breda' });
      expect(ids(item.employees)).toContain('employee:breda-01');
    }
    expect(employee!.sources).toEqual([{ id: 'source:illustratieve-steekproef', kind: 'ILLUSTRATIVE', synthetic: true }]);
  });
});

// Issue 14: each fact the report states, exactly, and nothing it does not (seed/README.md, "Interpretation choices").
describe('the report, exactly', () => {
  const data = async <T>(text: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await api.gql<T>(text, variables);
    expect(result.body.errors).toBeUndefined();
    return result.body.data!;
  };

  it('states no start year, and says "ruim 50" employees in contact with residents were interviewed', async () => {
    const { research } = await data<{ research: Record<string, unknown> }>(
      `{ research(id: "research:ambtelijk-vakmanschap") { startYear institution reportedIntervieweeCount reportedIntervieweeQualifier reportedIntervieweePopulation } }`,
    );
    expect(research).toEqual({
      startYear: null,
      institution: 'Universiteit van Tilburg',
      reportedIntervieweeCount: 50,
      reportedIntervieweeQualifier: 'ruim',
      reportedIntervieweePopulation: 'medewerkers die daadwerkelijk contact hebben met inwoners',
    });
  });

  it('has the research questions and the method in the report\'s words', async () => {
    const { research } = await data<{ research: { questions: string[]; method: string } }>(
      `{ research(id: "research:ambtelijk-vakmanschap") { questions method } }`,
    );
    expect(research.questions).toEqual([
      'Welke werkpraktijken hebben gemeenteambtenaren ontwikkeld in de omgang met diverse vormen van burgerbetrokkenheid',
      'hoe gaan zij om met de dilemma’s waar zij in hun dagelijkse werk mee geconfronteerd worden',
      'hoe zouden zij hierin van elkaar kunnen leren',
    ]);
    expect(research.method).toBe(
      'De resultaten van deze interviews worden besproken in de leerkring. De opbrengsten uit deze leerkring worden gecombineerd met de resultaten van de interviews.',
    );
  });

  it('has the three researchers leading it ("onder leiding van"), with no role the report does not give', async () => {
    const { research } = await data<{ research: { researchers: Array<{ lead: boolean; locator: string; person: { id: string; role: string | null } }> } }>(
      `{ research(id: "research:ambtelijk-vakmanschap") { researchers { lead locator person { id role } } } }`,
    );
    expect(research.researchers.map((r) => [r.person.id, r.lead, r.person.role, r.locator])).toEqual([
      ['person:frank-hendriks', true, 'hoogleraar', 'alinea 2'],
      ['person:merlijn-van-hulst', true, null, 'alinea 2'],
      ['person:wieke-blijleven', true, null, 'alinea 2'],
    ]);
  });

  it('is co-funded by the six municipalities, and names Wieke Blijleven as contact', async () => {
    const { research } = await data<{ research: { fundingMunicipalities: Array<{ id: string }>; contacts: Array<{ id: string }> } }>(
      `{ research(id: "research:ambtelijk-vakmanschap") { fundingMunicipalities { id } contacts { id } } }`,
    );
    expect(ids(research.fundingMunicipalities)).toEqual(['amersfoort', 'apeldoorn', 'berkelland', 'breda', 'harderwijk', 'tilburg'].map((m) => `municipality:${m}`));
    expect(ids(research.contacts)).toEqual(['person:wieke-blijleven']);
  });

  it('titles the meeting "in gemeente", verbatim, and the source locator quotes it so', async () => {
    const { meeting } = await data<{ meeting: { title: string; sources: Array<{ locator: string }> } }>(
      `{ meeting(id: "meeting:leerkring-2018-03-14") { title sources { locator } } }`,
    );
    expect(meeting.title).toBe('Werken aan ambtelijk vakmanschap in gemeente in de participatiemaatschappij');
    expect(meeting.sources[0]!.locator).toContain('“Werken aan ambtelijk vakmanschap in gemeente in de participatiemaatschappij”');
    expect(meeting.sources[0]!.locator).not.toContain('gemeente(n)');
  });

  it('describes "Loslaten of sturen" and the "rugdekking" practice with the report\'s words only; practices have no kind', async () => {
    const { dilemma, practice, practices } = await data<{
      dilemma: { description: string };
      practice: { description: string; kind: string | null };
      practices: { edges: Array<{ node: { id: string; kind: string | null } }> };
    }>(
      `{ dilemma(id: "dilemma:loslaten-of-sturen") { description }
         practice(id: "practice:rugdekking-steun-en-ruimte-voor-creativiteit") { description kind }
         practices(first: 100) { edges { node { id kind } } } }`,
    );
    expect(dilemma.description).toBe('loslaten of (toch blijven) sturen');
    expect(practice.description).toBe('Het ambtelijk vakmanschap van nu vraagt ook om een nieuwe werkgeversrol: rugdekking, steun en ruimte voor creativiteit.');
    const reportPractices = new Set(((report.nodes as Array<{ id: string; type: string }>).filter((n) => n.type === 'Practice')).map((n) => n.id));
    expect(reportPractices.size).toBe(7);
    const kinds = practices.edges.filter((e) => reportPractices.has(e.node.id)).map((e) => e.node.kind);
    expect(kinds).toEqual(Array(7).fill(null));
  });

  it('split the meeting into three working groups, one per dilemma', async () => {
    const { meeting } = await data<{ meeting: { workingGroups: Array<{ dilemma: { id: string }; locator: string }> } }>(
      `{ meeting(id: "meeting:leerkring-2018-03-14") { workingGroups { dilemma { id } locator } } }`,
    );
    expect(meeting.workingGroups.map((g) => [g.dilemma.id, g.locator])).toEqual([
      ['dilemma:afwegen-van-belangen', 'alinea 5'],
      ['dilemma:bemiddelen', 'alinea 5'],
      ['dilemma:loslaten-of-sturen', 'alinea 5'],
    ]);
  });

  it('has Hendriks\'s talk "ambtelijk vakmanschap anno nu" and the four practices it named', async () => {
    const { meeting } = await data<{
      meeting: { talks: Array<{ id: string; title: string; speakers: Array<{ id: string }>; meeting: { id: string }; points: Array<{ practice: { id: string }; point: string; locator: string }> }> };
    }>(
      `{ meeting(id: "meeting:leerkring-2018-03-14") { talks { id title speakers { id } meeting { id } points { practice { id } point locator } } } }`,
    );
    expect(meeting.talks).toHaveLength(1);
    const [talk] = meeting.talks;
    expect(talk).toMatchObject({ id: 'talk:ambtelijk-vakmanschap-anno-nu', title: 'ambtelijk vakmanschap anno nu', speakers: [{ id: 'person:frank-hendriks' }], meeting: { id: 'meeting:leerkring-2018-03-14' } });
    expect(talk!.points.map((p) => p.practice.id)).toEqual([
      'practice:handelen-in-de-geest-van-de-wet',
      'practice:kennis-van-beleid-en-procedures',
      'practice:mogelijk-maken-in-plaats-van-oordelen',
      'practice:vertrouwen',
    ]);
    expect(talk!.points.every((p) => p.locator === 'alinea 4' && p.point.length > 20)).toBe(true);
    expect(talk!.points.find((p) => p.practice.id === 'practice:vertrouwen')!.point).toContain('Vertrouwen is daarbij essentieel');
  });

  it('exposes relationship locators on graph edges (neighbourhood)', async () => {
    const { neighbourhood } = await data<{ neighbourhood: { edges: Array<{ id: string; properties: Record<string, unknown> }> } }>(
      `{ neighbourhood(id: "talk:ambtelijk-vakmanschap-anno-nu", depth: 1) { edges { id properties } } }`,
    );
    const gave = neighbourhood.edges.find((e) => e.id === 'person:frank-hendriks|GAVE|talk:ambtelijk-vakmanschap-anno-nu');
    expect(gave?.properties).toMatchObject({ locator: 'alinea 4', sourceId: 'source:leerkring-2018-03-14' });
  });
});
