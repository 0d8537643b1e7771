import { beforeAll, describe, expect, it } from 'vitest';
import { TYPE_FIXTURES } from './fixtures.js';
import { errorCode, read, uniqueSlug, useAuthApi, type AuthApi } from './support.js';

/** create<Type>, update<Type>, deleteNode as an editor: ids, provenance, validation (nothing written on error). */
let api: AuthApi;
const created = new Set<string>();
const MANUAL = 'source:handmatige-invoer';
const REPORT = 'source:leerkring-2018-03-14';
// Test data never hangs off seed nodes (other test files count the seed's relationships).
const SOURCE = `source:nodes-${uniqueSlug()}`;
const TOWN = `municipality:nodes-${uniqueSlug()}`;

useAuthApi(created, (started) => (api = started));
beforeAll(async () => {
  created.add(SOURCE).add(TOWN);
  await api.data('CreateSource', { input: { id: SOURCE, title: 'Testbron', kind: 'INTERVIEW', synthetic: false } });
  await api.data('CreateMunicipality', { input: { id: TOWN, name: 'Testdorp' } });
});

const exists = async (id: string) => (await read(api.db, 'MATCH (n {id: $id}) RETURN n.id AS id', { id })).length > 0;
const provenanceOf = (id: string) =>
  read(api.db, 'MATCH (n {id: $id})-[e:SOURCED_FROM]->(s:Source) RETURN s.id AS source, e.locator AS locator, e.by AS by, e.at AS at ORDER BY source', { id });

interface Failure {
  message: string;
  code: unknown;
  field: unknown;
}
/** The mutation must fail: returns its first error. */
async function failure(name: string, variables: Record<string, unknown>): Promise<Failure> {
  const result = await api.op(name, variables);
  expect(result.errors, `${name} should fail`).toBeDefined();
  const [error] = result.errors!;
  return { message: error!.message, code: error!.extensions?.code, field: error!.extensions?.field };
}

