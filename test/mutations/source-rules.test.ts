import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { mutationRepository as repo } from '../../src/graph/mutation/mutation.repository.js';
import type { GraphQLResponse } from '../support/operations.js';
import { read, uniqueSlug, useAuthApi, type AuthApi } from './support.js';

/**
 * The rules a Source's own writes keep: an ILLUSTRATIVE source is always synthetic (SourceKind's contract:
 * what it sources is made up, and its flag is what marks that data so), and a Source is never its own source.
 */
let api: AuthApi;
const created = new Set<string>();
const slug = uniqueSlug('sr');

useAuthApi(created, (started) => (api = started));

/** A fresh id of this file, removed in afterAll. */
function newId(type: string, what: string): string {
  const id = `${type}:sr-${what}-${slug}`;
  created.add(id);
  return id;
}

function failure(result: GraphQLResponse<unknown>) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}

const stored = async (id: string) => (await read(api.db, 'MATCH (n {id: $id}) RETURN n.kind AS kind, n.synthetic AS synthetic, n.title AS title', { id }))[0];

describe('an ILLUSTRATIVE source is always synthetic', () => {
  it('createSource refuses kind ILLUSTRATIVE with synthetic: false, naming synthetic, and writes nothing', async () => {
    const id = newId('source', 'verzonnen-echt');
    const result = await api.op('CreateSource', { input: { id, title: `Verzonnen maar echt ${slug}`, kind: 'ILLUSTRATIVE', synthetic: false } });
    expect(failure(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'synthetic', message: expect.stringContaining('ILLUSTRATIVE') });
    expect(await stored(id)).toBeUndefined();
  });

  it('updateSource refuses synthetic: false on an ILLUSTRATIVE source, and what it sources stays made up', async () => {
    const source = newId('source', 'voorbeeld');
    const employee = newId('employee', 'voorbeeld');
    await api.data('CreateSource', { input: { id: source, title: `Voorbeeld ${slug}`, kind: 'ILLUSTRATIVE', synthetic: true } });
    await api.data('CreateEmployee', { input: { id: employee, pseudonym: `Voorbeeld ${slug}`, sourceId: source } });
    expect(await stored(employee)).toMatchObject({ synthetic: true });

    const result = await api.op('UpdateSource', { id: source, input: { synthetic: false } });
    expect(failure(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'synthetic' });
    expect(await stored(source)).toMatchObject({ kind: 'ILLUSTRATIVE', synthetic: true });
    expect(await stored(employee)).toMatchObject({ synthetic: true });
    const real = await api.raw(`{ employees(scope: REAL, where: { ids: ["${employee}"] }) { totalCount } }`);
    expect(real.body.data).toEqual({ employees: { totalCount: 0 } });

    // Another kind together with synthetic: false is a real source like any other.
    const changed = await api.data<{ updateSource: unknown }>('UpdateSource', { id: source, input: { kind: 'DOCUMENT', synthetic: false } });
    expect(changed.updateSource).toMatchObject({ kind: 'DOCUMENT', synthetic: false });
  });

  it('updateSource refuses kind: ILLUSTRATIVE on a non-synthetic source, naming kind; with synthetic: true it is accepted', async () => {
    const source = newId('source', 'verslag');
    await api.data('CreateSource', { input: { id: source, title: `Verslag ${slug}`, kind: 'DOCUMENT', synthetic: false } });

    const result = await api.op('UpdateSource', { id: source, input: { kind: 'ILLUSTRATIVE', title: `Verslag (voorbeeld) ${slug}` } });
    expect(failure(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(await stored(source)).toEqual({ kind: 'DOCUMENT', synthetic: false, title: `Verslag ${slug}` });

    const both = await api.data<{ updateSource: unknown }>('UpdateSource', { id: source, input: { kind: 'ILLUSTRATIVE', synthetic: true } });
    expect(both.updateSource).toMatchObject({ kind: 'ILLUSTRATIVE', synthetic: true });
  });
});

describe('a Source is never its own source', () => {
  const stamp = () => ({ by: 'editor#1', at: neo4j.types.DateTime.fromStandardDate(new Date()) });
  const selfEdges = async (id: string) =>
    Number((await read(api.db, 'MATCH (s:Source {id: $id}) RETURN COUNT { (s)-[:SOURCED_FROM]->(s) } AS n', { id }))[0]!.n);

  /**
   * `updateSource(id: "source:handmatige-invoer", input: {title})` records the edit against the default source,
   * which is that very node: the service calls `updateNode` with the node's own id as its source. The shared
   * manual-input source is not ours to edit, so this sends the same call for a source of this file's own.
   */
  it('an edit whose source is the edited Source itself writes no SOURCED_FROM edge, and the source can still be deleted', async () => {
    const source = newId('source', 'eigen-bron');
    await api.data('CreateSource', { input: { id: source, title: `Eigen bron ${slug}`, kind: 'DOCUMENT', synthetic: false } });

    const updated = await api.db.writeTransaction((run) =>
      repo.updateNode(run, 'Source', { id: source, set: { title: `Eigen bron, herzien ${slug}` }, searchKey: null }, { sourceId: source, locator: null, ...stamp() }),
    );
    expect(updated?.props).toMatchObject({ id: source, title: `Eigen bron, herzien ${slug}`, synthetic: false });
    expect(await selfEdges(source)).toBe(0);
    expect(await api.data('DeleteNode', { id: source })).toEqual({ deleteNode: true });
  });

  it('an edge from a Source to itself, written before this rule, does not keep it from being deleted', async () => {
    const source = newId('source', 'oude-lus');
    await api.data('CreateSource', { input: { id: source, title: `Oude lus ${slug}`, kind: 'DOCUMENT', synthetic: false } });
    await api.db.write('MATCH (s:Source {id: $id}) MERGE (s)-[:SOURCED_FROM {by: "editor#1"}]->(s)', { id: source });
    expect(await selfEdges(source)).toBe(1);

    expect(await api.data('DeleteNode', { id: source })).toEqual({ deleteNode: true });
    expect(await stored(source)).toBeUndefined();
  });
});
