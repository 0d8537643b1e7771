import { beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, uniqueSlug, useAuthApi, type AuthApi, type TestRole } from './support.js';

/**
 * Restricted data: the summary of a case with `restricted: true` and the evidence of a
 * `USES {restricted: true}` are null (no error) for anonymous callers and readers, visible to editors and admins.
 */
let api: AuthApi;
const created = new Set<string>();
const slug = uniqueSlug();
const restrictedCase = `case:vertrouwelijk-${slug}`;
const openCase = `case:openbaar-${slug}`;
const employee = `employee:vertrouwelijk-${slug}`;
const practice = `practice:vertrouwelijk-${slug}`;
const other = `practice:openbaar-${slug}`;
const SECRET = 'De wethouder belde zelf om het initiatief tegen te houden.';
const EVIDENCE = 'Ik heb de regels toen bewust opgerekt.';

useAuthApi(created, (started) => (api = started));
beforeAll(async () => {
  created.add(restrictedCase).add(openCase).add(employee).add(practice).add(other);
  await api.data('CreateCase', { input: { id: restrictedCase, title: 'Vertrouwelijk', summary: SECRET, restricted: true } });
  await api.data('CreateCase', { input: { id: openCase, title: 'Openbaar', summary: 'Iedereen mag dit lezen.' } });
  await api.data('CreateEmployee', { input: { id: employee, pseudonym: 'Vera V.' } });
  await api.data('CreatePractice', { input: { id: practice, name: `Regels oprekken ${slug}`, kind: 'SKILL' } });
  await api.data('Link', { from: employee, type: 'USES', to: practice, properties: { evidence: EVIDENCE, restricted: true } });
  await api.data('CreatePractice', { input: { id: other, name: `Openbaar ${slug}`, kind: 'SKILL' } });
  await api.data('Link', { from: employee, type: 'USES', to: other, properties: { evidence: 'Openbaar citaat.' } });
  await api.data('Link', { from: restrictedCase, type: 'APPLIES', to: practice });
  await api.data('Link', { from: openCase, type: 'APPLIES', to: practice });
});

interface CaseData {
  case: { id: string; title: string; summary: string | null; restricted: boolean };
}
interface UsesData {
  employee: { practiceUses: Array<{ evidence: string | null; practice: { id: string } }> };
  practice: { usedBy: Array<{ evidence: string | null; employee: { id: string } }> };
}

describe.each<[TestRole, boolean]>([
  ['anonymous', false],
  ['reader', false],
  ['editor', true],
  ['admin', true],
])('as %s', (role, sees) => {
  it(`${sees ? 'shows' : 'hides'} the summary of a restricted case (no error)`, async () => {
    const result = await api.op<CaseData>('RestrictedCase', { id: restrictedCase }, role);
    expect(result.errors).toBeUndefined();
    expect(result.data!.case).toEqual({ id: restrictedCase, title: 'Vertrouwelijk', summary: sees ? SECRET : null, restricted: true });
  });

  it('shows the summary of a case that is not restricted', async () => {
    const result = await api.op<CaseData>('RestrictedCase', { id: openCase }, role);
    expect(result.data!.case).toMatchObject({ summary: 'Iedereen mag dit lezen.', restricted: false });
  });

  it(`${sees ? 'shows' : 'hides'} the summary of a restricted case reached through relationships`, async () => {
    // Related nodes come with the properties their selection reads: `summary` must bring `restricted` along.
    const { body } = await api.raw(
      `{ employee(id: "${employee}") { practiceUses { practice { cases(first: 5) { edges { node { id summary } } } } } } }`,
      role === 'anonymous' ? undefined : `Bearer ${TOKENS[role]}`,
    );
    expect(body.errors).toBeUndefined();
    const data = body.data as { employee: { practiceUses: Array<{ practice: { cases: { edges: Array<{ node: { id: string; summary: string | null } }> } } }> } };
    const cases = data.employee.practiceUses.flatMap((use) => use.practice.cases.edges.map((edge) => edge.node));
    expect(Object.fromEntries(cases.map((node) => [node.id, node.summary]))).toEqual({ [restrictedCase]: sees ? SECRET : null, [openCase]: 'Iedereen mag dit lezen.' });
  });

  it(`${sees ? 'shows' : 'hides'} the evidence of a restricted USES, from both ends`, async () => {
    const result = await api.op<UsesData>('RestrictedUses', { employee, practice }, role);
    expect(result.errors).toBeUndefined();
    const uses = Object.fromEntries(result.data!.employee.practiceUses.map((use) => [use.practice.id, use.evidence]));
    expect(uses).toEqual({ [practice]: sees ? EVIDENCE : null, [other]: 'Openbaar citaat.' });
    expect(result.data!.practice.usedBy).toEqual([{ evidence: sees ? EVIDENCE : null, employee: { id: employee } }]);
  });
});

