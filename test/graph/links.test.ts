import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../src/import/seed.js';
import { startTestApi, uniqueId, type TestApi } from '../support/api.js';

/**
 * `links` on every node type: each relationship with its direction, the node at the other end and its
 * provenance, so a link the report implies but does not state (`inferred: true`, with a `note`) is never
 * shown as a plain fact. Expected values are read from the seed files.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface SeedRelationship {
  from: string;
  type: string;
  to: string;
  locator?: string;
  inferred?: boolean;
  note?: string;
  properties?: Record<string, unknown>;
}
const seed = (file: string) => JSON.parse(readFileSync(`${SEED_DIR}/${file}`, 'utf8')) as { relationships: SeedRelationship[] };
const report = seed('leerkring-2018-03-14.json').relationships;
const sample = seed('illustrative-sample.json').relationships;

interface LinkAnswer {
  id: string;
  type: string;
  direction: 'OUT' | 'IN';
  locator: string | null;
  inferred: boolean;
  note: string | null;
  synthetic: boolean;
  node: { id: string; synthetic: boolean };
}
const LINK = 'id type direction locator inferred note synthetic node { id synthetic }';

async function linksOf(type: string, id: string, args = ''): Promise<LinkAnswer[]> {
  const reply = await api.gql<Record<string, { links: LinkAnswer[] }>>(`query($id: ID!) { ${type}(id: $id) { links${args} { ${LINK} } } }`, { id });
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data![type]!.links;
}

/** What `links` should show of a seed relationship, seen from `from` (OUT) or `to` (IN). */
function expected(rel: SeedRelationship, direction: 'OUT' | 'IN', synthetic: boolean) {
  return {
    id: `${rel.from}|${rel.type}|${rel.to}`,
    type: rel.type,
    direction,
    locator: rel.locator ?? null,
    inferred: rel.inferred === true,
    note: rel.note ?? null,
    synthetic,
    node: { id: direction === 'OUT' ? rel.to : rel.from, synthetic: expect.any(Boolean) },
  };
}

const inOrder = (links: LinkAnswer[]) =>
  [...links].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.direction === b.direction ? 0 : a.direction === 'OUT' ? -1 : 1) || (a.node.id < b.node.id ? -1 : 1));

describe('links tell inferred relationships from stated ones', () => {
  it('shows the research partners as PARTNERS_WITH links the researchers inferred, with the report\'s locator and note', async () => {
    const research = 'research:ambtelijk-vakmanschap';
    const seeded = report.filter((rel) => rel.from === research && rel.type === 'PARTNERS_WITH');
    expect(seeded.length).toBeGreaterThan(0);
    const links = await linksOf('research', research, '(types: ["PARTNERS_WITH"])');
    expect(links).toEqual(seeded.map((rel) => expected(rel, 'OUT', false)).sort((a, b) => (a.node.id < b.node.id ? -1 : 1)));
    expect(links.every((link) => link.inferred && link.note && link.locator)).toBe(true);
    // The same municipalities `partners` lists without saying how the report supports them.
    const reply = await api.gql<{ research: { partners: Array<{ id: string }> } }>('query($id: ID!) { research(id: $id) { partners { id } } }', { id: research });
    expect(reply.body.data!.research.partners.map((m) => m.id).sort()).toEqual(links.map((link) => link.node.id));
    // The other end comes with what the selection reads of it, as in `partners`.
    const named = await api.gql<{ research: { partners: unknown[]; links: Array<{ node: unknown }> } }>(
      'query($id: ID!) { research(id: $id) { partners { id name province } links(types: ["PARTNERS_WITH"]) { node { id ... on Municipality { name province } ... on Practice { kind } } } } }',
      { id: research },
    );
    expect(named.body.errors).toBeUndefined();
    expect(named.body.data!.research.links.map((link) => link.node)).toEqual(named.body.data!.research.partners);
  });

  it('marks a practice\'s inferred ADDRESSES link inferred and its stated CALLS_FOR link not, ordered by type, direction and id', async () => {
    const practice = 'practice:heldere-visie-en-kaders';
    const addresses = report.find((rel) => rel.from === practice && rel.type === 'ADDRESSES')!;
    const callsFor = report.find((rel) => rel.to === practice && rel.type === 'CALLS_FOR')!;
    expect(addresses.inferred).toBe(true);
    expect(callsFor.inferred).toBeUndefined();
    const links = await linksOf('practice', practice);
    expect(links).toContainEqual(expected(addresses, 'OUT', false));
    expect(links).toContainEqual(expected(callsFor, 'IN', false));
    // Every seed relationship of the practice is there, the illustrative ones marked synthetic.
    for (const rel of sample.filter((r) => r.to === practice)) expect(links).toContainEqual(expected(rel, 'IN', true));
    expect(links).toEqual(inOrder(links));
    expect(links.some((link) => link.type === 'SOURCED_FROM')).toBe(false);
  });

  it('shows the same PARTNERS_WITH link from the municipality\'s side as IN, with the same id and provenance', async () => {
    const rel = report.find((r) => r.type === 'PARTNERS_WITH' && r.to === 'municipality:breda')!;
    const links = await linksOf('municipality', 'municipality:breda', '(types: ["PARTNERS_WITH"])');
    expect(links).toContainEqual(expected(rel, 'IN', false));
    expect(links.every((link) => link.direction === 'IN')).toBe(true);
    const [fromResearch] = (await linksOf('research', rel.from, '(types: ["PARTNERS_WITH"])')).filter((link) => link.node.id === rel.to);
    expect(links[0]!.id).toBe(fromResearch!.id);
  });

  it('leaves made-up links and nodes out under scope REAL (the illustrative employees\' WORKS_AT)', async () => {
    const municipality = 'municipality:breda';
    const made = sample.filter((rel) => rel.type === 'WORKS_AT' && rel.to === municipality);
    expect(made.length).toBeGreaterThan(0);
    // Both in one request: other test files may be adding links to the seed's municipalities meanwhile.
    const reply = await api.gql<{ municipality: { all: LinkAnswer[]; real: LinkAnswer[] } }>(
      `query($id: ID!) { municipality(id: $id) { all: links { ${LINK} } real: links(scope: REAL) { ${LINK} } } }`,
      { id: municipality },
    );
    expect(reply.body.errors).toBeUndefined();
    const { all, real } = reply.body.data!.municipality;
    for (const rel of made) expect(all).toContainEqual(expected(rel, 'IN', true));
    const madeIds = new Set(made.map((rel) => `${rel.from}|${rel.type}|${rel.to}`));
    expect(real.filter((link) => madeIds.has(link.id))).toEqual([]);
    expect(real.every((link) => !link.synthetic && !link.node.synthetic)).toBe(true);
    // What REAL keeps is exactly the real part of ALL.
    expect(real).toEqual(all.filter((link) => !link.synthetic && !link.node.synthetic));
    expect(real.map((link) => link.type)).toContain('PARTNERS_WITH');
  });

  it('refuses a relationship type the node type never has, naming it and the types it has', async () => {
    for (const [types, named] of [
      ['["NOPE"]', 'NOPE'],
      ['["USES"]', 'USES'],
      ['["SOURCED_FROM"]', 'SOURCED_FROM'],
    ] as const) {
      const reply = await api.gql(`{ research(id: "research:ambtelijk-vakmanschap") { links(types: ${types}) { type } } }`);
      const error = reply.body.errors?.[0];
      expect(error?.extensions?.code, types).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.field).toBe('types');
      expect(error?.message).toContain(named);
      expect(error?.message).toContain('PARTNERS_WITH');
    }
  });

  it('loads the links of many nodes in one statement, through the request\'s loaders', async () => {
    const statements: string[] = [];
    const stop = api.db.observe(({ cypher }) => statements.push(cypher));
    let reply: Awaited<ReturnType<TestApi['gql']>>;
    try {
      reply = await api.gql('{ municipalities(first: 6) { edges { node { id links { type node { id } } } } } }');
    } finally {
      stop();
    }
    expect(reply.body.errors).toBeUndefined();
    // The list, then every municipality's links (all relationship types at once).
    expect(statements).toHaveLength(2);
  });
});

