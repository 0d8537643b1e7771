import { describe, expect, it } from 'vitest';
import { testLogger } from '../support/neo4j.js';
import { TYPE_FIXTURES } from './fixtures.js';
import { errorCode, read, startAuthApi, TOKENS, uniqueSlug, useAuthApi, type AuthApi, type TestRole } from './support.js';

/**
 * Roles on every mutation kind: anonymous → UNAUTHENTICATED, reader → FORBIDDEN, both with nothing
 * written; editor (and admin) write. Plus the token rules: unknown tokens are 401, AUTH_REQUIRED refuses
 * anonymous reads, a server without AUTH_TOKENS refuses writes with a message saying how to enable them.
 */
let api: AuthApi;
const created = new Set<string>();

useAuthApi(created, (started) => (api = started));

const exists = async (id: string) => (await read(api.db, 'MATCH (n {id: $id}) RETURN n.id AS id', { id })).length > 0;

const REFUSED: Array<[TestRole, string]> = [
  ['anonymous', 'UNAUTHENTICATED'],
  ['reader', 'FORBIDDEN'],
];

describe.each(TYPE_FIXTURES)('create$label / update$label', (fixture) => {
  it.each(REFUSED)('refuses the create for %s callers (%s) and writes nothing', async (role, code) => {
    const slug = uniqueSlug();
    const result = await api.op(fixture.create, { input: fixture.input(slug) }, role);
    expect(result.data).toBeNull();
    expect(errorCode(result)).toBe(code);
    expect(await exists(fixture.expectedId(slug))).toBe(false);
  });

  it('lets an editor create and update; readers and anonymous callers cannot update', async () => {
    const slug = uniqueSlug();
    const id = fixture.expectedId(slug);
    created.add(id);
    const made = await api.data<Record<string, { id: string }>>(fixture.create, { input: fixture.input(slug) }, 'editor');
    expect(made[`create${fixture.label}`]!.id).toBe(id);

    for (const [role, code] of REFUSED) {
      const refused = await api.op(fixture.update, { id, input: fixture.patch }, role);
      expect(errorCode(refused)).toBe(code);
    }
    const [field, value] = fixture.changed;
    const before = (await read(api.db, `MATCH (n {id: $id}) RETURN n.${field} AS value`, { id }))[0]!.value;
    expect(before).not.toEqual(value);

    const updated = await api.data<Record<string, Record<string, unknown>>>(fixture.update, { id, input: fixture.patch }, 'editor');
    expect(updated[`update${fixture.label}`]![field]).toEqual(value);
  });
});

describe('deleteNode, link, unlink, importGraph, importCsv', () => {
  it('refuse anonymous and reader callers, and let editors and admins through', async () => {
    const slug = uniqueSlug();
    const practice = `practice:rol-${slug}`;
    const employee = `employee:rol-${slug}`;
    created.add(practice).add(employee);
    await api.data('CreatePractice', { input: { id: practice, name: `Rol ${slug}`, kind: 'SKILL' } });
    await api.data('CreateEmployee', { input: { id: employee, pseudonym: `Rol ${slug}` } });
    const uses = () => read(api.db, 'MATCH (:Employee {id: $employee})-[r:USES]->(:Practice {id: $practice}) RETURN r', { employee, practice });

    const document = {
      source: { id: `source:rol-${slug}`, title: 'Rol', kind: 'DOCUMENT', synthetic: false },
      nodes: [{ type: 'Dilemma', id: `dilemma:rol-${slug}`, name: 'Rol' }],
      relationships: [],
    };
    created.add(`source:rol-${slug}`).add(`dilemma:rol-${slug}`).add(`dilemma:csv-rol-${slug}`);
    const csv = `Id,Label,Type,name\ndilemma:csv-rol-${slug},Rol,Dilemma,Rol\n`;

    for (const [role, code] of REFUSED) {
      expect(errorCode(await api.op('Link', { from: employee, type: 'USES', to: practice }, role))).toBe(code);
      expect(await uses()).toHaveLength(0);
      expect(errorCode(await api.op('ImportGraph', { document }, role))).toBe(code);
      expect(await exists(`dilemma:rol-${slug}`)).toBe(false);
      expect(errorCode(await api.op('ImportCsv', { nodes: csv }, role))).toBe(code);
      expect(await exists(`dilemma:csv-rol-${slug}`)).toBe(false);
    }

    expect((await api.data<{ link: { id: string } }>('Link', { from: employee, type: 'USES', to: practice }, 'editor')).link.id).toBe(
      `${employee}|USES|${practice}`,
    );
    for (const [role, code] of REFUSED) {
      expect(errorCode(await api.op('Unlink', { from: employee, type: 'USES', to: practice }, role))).toBe(code);
      expect(await uses()).toHaveLength(1);
      expect(errorCode(await api.op('DeleteNode', { id: employee }, role))).toBe(code);
      expect(await exists(employee)).toBe(true);
    }
    expect((await api.data<{ unlink: boolean }>('Unlink', { from: employee, type: 'USES', to: practice }, 'admin')).unlink).toBe(true);
    expect((await api.data<{ deleteNode: boolean }>('DeleteNode', { id: employee }, 'admin')).deleteNode).toBe(true);
    expect(await exists(employee)).toBe(false);

    await api.data('ImportGraph', { document }, 'editor');
    expect(await exists(`dilemma:rol-${slug}`)).toBe(true);
    await api.data('ImportCsv', { nodes: csv }, 'admin');
    expect(await exists(`dilemma:csv-rol-${slug}`)).toBe(true);
  });

  it('checks the role before validating the input: an anonymous caller learns it must authenticate', async () => {
    const result = await api.op('CreatePractice', { input: { name: '   ', kind: 'SKILL' } }, 'anonymous');
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0]!.message).toMatch(/Authorization: Bearer/);
  });

  it('records the token\'s name (never the token) as who wrote', async () => {
    const slug = uniqueSlug();
    const id = `dilemma:wie-${slug}`;
    created.add(id);
    await api.data('CreateDilemma', { input: { id, name: `Wie ${slug}` } }, 'admin');
    const [edge] = await read(api.db, 'MATCH (:Dilemma {id: $id})-[e:SOURCED_FROM]->(s) RETURN e.by AS by, s.id AS source', { id });
    expect(edge).toEqual({ by: 'admin#1', source: 'source:handmatige-invoer' });
  });
});

