import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, uniqueSlug, useAuthApi, type AuthApi } from '../mutations/support.js';

/**
 * A CSV import gives a node the provenance its SOURCED_FROM rows state, and its `synthetic` flag follows the
 * one rule (a node is made up when all its sources are): exporting made-up data as nodes.csv + edges.csv and
 * importing that into a graph without it must not turn it into real data.
 */
let api: AuthApi;
const slug = uniqueSlug('ws');
const ids = {
  made: `source:ws-verzonnen-${slug}`,
  real: `source:ws-echt-${slug}`,
  onlyMadeUp: `employee:ws-verzonnen-${slug}`,
  both: `employee:ws-beide-${slug}`,
  earlier: `employee:ws-eerder-${slug}`,
};

useAuthApi(new Set(Object.values(ids)), (started) => (api = started));
beforeAll(async () => {
  await api.data('CreateSource', { input: { id: ids.real, title: `Echt verslag ${slug}`, kind: 'DOCUMENT', synthetic: false } });
  // A made-up employee already in the graph, from a document of the illustrative source.
  await api.data('ImportGraph', {
    document: {
      source: { id: ids.made, title: `Verzonnen voorbeeld ${slug}`, kind: 'ILLUSTRATIVE', synthetic: true },
      nodes: [{ type: 'Employee', id: ids.earlier, pseudonym: `Eerder ${slug}` }],
      relationships: [],
    },
  });
});

async function importCsv(nodes: string[], edges: string[]): Promise<void> {
  await api.data('ImportCsv', { nodes: ['Id,Label,Type,pseudonym', ...nodes].join('\n'), edges: ['Source,Target,Type,Label,locator', ...edges].join('\n') });
}

/** The employee's stored flag, its sources (ids, sorted) and whether `employees(scope: REAL)` lists it. */
async function employee(id: string) {
  const [row] = await read(api.db, 'MATCH (e:Employee {id: $id}) RETURN e.synthetic AS synthetic, [(e)-[:SOURCED_FROM]->(s) | s.id] AS sources', { id });
  const real = await api.raw(`{ employees(scope: REAL, where: { ids: ["${id}"] }) { totalCount } }`);
  const sources = [...(row!.sources as string[])].sort();
  return { synthetic: row!.synthetic, sources, inRealScope: (real.body.data as { employees: { totalCount: number } }).employees.totalCount === 1 };
}

describe('CSV import: synthetic flags from the SOURCED_FROM rows', () => {
  it('a node imported with only a SOURCED_FROM row to a synthetic source is synthetic, and scope REAL does not show it', async () => {
    await importCsv([`${ids.onlyMadeUp},Verzonnen,Employee,Verzonnen ${slug}`], [`${ids.onlyMadeUp},${ids.made},Directed,SOURCED_FROM,rij 1`]);
    expect(await employee(ids.onlyMadeUp)).toEqual({ synthetic: true, sources: [ids.made], inRealScope: false });
  });

  it('a node imported with a real and a synthetic source is not synthetic, and has exactly those sources', async () => {
    await importCsv(
      [`${ids.both},Beide,Employee,Beide ${slug}`],
      [`${ids.both},${ids.made},Directed,SOURCED_FROM,rij 2`, `${ids.both},${ids.real},Directed,SOURCED_FROM,alinea 3`],
    );
    expect(await employee(ids.both)).toEqual({ synthetic: false, sources: [ids.real, ids.made].sort(), inRealScope: true });
  });

  it('a SOURCED_FROM row to a real source makes a made-up node already in the graph real', async () => {
    expect(await employee(ids.earlier)).toMatchObject({ synthetic: true, inRealScope: false });
    // Its row unchanged (nothing to write there), only the new provenance row.
    await importCsv([`${ids.earlier},Eerder,Employee,Eerder ${slug}`], [`${ids.earlier},${ids.real},Directed,SOURCED_FROM,alinea 4`]);
    expect(await employee(ids.earlier)).toEqual({ synthetic: false, sources: [ids.real, ids.made].sort(), inRealScope: true });
  });
});
