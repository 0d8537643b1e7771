import { beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, uniqueSlug, useAuthApi, type AuthApi } from '../mutations/support.js';

// A municipality of this file's own, reached from practices and dilemmas through employees and cases, some of
// them real (a document source) and some made up (an illustrative source). Every node has a unique id and
// no edge to a seed node; all are removed after.
//
//   real:     E1 -WORKS_AT-> M, E1 -USES-> P1, C1 -IN-> M, C1 -APPLIES-> P3, C1 -RAISES-> D1
//   made up:  E2 -WORKS_AT-> M, E2 -USES-> P2 (a real practice), E2 -USES-> P3, E1 -USES-> P4 (a made-up
//             practice), E2 -USES-> P4, C2 -IN-> M, C2 -RAISES-> D2 (a real dilemma)
const slug = uniqueSlug('r');
const id = (type: string, name: string) => `${type}:reach-${name}-${slug}`;
const ids = {
  real: id('source', 'echt'),
  madeUp: id('source', 'verzonnen'),
  m: id('municipality', 'm'),
  e1: id('employee', 'e1'),
  e2: id('employee', 'e2'),
  c1: id('case', 'c1'),
  c2: id('case', 'c2'),
  p1: id('practice', 'p1'),
  p2: id('practice', 'p2'),
  p3: id('practice', 'p3'),
  p4: id('practice', 'p4'),
  d1: id('dilemma', 'd1'),
  d2: id('dilemma', 'd2'),
};
const link = (from: string, type: string, to: string) => ({ from, type, to });

let api: AuthApi;
useAuthApi(new Set(Object.values(ids)), (started) => (api = started));
beforeAll(async () => {
  await api.data('ImportGraph', {
    document: {
      source: { id: ids.real, title: `Echt verslag ${slug}`, kind: 'DOCUMENT', synthetic: false },
      nodes: [
        { type: 'Municipality', id: ids.m, name: `Bereikdorp ${slug}` },
        { type: 'Employee', id: ids.e1, pseudonym: `Echt E. ${slug}` },
        { type: 'Case', id: ids.c1, title: `Echte casus ${slug}` },
        // Named so that the order by name is P1, P2, P3, P4.
        { type: 'Practice', id: ids.p1, name: `Bereik a ${slug}` },
        { type: 'Practice', id: ids.p2, name: `Bereik b ${slug}` },
        { type: 'Practice', id: ids.p3, name: `Bereik c ${slug}` },
        { type: 'Dilemma', id: ids.d1, name: `Bereik a ${slug}` },
        { type: 'Dilemma', id: ids.d2, name: `Bereik b ${slug}` },
      ],
      relationships: [link(ids.e1, 'WORKS_AT', ids.m), link(ids.e1, 'USES', ids.p1), link(ids.c1, 'IN', ids.m), link(ids.c1, 'APPLIES', ids.p3), link(ids.c1, 'RAISES', ids.d1)],
    },
  });
  await api.data('ImportGraph', {
    document: {
      source: { id: ids.madeUp, title: `Verzonnen voorbeeld ${slug}`, kind: 'ILLUSTRATIVE', synthetic: true },
      nodes: [
        { type: 'Employee', id: ids.e2, pseudonym: `Verzonnen V. ${slug}` },
        { type: 'Case', id: ids.c2, title: `Verzonnen casus ${slug}` },
        { type: 'Practice', id: ids.p4, name: `Bereik d ${slug}` },
      ],
      relationships: [
        link(ids.e2, 'WORKS_AT', ids.m),
        link(ids.e2, 'USES', ids.p2),
        link(ids.e2, 'USES', ids.p3),
        link(ids.e1, 'USES', ids.p4),
        link(ids.e2, 'USES', ids.p4),
        link(ids.c2, 'IN', ids.m),
        link(ids.c2, 'RAISES', ids.d2),
      ],
    },
  });
});

interface ReachedItem {
  node: { id: string };
  paths: number;
  syntheticPaths: number;
  synthetic: boolean;
}
interface Answer {
  municipality: { practices: Array<{ id: string }>; practicesReached: ReachedItem[]; dilemmas: Array<{ id: string }>; dilemmasReached: ReachedItem[] };
  p2: { municipalitiesReached: ReachedItem[] };
  p3: { municipalitiesReached: ReachedItem[] };
  d2: { municipalitiesReached: ReachedItem[] };
}

async function reached(scope: 'ALL' | 'REAL' | 'SYNTHETIC'): Promise<Answer> {
  const item = 'node { id } paths syntheticPaths synthetic';
  const { body } = await api.raw(
    `{ municipality(id: "${ids.m}") {
         practices(scope: ${scope}) { id } practicesReached(scope: ${scope}) { ${item} }
         dilemmas(scope: ${scope}) { id } dilemmasReached(scope: ${scope}) { ${item} } }
       p2: practice(id: "${ids.p2}") { municipalitiesReached(scope: ${scope}) { ${item} } }
       p3: practice(id: "${ids.p3}") { municipalitiesReached(scope: ${scope}) { ${item} } }
       d2: dilemma(id: "${ids.d2}") { municipalitiesReached(scope: ${scope}) { ${item} } } }`,
    `Bearer ${TOKENS.reader}`,
  );
  expect(body.errors).toBeUndefined();
  return body.data as unknown as Answer;
}

