import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../support/operations.js';
import { read, uniqueSlug, useAuthApi, type AuthApi } from './support.js';

/**
 * Made-up data never changes real data: a mutation whose source is synthetic may not change a value of a real
 * node or a real relationship (a node stays real while it has a real source, so the made-up text would pass for
 * real in every answer, search and export). It may add made-up data, link it to real data, and edit made-up data.
 */
let api: AuthApi;
const slug = uniqueSlug('mue');
const ids = {
  real: `source:mue-echt-${slug}`,
  madeUp: `source:mue-verzonnen-${slug}`,
  practice: `practice:mue-echt-${slug}`,
  madeUpPractice: `practice:mue-verzonnen-${slug}`,
  employee: `employee:mue-echt-${slug}`,
  madeUpEmployee: `employee:mue-verzonnen-${slug}`,
};
const REAL_TEXT = `Echte beschrijving ${slug}`;

useAuthApi(new Set(Object.values(ids)), (started) => (api = started));
beforeAll(async () => {
  await api.data('CreateSource', { input: { id: ids.real, title: `Echt verslag ${slug}`, kind: 'DOCUMENT', synthetic: false } });
  await api.data('CreateSource', { input: { id: ids.madeUp, title: `Verzonnen voorbeeld ${slug}`, kind: 'ILLUSTRATIVE', synthetic: true } });
  await api.data('CreatePractice', { input: { id: ids.practice, name: `Echt ${slug}`, description: REAL_TEXT, sourceId: ids.real } });
  await api.data('CreatePractice', { input: { id: ids.madeUpPractice, name: `Verzonnen ${slug}`, description: 'Verzonnen', sourceId: ids.madeUp } });
  await api.data('CreateEmployee', { input: { id: ids.employee, pseudonym: `Echt ${slug}`, sourceId: ids.real } });
  await api.data('CreateEmployee', { input: { id: ids.madeUpEmployee, pseudonym: `Verzonnen ${slug}`, sourceId: ids.madeUp } });
  await api.data('Link', { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'echt bewijs' }, sourceId: ids.real });
});

function failure(result: GraphQLResponse<unknown>) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}

/** A node's description, stored flag and sources (sorted). */
async function node(id: string) {
  const [row] = await read(api.db, 'MATCH (n {id: $id}) RETURN n.description AS description, n.synthetic AS synthetic, [(n)-[:SOURCED_FROM]->(s) | s.id] AS sources', { id });
  return { description: row!.description, synthetic: row!.synthetic, sources: [...(row!.sources as string[])].sort() };
}

/** The USES relationship's evidence, source and flag. */
async function uses(from: string, to: string) {
  const [row] = await read(api.db, 'MATCH (:Employee {id: $from})-[r:USES]->(:Practice {id: $to}) RETURN r.evidence AS evidence, r.sourceId AS sourceId, r.synthetic AS synthetic', { from, to });
  return row;
}

describe('update from a synthetic source', () => {
  it('cannot change a real node: BAD_USER_INPUT naming it, nothing written (not even the provenance edge)', async () => {
    const before = await node(ids.practice);
    const result = await api.op('UpdatePractice', { id: ids.practice, input: { description: 'Verzonnen tekst', sourceId: ids.madeUp } });
    expect(failure(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId', message: expect.stringContaining(`Practice "${ids.practice}" is real data`) });
    expect(before).toEqual({ description: REAL_TEXT, synthetic: false, sources: [ids.real] });
    expect(await node(ids.practice)).toEqual(before);
  });

  it('changes a made-up node and repeats a real node\'s values, while a real node\'s change is refused', async () => {
    const madeUp = await api.data<{ updatePractice: { description: string } }>('UpdatePractice', {
      id: ids.madeUpPractice,
      input: { description: 'Anders verzonnen', sourceId: ids.madeUp },
    });
    expect(madeUp.updatePractice.description).toBe('Anders verzonnen');
    expect(await node(ids.madeUpPractice)).toMatchObject({ description: 'Anders verzonnen', synthetic: true });

    // Changing no value of the real node only adds the source as its provenance: the node stays real.
    await api.data('UpdatePractice', { id: ids.practice, input: { description: REAL_TEXT, sourceId: ids.madeUp } });
    expect(await node(ids.practice)).toEqual({ description: REAL_TEXT, synthetic: false, sources: [ids.real, ids.madeUp].sort() });

    const changed = await api.op('UpdatePractice', { id: ids.practice, input: { description: 'Verzonnen tekst', sourceId: ids.madeUp } });
    expect(failure(changed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
  });

  it('a real source still changes the real node the synthetic one may not', async () => {
    const refused = await api.op('UpdatePractice', { id: ids.practice, input: { description: `${REAL_TEXT} (bijgewerkt)`, sourceId: ids.madeUp } });
    expect(failure(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    await api.data('UpdatePractice', { id: ids.practice, input: { description: `${REAL_TEXT} (bijgewerkt)`, sourceId: ids.real } });
    expect(await node(ids.practice)).toMatchObject({ description: `${REAL_TEXT} (bijgewerkt)`, synthetic: false });
  });
});

describe('link from a synthetic source', () => {
  it('cannot change a real relationship: BAD_USER_INPUT naming it, nothing written', async () => {
    const result = await api.op('Link', { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'verzonnen bewijs' }, sourceId: ids.madeUp });
    expect(failure(result)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sourceId',
      message: expect.stringContaining(`${ids.employee} -[:USES]-> ${ids.practice} is real data`),
    });
    expect(await uses(ids.employee, ids.practice)).toEqual({ evidence: 'echt bewijs', sourceId: ids.real, synthetic: false });
  });

  it('links a made-up node to a real one (the relationship made up) and changes that, but not the real one beside it', async () => {
    await api.data('Link', { from: ids.madeUpEmployee, type: 'USES', to: ids.practice, properties: { evidence: 'verzonnen' }, sourceId: ids.madeUp });
    expect(await uses(ids.madeUpEmployee, ids.practice)).toEqual({ evidence: 'verzonnen', sourceId: ids.madeUp, synthetic: true });
    await api.data('Link', { from: ids.madeUpEmployee, type: 'USES', to: ids.practice, properties: { evidence: 'anders' }, sourceId: ids.madeUp });
    expect(await uses(ids.madeUpEmployee, ids.practice)).toMatchObject({ evidence: 'anders', synthetic: true });

    const real = await api.op('Link', { from: ids.employee, type: 'USES', to: ids.practice, properties: { evidence: 'anders' }, sourceId: ids.madeUp });
    expect(failure(real)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    expect(await uses(ids.employee, ids.practice)).toMatchObject({ evidence: 'echt bewijs', synthetic: false });
  });
});
