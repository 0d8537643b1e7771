import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/neo4j.js';
import { startHardenedApi, testAuth, type HardenedApi } from './support.js';

/**
 * Issue 7, concurrency: 20 parallel creates of one id give exactly one success and 19 BAD_USER_INPUT
 * conflicts (the uniqueness constraint, mapped), never a 500; concurrent requests with different roles
 * never see each other's loader-cached data (restricted case summaries and USES evidence).
 */
const slug = uniqueId('conc').replace(':', '-');

describe('concurrency', () => {
  let api: HardenedApi;
  const created: string[] = [];

  beforeAll(async () => {
    api = await startHardenedApi({ auth: testAuth() });
  });
  afterAll(async () => {
    for (const id of created.reverse()) await api.gql('mutation ($id: ID!) { deleteNode(id: $id) }', { id }, { role: 'editor' });
    await api?.close();
  });

  it('20 parallel createPractice with the same id: exactly 1 success, 19 BAD_USER_INPUT conflicts, no 5xx', async () => {
    const id = `practice:${slug}-race`;
    const create = 'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id name } }';
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.gql(create, { input: { id, name: `Race ${i}`, kind: 'ROUTINE' } }, { role: 'editor' })),
    );
    created.push(id);
    for (const reply of replies) expect(reply.status).toBeLessThan(500);
    const successes = replies.filter((reply) => reply.body.data?.createPractice?.id === id);
    const conflicts = replies.filter((reply) => reply.body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT');
    expect(successes).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const reply of conflicts) {
      expect(reply.body.errors[0].extensions.reason).toBe('CONFLICT');
      expect(reply.body.errors[0].message).toMatch(new RegExp(`"${id}"`));
    }
    // One node, with the name of the one create that won.
    const { body } = await api.gql(`{ practices(where: { ids: ["${id}"] }) { totalCount edges { node { name } } } }`);
    expect(body.data.practices.totalCount).toBe(1);
    expect(body.data.practices.edges[0].node.name).toBe(successes[0]!.body.data.createPractice.name);
  });

  describe('roles and per-request loaders', () => {
    const ids = {
      municipality: `municipality:${slug}`,
      employee: `employee:${slug}`,
      practice: `practice:${slug}`,
      case: `case:${slug}`,
    };
    const SUMMARY = `Vertrouwelijk verslag ${slug}`;
    const EVIDENCE = `Vertrouwelijk citaat ${slug}`;

    beforeAll(async () => {
      const editor = { role: 'editor' as const };
      const steps: Array<[string, Record<string, unknown>]> = [
        ['mutation ($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { id } }', { input: { id: ids.municipality, name: `Gemeente ${slug}` } }],
        ['mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }', { input: { id: ids.employee, pseudonym: `Medewerker ${slug}` } }],
        ['mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id } }', { input: { id: ids.practice, name: `Praktijk ${slug}`, kind: 'SKILL' } }],
        [
          'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }',
          { input: { id: ids.case, title: `Casus ${slug}`, summary: SUMMARY, restricted: true, year: 2018 } },
        ],
      ];
      for (const [query, variables] of steps) {
        const { body } = await api.gql(query, variables, editor);
        expect(body.errors).toBeUndefined();
        created.push(Object.values(body.data as Record<string, { id: string }>)[0]!.id);
      }
      const link = 'mutation ($from: ID!, $type: String!, $to: ID!, $properties: JSONObject) { link(from: $from, type: $type, to: $to, properties: $properties) { id } }';
      for (const variables of [
        { from: ids.employee, type: 'WORKS_AT', to: ids.municipality },
        { from: ids.employee, type: 'DESCRIBED', to: ids.case },
        { from: ids.case, type: 'IN', to: ids.municipality },
        { from: ids.case, type: 'APPLIES', to: ids.practice },
        { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: EVIDENCE, restricted: true } },
      ]) {
        const { body } = await api.gql(link, variables, editor);
        expect(body.errors).toBeUndefined();
      }
    });

    /** Every path to the restricted values, several of them through the same loaders in one request. */
    const QUERY = `query ($case: ID!, $employee: ID!, $practice: ID!, $municipality: ID!) {
      case(id: $case) { summary employees { cases { summary } practiceUses { evidence } } }
      employee(id: $employee) { cases { summary practices { usedBy { evidence employee { cases { summary } } } } } practiceUses { evidence } }
      practice(id: $practice) { usedBy { evidence } cases(first: 5) { edges { node { summary } } } }
      municipality(id: $municipality) { cases(first: 5) { edges { node { summary } } } employees(first: 5) { edges { node { practiceUses { evidence } } } } }
      cases(where: { ids: [$case] }) { edges { node { summary } } }
    }`;

    /** All summary and evidence values anywhere in a response. */
    function restrictedValues(value: unknown, out: unknown[] = []): unknown[] {
      if (Array.isArray(value)) value.forEach((item) => restrictedValues(item, out));
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'summary' || key === 'evidence') out.push(inner);
          else restrictedValues(inner, out);
        }
      }
      return out;
    }

    it('editors see the restricted values, readers and anonymous callers null: 60 interleaved requests', async () => {
      const roles = ['editor', 'reader', undefined] as const;
      const replies = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const role = roles[i % 3];
          const reply = await api.gql(QUERY, ids, role ? { role } : {});
          return { role, reply };
        }),
      );
      for (const { role, reply } of replies) {
        expect(reply.body.errors).toBeUndefined();
        const values = restrictedValues(reply.body.data);
        // summaries: 2 under case, 2 under employee, 1 under practice, 1 under municipality, 1 in cases;
        // evidence: 1 under case, 2 under employee, 1 under practice, 1 under municipality: 12 places
        expect(values).toHaveLength(12);
        const expected = role === 'editor' ? [SUMMARY, EVIDENCE] : [null];
        for (const value of values) expect(expected).toContain(value);
      }
    });
  });
});