const row = (node: string, paths: number, syntheticPaths: number, synthetic: boolean): ReachedItem => ({ node: { id: node }, paths, syntheticPaths, synthetic });

describe('connections that pass other nodes say when only made-up data supports them', () => {
  it('flags the practices of a municipality that only made-up employees or relationships connect to it', async () => {
    const { municipality } = await reached('ALL');
    expect(municipality.practicesReached).toEqual([
      row(ids.p1, 1, 0, false),
      // A real practice, used here only by a made-up employee: the plain field lists it like P1.
      row(ids.p2, 1, 1, true),
      // A real case and a made-up employee: one real path is enough.
      row(ids.p3, 2, 1, false),
      // A made-up practice, used by a made-up employee and by a real one through a made-up relationship.
      row(ids.p4, 2, 2, true),
    ]);
    expect(municipality.practices.map((practice) => practice.id), 'the same nodes in the same order').toEqual(municipality.practicesReached.map((item) => item.node.id));
    expect(municipality.dilemmasReached).toEqual([row(ids.d1, 1, 0, false), row(ids.d2, 1, 1, true)]);
    expect(municipality.dilemmas.map((dilemma) => dilemma.id)).toEqual([ids.d1, ids.d2]);
  });

  it('flags the same connection seen from the other end', async () => {
    const answer = await reached('ALL');
    expect(answer.p2.municipalitiesReached).toEqual([row(ids.m, 1, 1, true)]);
    expect(answer.p3.municipalitiesReached).toEqual([row(ids.m, 2, 1, false)]);
    expect(answer.d2.municipalitiesReached).toEqual([row(ids.m, 1, 1, true)]);
  });

  it('counts only the paths in scope: REAL keeps the all-real ones, SYNTHETIC the all-made-up ones', async () => {
    const real = await reached('REAL');
    expect(real.municipality.practicesReached).toEqual([row(ids.p1, 1, 0, false), row(ids.p3, 1, 0, false)]);
    expect(real.municipality.practices.map((practice) => practice.id)).toEqual([ids.p1, ids.p3]);
    expect(real.p2.municipalitiesReached).toEqual([]);
    expect(real.d2.municipalitiesReached).toEqual([]);

    // Only E2's path to the made-up P4 is made up throughout (the node reached included, the parent not tested).
    const madeUp = await reached('SYNTHETIC');
    expect(madeUp.municipality.practicesReached).toEqual([row(ids.p4, 1, 1, true)]);
    expect(madeUp.municipality.practices.map((practice) => practice.id)).toEqual([ids.p4]);
    expect(madeUp.p3.municipalitiesReached, 'the municipality reached is real').toEqual([]);
  });
});

describe("a list's relationship filters keep to its scope", () => {
  async function listed(list: 'municipalities' | 'practices' | 'dilemmas' | 'cases', scope: string, where: string): Promise<string[]> {
    const { body } = await api.raw(`{ ${list}(scope: ${scope}, first: 100, where: { ${where} }) { totalCount edges { node { id } } } }`, `Bearer ${TOKENS.reader}`);
    expect(body.errors).toBeUndefined();
    const connection = (body.data as Record<string, { totalCount: number; edges: Array<{ node: { id: string } }> }>)[list]!;
    expect(connection.totalCount).toBe(connection.edges.length);
    return connection.edges.map((edge) => edge.node.id);
  }

  it('REAL matches only along real paths: a real practice used here only by a made-up employee does not place it here', async () => {
    expect(await listed('municipalities', 'ALL', `practiceIds: ["${ids.p2}"]`)).toEqual([ids.m]);
    expect(await listed('municipalities', 'REAL', `practiceIds: ["${ids.p2}"]`)).toEqual([]);
    expect(await listed('municipalities', 'REAL', `practiceIds: ["${ids.p3}"]`), 'P3 has a real path too').toEqual([ids.m]);
    // The same answer as the municipality's own field in that scope.
    expect(await listed('practices', 'REAL', `municipalityIds: ["${ids.m}"]`)).toEqual([ids.p1, ids.p3]);
    expect(await listed('practices', 'ALL', `municipalityIds: ["${ids.m}"]`)).toEqual([ids.p1, ids.p2, ids.p3, ids.p4]);
    expect(await listed('dilemmas', 'REAL', `municipalityIds: ["${ids.m}"]`)).toEqual([ids.d1]);
  });

  it('SYNTHETIC matches along made-up paths to the nodes named, real ones included', async () => {
    // The made-up case in this real municipality, and the made-up practice only made-up data connects to it.
    expect(await listed('cases', 'SYNTHETIC', `municipalityIds: ["${ids.m}"]`)).toEqual([ids.c2]);
    expect(await listed('practices', 'SYNTHETIC', `municipalityIds: ["${ids.m}"]`)).toEqual([ids.p4]);
  });
});
