import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, TOKENS, uniqueSlug, useAuthApi, type AuthApi } from './support.js';

/**
 * update<Type> reads what its selection asks of the node's relations in the statement that writes it: the
 * answer is what was written, and no read follows the commit (before, the relationship fields were read in
 * statements of their own after it).
 */
let api: AuthApi;
const slug = uniqueSlug();
const MANUAL = 'source:handmatige-invoer';
const editor = `Bearer ${TOKENS.editor}`;
// Test data never hangs off seed nodes (other test files count the seed's relationships).
const town = `municipality:ur-${slug}`;
const practice = `practice:ur-${slug}`;
const caseId = `case:ur-${slug}`;
const source = `source:ur-${slug}`;
const quotation = `quotation:ur-${slug}`;

async function mutate(document: string): Promise<Record<string, unknown>> {
  const { body } = await api.raw(document, editor);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

useAuthApi(new Set([caseId, town, practice, quotation, source]), (started) => (api = started));
beforeAll(async () => {
  await mutate(`mutation { createMunicipality(input: { id: "${town}", name: "Bijwerkdorp ${slug}" }) { id } }`);
  await mutate(`mutation { createPractice(input: { id: "${practice}", name: "Bijwerken ${slug}", kind: SKILL }) { id } }`);
  await mutate(
    `mutation { createCase(input: { id: "${caseId}", title: "Voor ${slug}", sourceLocator: "p. 1", links: [{ type: "IN", to: "${town}" }, { type: "APPLIES", to: "${practice}" }] }) { id } }`,
  );
  await mutate(`mutation { createSource(input: { id: "${source}", title: "Interview ${slug}", kind: INTERVIEW, synthetic: false }) { id } }`);
  // Quotations come in through imports; this one is quoted from and sourced from the source above.
  await api.db.write(
    `MATCH (s:Source {id: $source})
     CREATE (q:Quotation {id: $quotation, name: 'Citaat', text: 'iets', synthetic: false})
     CREATE (q)-[:QUOTED_FROM {sourceId: s.id, synthetic: false}]->(s)
     CREATE (q)-[:SOURCED_FROM {synthetic: false}]->(s)`,
    { source, quotation },
  );
});

/** The statements the API sent while `work` ran, by mode. */
async function statements(work: () => Promise<unknown>): Promise<{ writes: string[]; reads: string[] }> {
  const writes: string[] = [];
  const reads: string[] = [];
  const stop = api.db.observe(({ mode, cypher }) => (mode === 'write' ? writes : reads).push(cypher));
  try {
    await work();
  } finally {
    stop();
  }
  return { writes, reads };
}

describe('update<Type> reads back its selection in its write transaction', () => {
  it('answers with the relations and provenance as written, with no read after the write, as a query after it does', async () => {
    const selection = 'id title municipality { id name } practices { id name kind } provenance { locator source { id } }';
    let answer: unknown;
    const sent = await statements(async () => {
      answer = (await mutate(`mutation { updateCase(id: "${caseId}", input: { title: "Na ${slug}", sourceLocator: "p. 9" }) { ${selection} } }`)).updateCase;
    });
    expect(sent.reads).toEqual([]);
    const expected = {
      id: caseId,
      title: `Na ${slug}`,
      municipality: { id: town, name: `Bijwerkdorp ${slug}` },
      practices: [{ id: practice, name: `Bijwerken ${slug}`, kind: 'SKILL' }],
      // The locator the update itself wrote on the provenance edge.
      provenance: [{ locator: 'p. 9', source: { id: MANUAL } }],
    };
    expect(answer).toEqual(expected);
    const after = await api.raw(`{ case(id: "${caseId}") { ${selection} } }`, editor);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.case).toEqual(expected);
  });

  it("a Source's changed flag has reached its quotations when the answer reads them", async () => {
    const selection = 'id synthetic quotations(first: 5) { totalCount edges { node { id synthetic } } }';
    const answer = (await mutate(`mutation { updateSource(id: "${source}", input: { synthetic: true }) { ${selection} } }`)).updateSource;
    const expected = { id: source, synthetic: true, quotations: { totalCount: 1, edges: [{ node: { id: quotation, synthetic: true } }] } };
    expect(answer).toEqual(expected);
    expect(await read(api.db, 'MATCH (q:Quotation {id: $quotation}) RETURN q.synthetic AS synthetic', { quotation })).toEqual([{ synthetic: true }]);
    const after = await api.raw(`{ source: node(id: "${source}") { ... on Source { ${selection} } } }`, editor);
    expect(after.body.data!.source).toEqual(expected);
  });

  it('an update of a node that does not exist is NOT_FOUND and reads nothing back', async () => {
    const missing = `case:ur-geen-${slug}`;
    const { body } = await api.raw(`mutation { updateCase(id: "${missing}", input: { title: "x" }) { id municipality { id } } }`, editor);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.data).toBeNull();
  });
});
