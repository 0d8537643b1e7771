import { beforeAll, describe, expect, it } from 'vitest';
import { read, uniqueSlug, useAuthApi, type AuthApi } from './support.js';

/** link / unlink: the model's triples and relationship properties, provenance on the relationship, nothing written on error. */
let api: AuthApi;
const created = new Set<string>();
// Module-level: the it.each tables below are built when the file loads.
const slug = uniqueSlug();
const employee = `employee:link-${slug}`;
const practice = `practice:link-${slug}`;
// Test data never hangs off seed nodes (other test files count the seed's relationships).
const town = `municipality:link-${slug}`;
const research = `research:link-${slug}`;
const other = `practice:link-ander-${slug}`;

useAuthApi(created, (started) => (api = started));
beforeAll(async () => {
  created.add(employee).add(practice).add(town).add(research).add(other);
  await api.data('CreateMunicipality', { input: { id: town, name: 'Linkdorp' } });
  await api.data('CreateResearch', { input: { id: research, title: 'Linkonderzoek', institution: 'Test' } });
  await api.data('CreatePractice', { input: { id: other, name: `Ander ${slug}`, kind: 'SKILL' } });
  await api.data('CreateEmployee', { input: { id: employee, pseudonym: `Link ${slug}` } });
  await api.data('CreatePractice', { input: { id: practice, name: `Link ${slug}`, kind: 'SKILL' } });
});

const relationships = (from: string, to: string) =>
  read(api.db, 'MATCH ({id: $from})-[r]->({id: $to}) RETURN type(r) AS type, properties(r) AS props', { from, to });

async function failure(variables: Record<string, unknown>, name = 'Link') {
  const result = await api.op(name, variables);
  expect(result.errors, 'should fail').toBeDefined();
  return { code: result.errors![0]!.extensions?.code, field: result.errors![0]!.extensions?.field, message: result.errors![0]!.message };
}

describe('link', () => {
  it('creates an allowed relationship with its properties and provenance, as a GraphEdge', async () => {
    const data = await api.data<{ link: Record<string, unknown> }>('Link', {
      from: employee,
      type: 'USES',
      to: practice,
      properties: { evidence: 'Ik drink koffie met de buurt.' },
    });
    expect(data.link).toMatchObject({
      id: `${employee}|USES|${practice}`,
      type: 'USES',
      source: employee,
      target: practice,
      properties: { evidence: 'Ik drink koffie met de buurt.', sourceId: 'source:handmatige-invoer', by: 'editor#1' },
    });
    const [rel] = await relationships(employee, practice);
    expect(rel!.props).toMatchObject({ evidence: 'Ik drink koffie met de buurt.', sourceId: 'source:handmatige-invoer', by: 'editor#1' });
    expect(typeof (rel!.props as Record<string, unknown>).at).toBe('string');
  });

  it('updates the relationship when linked again (one relationship, properties added)', async () => {
    await api.data('Link', { from: employee, type: 'USES', to: practice, properties: { restricted: true }, sourceId: 'source:leerkring-2018-03-14' });
    const rels = await relationships(employee, practice);
    expect(rels).toHaveLength(1);
    expect(rels[0]!.props).toMatchObject({ evidence: 'Ik drink koffie met de buurt.', restricted: true, sourceId: 'source:leerkring-2018-03-14' });
  });

  it('shows the new relationship through the graph API (WORKS_AT)', async () => {
    await api.data('Link', { from: employee, type: 'WORKS_AT', to: town });
    const employeeData = await api.raw(`{ employee(id: "${employee}") { municipality { id } } }`);
    expect(employeeData.body.data).toEqual({ employee: { municipality: { id: town } } });
  });

  it.each([
    ['a triple the model does not allow', { from: practice, type: 'USES', to: employee }, 'type', /\(Practice\)-\[:USES\]->\(Employee\) is not allowed/],
    ['an unknown relationship type', { from: employee, type: 'LIKES', to: practice }, 'type', /Unknown relationship type "LIKES"/],
    ['SOURCED_FROM, which writes add themselves', { from: employee, type: 'SOURCED_FROM', to: 'source:leerkring-2018-03-14' }, 'type', /sourceId/],
    ['a dangling source node', { from: 'employee:bestaat-niet', type: 'USES', to: practice }, 'from', /employee:bestaat-niet/],
    ['a dangling target node', { from: employee, type: 'USES', to: 'practice:bestaat-niet' }, 'to', /practice:bestaat-niet/],
    ['a malformed id', { from: 'geen id', type: 'USES', to: practice }, 'from', /not a node id/],
    ['an unknown property', { from: employee, type: 'USES', to: other, properties: { mood: 'blij' } }, 'properties.mood', /no property "mood"/],
    ['a property of the wrong type', { from: employee, type: 'USES', to: other, properties: { restricted: 'ja' } }, 'properties.restricted', /true or false/],
    ['an unknown source', { from: employee, type: 'USES', to: other, sourceId: 'source:bestaat-niet' }, 'sourceId', /source:bestaat-niet/],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_what, variables, field, message) => {
    const error = await failure(variables);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
    expect(await relationships(employee, other)).toHaveLength(0);
    expect(await relationships(practice, employee)).toHaveLength(0);
  });
});

describe('unlink', () => {
  it('deletes the relationship: true, then false when there is none', async () => {
    await api.data('Link', { from: employee, type: 'INTERVIEWED_FOR', to: research });
    expect((await api.data<{ unlink: boolean }>('Unlink', { from: employee, type: 'INTERVIEWED_FOR', to: research })).unlink).toBe(true);
    expect(await relationships(employee, research)).toHaveLength(0);
    expect((await api.data<{ unlink: boolean }>('Unlink', { from: employee, type: 'INTERVIEWED_FOR', to: research })).unlink).toBe(false);
  });

  it('checks the triple and the nodes like link', async () => {
    expect(await failure({ from: practice, type: 'USES', to: employee }, 'Unlink')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
    expect(await failure({ from: employee, type: 'USES', to: 'practice:bestaat-niet' }, 'Unlink')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