describe('the cost of links', () => {
  it('costs what any relationship list with a wrapper does (10 assumed items, each with its node)', async () => {
    const cost = async (query: string) => {
      const reply = await api.gql(query);
      expect(reply.body.errors).toBeUndefined();
      return (reply.body as { extensions?: { cost?: { requested: number } } }).extensions?.cost?.requested;
    };
    const links = await cost('{ research(id: "research:ambtelijk-vakmanschap") { links { type node { id } } } }');
    expect(links).toBe(await cost('{ research(id: "research:ambtelijk-vakmanschap") { provenance { locator source { id } } } }'));
    expect(links).toBe(1 * (1 + 10 * (1 + 1 * (1 + 0))));
  });
});

describe('relationship object types carry inferred and note', () => {
  // A research programme and researcher of this test's own, linked by an inferred RESEARCHES.
  const slug = uniqueId('l').slice(2);
  const ids = { person: `person:links-${slug}`, research: `research:links-${slug}` };
  const note = 'Afgeleid: de bron noemt haar alleen als contactpersoon.';
  beforeAll(async () => {
    await api.db.write(
      `CREATE (p:Person {id: $ids.person, name: 'Test Onderzoeker', synthetic: false})
       CREATE (r:Research {id: $ids.research, title: 'Testonderzoek', institution: 'Test', synthetic: false})
       CREATE (p)-[:RESEARCHES {inferred: true, note: $note, locator: 'alinea 9', synthetic: false}]->(r)`,
      { ids, note },
    );
  });
  afterAll(() => api.db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ids) }));

  it('ResearcherRole says when the RESEARCHES link is inferred, and why, from either end', async () => {
    const reply = await api.gql<{ research: { researchers: unknown[] }; person: { research: unknown[] } }>(
      'query($r: ID!, $p: ID!) { research(id: $r) { researchers { locator inferred note } } person(id: $p) { research { locator inferred note } } }',
      { r: ids.research, p: ids.person },
    );
    expect(reply.body.errors).toBeUndefined();
    const role = { locator: 'alinea 9', inferred: true, note };
    expect(reply.body.data!.research.researchers).toEqual([role]);
    expect(reply.body.data!.person.research).toEqual([role]);
  });

  it('a talk\'s points, stated in the report, read inferred false and no note', async () => {
    const names = report.filter((rel) => rel.type === 'NAMES');
    const reply = await api.gql<{ talk: { points: Array<{ practice: { id: string }; locator: string | null; inferred: boolean; note: string | null }> } }>(
      'query($id: ID!) { talk(id: $id) { points { practice { id } locator inferred note } } }',
      { id: names[0]!.from },
    );
    expect(reply.body.errors).toBeUndefined();
    const points = reply.body.data!.talk.points;
    expect(points.map((p) => p.practice.id).sort()).toEqual(names.filter((rel) => rel.from === names[0]!.from).map((rel) => rel.to).sort());
    for (const point of points) {
      const rel = names.find((r) => r.to === point.practice.id)!;
      expect(point).toMatchObject({ locator: rel.locator ?? null, inferred: rel.inferred === true, note: rel.note ?? null });
    }
  });
});
