/**
 * One create and one update per node type, for the tests that go over every type: the operation names
 * (test/operations/mutations.graphql), a valid input (display text made unique with `slug`), the id the
 * create must derive (worked out by hand from the slug rule: lower case, diacritics stripped, runs of other
 * characters to one dash), a valid update and the field it changes.
 */
export interface TypeFixture {
  label: string;
  create: string;
  update: string;
  input(slug: string): Record<string, unknown>;
  expectedId(slug: string): string;
  patch: Record<string, unknown>;
  /** The field of the mutation's result the patch changes, and its value after. */
  changed: [string, unknown];
}

export const TYPE_FIXTURES: TypeFixture[] = [
  {
    label: 'Research',
    create: 'CreateResearch',
    update: 'UpdateResearch',
    input: (slug) => ({ title: `Onderzoek ${slug}`, institution: 'Tilburg University', startYear: 2019 }),
    expectedId: (slug) => `research:onderzoek-${slug}`,
    patch: { startYear: 2020 },
    changed: ['startYear', 2020],
  },
  {
    label: 'Organisation',
    create: 'CreateOrganisation',
    update: 'UpdateOrganisation',
    input: (slug) => ({ name: `Fonds ${slug}`, kind: 'FUND' }),
    expectedId: (slug) => `organisation:fonds-${slug}`,
    patch: { kind: 'ASSOCIATION' },
    changed: ['kind', 'ASSOCIATION'],
  },
  {
    label: 'Person',
    create: 'CreatePerson',
    update: 'UpdatePerson',
    input: (slug) => ({ name: `José Ümit ${slug}`, role: 'spreker' }),
    expectedId: (slug) => `person:jose-umit-${slug}`,
    patch: { role: 'onderzoeker' },
    changed: ['role', 'onderzoeker'],
  },
  {
    label: 'Municipality',
    create: 'CreateMunicipality',
    update: 'UpdateMunicipality',
    input: (slug) => ({ name: `'s-Hertogenbosch ${slug}`, province: 'Noord-Brabant' }),
    expectedId: (slug) => `municipality:s-hertogenbosch-${slug}`,
    patch: { province: 'Gelderland' },
    changed: ['province', 'Gelderland'],
  },
  {
    label: 'Employee',
    create: 'CreateEmployee',
    update: 'UpdateEmployee',
    input: (slug) => ({ pseudonym: `Anouk V. ${slug}`, role: 'wijkregisseur' }),
    expectedId: (slug) => `employee:anouk-v-${slug}`,
    patch: { department: 'Wijkzaken' },
    changed: ['department', 'Wijkzaken'],
  },
  {
    label: 'Practice',
    create: 'CreatePractice',
    update: 'UpdatePractice',
    input: (slug) => ({ name: `Koffie drinken ${slug}`, kind: 'ROUTINE', description: 'Even bijpraten.' }),
    expectedId: (slug) => `practice:koffie-drinken-${slug}`,
    patch: { kind: 'SKILL' },
    changed: ['kind', 'SKILL'],
  },
  {
    label: 'Dilemma',
    create: 'CreateDilemma',
    update: 'UpdateDilemma',
    input: (slug) => ({ name: `Snel of zorgvuldig ${slug}` }),
    expectedId: (slug) => `dilemma:snel-of-zorgvuldig-${slug}`,
    patch: { gloss: 'Fast or careful' },
    changed: ['gloss', 'Fast or careful'],
  },
  {
    label: 'Conclusion',
    create: 'CreateConclusion',
    update: 'UpdateConclusion',
    input: (slug) => ({ statement: `Ruimte geven werkt ${slug}.` }),
    expectedId: (slug) => `conclusion:ruimte-geven-werkt-${slug}`,
    patch: { gloss: 'Giving room works.' },
    changed: ['gloss', 'Giving room works.'],
  },
  {
    label: 'Meeting',
    create: 'CreateMeeting',
    update: 'UpdateMeeting',
    input: (slug) => ({ title: `Leerkring ${slug}`, date: '2019-05-20', kind: 'LEARNING_CIRCLE', participantCount: 40 }),
    expectedId: (slug) => `meeting:leerkring-${slug}`,
    patch: { date: '2019-05-21' },
    changed: ['date', '2019-05-21'],
  },
  {
    label: 'Case',
    create: 'CreateCase',
    update: 'UpdateCase',
    input: (slug) => ({ title: `Buurtbankje ${slug}`, summary: 'Bewoners willen een bankje.', year: 2018 }),
    expectedId: (slug) => `case:buurtbankje-${slug}`,
    patch: { year: 2019 },
    changed: ['year', 2019],
  },
  {
    label: 'Source',
    create: 'CreateSource',
    update: 'UpdateSource',
    input: (slug) => ({ title: `Interview ${slug}`, kind: 'INTERVIEW', synthetic: false }),
    expectedId: (slug) => `source:interview-${slug}`,
    patch: { locator: 'Archief, doos 3' },
    changed: ['locator', 'Archief, doos 3'],
  },
];