describe('create<Type>', () => {
  it.each(TYPE_FIXTURES)('creates a $label with the id derived from its display text, sourced from the manual-input source', async (fixture) => {
    const slug = uniqueSlug();
    const id = fixture.expectedId(slug);
    created.add(id);
    const before = Date.now();
    const data = await api.data<Record<string, Record<string, unknown>>>(fixture.create, { input: { ...fixture.input(slug), sourceLocator: 'p. 3' } });
    const node = data[`create${fixture.label}`]!;
    expect(node).toMatchObject({ id, ...fixture.input(slug) });

    const [edge] = await provenanceOf(id);
    expect(edge).toMatchObject({ source: MANUAL, locator: 'p. 3', by: 'editor#1' });
    const at = Date.parse(String(edge!.at));
    expect(at).toBeGreaterThanOrEqual(before - 1_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('creates the manual-input source on first use as a DOCUMENT that is not synthetic', async () => {
    const [source] = await read(api.db, 'MATCH (s:Source {id: $id}) RETURN s.kind AS kind, s.synthetic AS synthetic, s.title AS title', { id: MANUAL });
    expect(source).toEqual({ kind: 'DOCUMENT', synthetic: false, title: 'Handmatige invoer' });
  });

  it('records the given source and locator instead', async () => {
    const slug = uniqueSlug();
    const data = await api.data<{ createPractice: { id: string; provenance: Array<{ locator: string; source: { id: string } }> } }>('CreatePractice', {
      input: { name: `Bronvermelding ${slug}`, kind: 'MINDSET', sourceId: SOURCE, sourceLocator: 'minuut 4' },
    });
    created.add(data.createPractice.id);
    expect(data.createPractice.provenance).toEqual([{ locator: 'minuut 4', source: { id: SOURCE } }]);
  });

  it('cuts a long derived id at a word boundary', async () => {
    const slug = uniqueSlug();
    const statement = `${slug} ${'gemeenten moeten ruimte geven aan initiatieven van bewoners en '.repeat(3)}`;
    const data = await api.data<{ createConclusion: { id: string } }>('CreateConclusion', { input: { statement } });
    created.add(data.createConclusion.id);
    const id = data.createConclusion.id;
    expect(id.startsWith(`conclusion:${slug}-gemeenten-moeten`)).toBe(true);
    expect(id.length).toBeLessThanOrEqual('conclusion:'.length + 80);
    expect(id).toMatch(/^conclusion:[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('refuses an id that is taken (BAD_USER_INPUT, reason CONFLICT) and leaves the existing node alone', async () => {
    const result = await api.op('CreatePractice', { input: { name: 'Vertrouwen', kind: 'SKILL', description: 'overschreven?' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions).toMatchObject({ field: 'id', reason: 'CONFLICT' });
    expect(result.errors![0]!.message).toContain('practice:vertrouwen');
    const [seed] = await read(api.db, 'MATCH (p:Practice {id: "practice:vertrouwen"}) RETURN p.kind AS kind, p.description AS description');
    // The report states no kind for it: still none, not the SKILL the refused create gave.
    expect(seed!.kind).toBeNull();
    expect(seed!.description).not.toBe('overschreven?');
  });

  it('gives exactly one success when the same id is created concurrently; the others are conflicts', async () => {
    const id = `dilemma:gelijktijdig-${uniqueSlug()}`;
    created.add(id);
    const results = await Promise.all(Array.from({ length: 10 }, () => api.op('CreateDilemma', { input: { id, name: 'Gelijktijdig' } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(9).fill('BAD_USER_INPUT'));
    expect((await read(api.db, 'MATCH (d:Dilemma {id: $id}) RETURN count(d) AS n', { id }))[0]!.n).toBe(1);
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, writing nothing', () => {
    it.each([
      ['an empty name', { name: '   ', kind: 'SKILL' }, 'name', /name must not be empty/],
      ['an id of another type', { name: 'X', kind: 'SKILL', id: 'dilemma:x' }, 'id', /practice:<slug>/],
      ['a malformed id', { name: 'X', kind: 'SKILL', id: 'practice:Not A Slug' }, 'id', /<type>:<slug>/],
      ['an unknown source', { name: 'X', kind: 'SKILL', sourceId: 'source:bestaat-niet' }, 'sourceId', /source:bestaat-niet/],
      ['a source id that is not a Source', { name: 'X', kind: 'SKILL', sourceId: 'practice:vertrouwen' }, 'sourceId', /id of a Source/],
    ])('%s', async (_what, input, field, message) => {
      const id = `practice:fout-${uniqueSlug()}`;
      const given = 'id' in input ? input : { ...input, id };
      const error = await failure('CreatePractice', { input: given });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toMatch(message);
      expect(await exists(id)).toBe(false);
      expect(await exists('practice:x')).toBe(false);
    });

    it('an unknown enum value, naming the field', async () => {
      const id = `practice:fout-${uniqueSlug()}`;
      const error = await failure('CreatePractice', { input: { id, name: 'X', kind: 'HOBBY' } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/kind/);
      expect(error.message).toMatch(/HOBBY/);
      expect(await exists(id)).toBe(false);
    });

    it('a date that does not exist', async () => {
      const id = `meeting:fout-${uniqueSlug()}`;
      const error = await failure('CreateMeeting', { input: { id, title: 'X', date: '2019-02-30', kind: 'WORKSHOP' } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/date/);
      expect(await exists(id)).toBe(false);
    });

    it('a year out of range', async () => {
      const id = `case:fout-${uniqueSlug()}`;
      const error = await failure('CreateCase', { input: { id, title: 'X', year: 20180 } });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      expect(await exists(id)).toBe(false);
    });

    it('a display text with nothing to make an id from', async () => {
      const error = await failure('CreateDilemma', { input: { name: '?!' } });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });
});

describe('update<Type>', () => {
  it('changes the given fields, removes optional ones set to null, keeps the rest, and records provenance', async () => {
    const slug = uniqueSlug();
    const id = `practice:bijwerken-${slug}`;
    created.add(id);
    await api.data('CreatePractice', { input: { id, name: `Bijwerken ${slug}`, kind: 'SKILL', description: 'Oud', gloss: 'Old' } });
    const data = await api.data<{ updatePractice: Record<string, unknown> }>('UpdatePractice', {
      id,
      input: { name: `Herzien ${slug}`, description: null, sourceId: SOURCE, sourceLocator: 'minuut 5' },
    });
    expect(data.updatePractice).toMatchObject({ id, name: `Herzien ${slug}`, description: null, kind: 'SKILL', gloss: 'Old' });
    // Ordered by source title: "Handmatige invoer" (from the create), then "Testbron" (from this update).
    expect(data.updatePractice.provenance).toEqual([
      { locator: null, source: { id: MANUAL } },
      { locator: 'minuut 5', source: { id: SOURCE } },
    ]);
    expect((await provenanceOf(id)).map((e) => [e.source, e.by])).toEqual([
      [MANUAL, 'editor#1'],
      [SOURCE, 'editor#1'],
    ]);
    // The search key follows the new name.
    const found = await api.raw(`{ practices(where: { nameContains: "herzien ${slug}" }) { edges { node { id } } } }`);
    expect(found.body.data).toEqual({ practices: { edges: [{ node: { id } }] } });
  });

  it('refuses to remove a required property', async () => {
    const id = `practice:verplicht-${uniqueSlug()}`;
    created.add(id);
    await api.data('CreatePractice', { input: { id, name: 'Verplicht', kind: 'SKILL' } });
    const error = await failure('UpdatePractice', { id, input: { name: null } });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await read(api.db, 'MATCH (p:Practice {id: $id}) RETURN p.name AS name', { id }))[0]!.name).toBe('Verplicht');
  });

  it('is NOT_FOUND for an id that does not exist or is of another type', async () => {
    expect((await failure('UpdatePractice', { id: 'practice:bestaat-niet', input: { kind: 'SKILL' } })).code).toBe('NOT_FOUND');
    expect((await failure('UpdatePractice', { id: 'dilemma:bemiddelen', input: { kind: 'SKILL' } })).code).toBe('NOT_FOUND');
  });

  it('writes nothing when the source is unknown', async () => {
    const id = `dilemma:onbekende-bron-${uniqueSlug()}`;
    created.add(id);
    await api.data('CreateDilemma', { input: { id, name: 'Voor' } });
    const error = await failure('UpdateDilemma', { id, input: { name: 'Na', sourceId: 'source:bestaat-niet' } });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    expect((await read(api.db, 'MATCH (d:Dilemma {id: $id}) RETURN d.name AS name', { id }))[0]!.name).toBe('Voor');
  });
});

describe('deleteNode', () => {
  it('deletes a node with its relationships', async () => {
    const slug = uniqueSlug();
    const id = `case:weg-${slug}`;
    created.add(id);
    await api.data('CreateCase', { input: { id, title: 'Weg' } });
    await api.data('Link', { from: id, type: 'IN', to: TOWN });
    expect((await api.data<{ deleteNode: boolean }>('DeleteNode', { id })).deleteNode).toBe(true);
    expect(await exists(id)).toBe(false);
    expect(await exists(TOWN)).toBe(true);
    expect(await read(api.db, 'MATCH (:Municipality {id: $id})<-[r:IN]-() RETURN r', { id: TOWN })).toHaveLength(0);
  });

  it('is NOT_FOUND when the node is absent', async () => {
    expect((await failure('DeleteNode', { id: 'practice:bestaat-niet' })).code).toBe('NOT_FOUND');
    expect((await failure('DeleteNode', { id: 'planet:mars' })).code).toBe('NOT_FOUND');
  });

  it('refuses to delete a source that is still the provenance of something', async () => {
    const error = await failure('DeleteNode', { id: REPORT });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/still the provenance of \d+ node\(s\)/);
    expect(await exists(REPORT)).toBe(true);

    const slug = uniqueSlug();
    const source = `source:los-${slug}`;
    created.add(source);
    await api.data('CreateSource', { input: { id: source, title: 'Los', kind: 'DOCUMENT', synthetic: false } });
    expect((await api.data<{ deleteNode: boolean }>('DeleteNode', { id: source })).deleteNode).toBe(true);
  });
});