it('never leaks restricted text into a response for a reader, whatever the path', async () => {
  const { body } = await api.raw(
    `{ employee(id: "${employee}") { practiceUses { evidence practice { usedBy { evidence } cases(first: 5) { edges { node { summary } } } } } }
       node(id: "${restrictedCase}") { ... on Case { summary } } }`,
    `Bearer ${TOKENS.reader}`,
  );
  expect(body.errors).toBeUndefined();
  expect(JSON.stringify(body)).not.toContain(SECRET);
  expect(JSON.stringify(body)).not.toContain(EVIDENCE);
});

describe('search reads a summary only while everyone may read it, whichever write changed it', () => {
  // Words of this file's own, in one case's summary only. The restricted case above keeps something hidden
  // for the whole file, so a viewer's search runs on the public index (src/db/fulltext.ts) throughout.
  const word = (n: number) => `zqr${slug.replace(/-/g, '')}w${n}`;
  const searched = `case:gezocht-${slug}`;
  const importSource = `source:gezocht-${slug}`;
  const finds = async (text: string, role: TestRole) =>
    (await api.data<{ search: Array<{ node: { id: string } }> }>('Search', { query: text, types: ['CASE'] }, role)).search.some((hit) => hit.node.id === searched);
  const update = (input: Record<string, unknown>) => api.data('UpdateCase', { id: searched, input });
  const importCase = (props: Record<string, unknown>) =>
    api.data('ImportGraph', {
      document: {
        source: { id: importSource, title: `Gezocht ${slug}`, kind: 'DOCUMENT', synthetic: false },
        nodes: [{ type: 'Case', id: searched, title: 'Gezocht', ...props }],
        relationships: [],
      },
    });

  it('createCase, updateCase and importGraph each keep what a viewer may find by the summary', async () => {
    created.add(searched).add(importSource);
    await api.data('CreateCase', { input: { id: searched, title: 'Gezocht', summary: `Een open samenvatting ${word(1)}.` } });
    expect(await finds(word(1), 'anonymous')).toBe(true);

    await update({ restricted: true });
    expect(await finds(word(1), 'anonymous'), 'restricted by updateCase').toBe(false);
    expect(await finds(word(1), 'reader')).toBe(false);
    expect(await finds(word(1), 'editor'), 'an editor may read it, and finds it').toBe(true);

    await update({ summary: `Nog steeds verborgen ${word(2)}.` });
    expect(await finds(word(2), 'anonymous'), 'a new summary of a restricted case').toBe(false);

    await update({ restricted: false });
    expect(await finds(word(2), 'anonymous'), 'opened by updateCase').toBe(true);

    await update({ summary: `Nu dit ${word(3)}.` });
    expect(await finds(word(3), 'anonymous'), 'the new summary').toBe(true);
    expect(await finds(word(2), 'anonymous'), 'not the old one').toBe(false);

    await importCase({ summary: `Geïmporteerd ${word(4)}.`, restricted: true });
    expect(await finds(word(4), 'anonymous'), 'restricted by importGraph').toBe(false);
    expect(await finds(word(3), 'anonymous')).toBe(false);
    expect(await finds(word(4), 'editor')).toBe(true);

    await importCase({ restricted: false });
    expect(await finds(word(4), 'anonymous'), 'opened by importGraph').toBe(true);
  });
});