describe('tokens', () => {
  it('lets anonymous callers read when AUTH_REQUIRED is off', async () => {
    const { status, body } = await api.raw('{ practice(id: "practice:vertrouwen") { id } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ practice: { id: 'practice:vertrouwen' } });
  });

  it.each([
    ['an unknown token', 'Bearer not-a-configured-token'],
    ['a token with one character changed', `Bearer ${TOKENS.editor.slice(0, -1)}${TOKENS.editor.endsWith('x') ? 'y' : 'x'}`],
    ['another scheme', `Basic ${Buffer.from('editor:secret').toString('base64')}`],
    ['a bare token', TOKENS.editor],
  ])('answers %s with 401 UNAUTHENTICATED, before running anything', async (_what, authorization) => {
    const { status, headers, body } = await api.raw('{ practice(id: "practice:vertrouwen") { id } }', authorization);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.extensions?.requestId).toBe(headers.get('x-request-id'));
    expect(JSON.stringify(body)).not.toContain(TOKENS.editor);
  });

  it('never logs a token', () => {
    const logged = JSON.stringify(testLogger.lines);
    for (const token of Object.values(TOKENS)) expect(logged).not.toContain(token);
  });

  it('refuses anonymous reads with AUTH_REQUIRED=true, and serves readers', async () => {
    const strict = await startAuthApi({ AUTH_TOKENS: `reader:${TOKENS.reader}`, AUTH_REQUIRED: 'true' });
    try {
      const anonymous = await strict.raw('{ practice(id: "practice:vertrouwen") { id } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await strict.raw('{ practice(id: "practice:vertrouwen") { id } }', `Bearer ${TOKENS.reader}`);
      expect(reader.status).toBe(200);
      expect(reader.body.data).toEqual({ practice: { id: 'practice:vertrouwen' } });
    } finally {
      await strict.close();
    }
  });

  it('refuses every write when no AUTH_TOKENS are configured, saying how to enable writes', async () => {
    const open = await startAuthApi({});
    try {
      const slug = uniqueSlug();
      // The header is ignored (authentication is off): reads work, writes are refused.
      const result = await open.op('CreateDilemma', { input: { id: `dilemma:dicht-${slug}`, name: 'Dicht' } }, 'editor');
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors![0]!.extensions!.reason).toBe('WRITES_DISABLED');
      expect(result.errors![0]!.message).toMatch(/AUTH_TOKENS=editor:/);
      expect(await exists(`dilemma:dicht-${slug}`)).toBe(false);
      const reading = await open.raw('{ practice(id: "practice:vertrouwen") { id } }', 'Bearer whatever');
      expect(reading.body.data).toEqual({ practice: { id: 'practice:vertrouwen' } });
    } finally {
      await open.close();
    }
  });
});
