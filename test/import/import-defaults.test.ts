import { describe, expect, it } from 'vitest';
import { TOKENS, uniqueSlug, useAuthApi, type AuthApi, type TestRole } from '../mutations/support.js';

/**
 * What the JSON and CSV imports (`importGraph`, `importCsv`; the command line's JSON import is the same
 * `importDocument`) assume when a document does not say: interview text is restricted unless its owner says
 * otherwise (a new Quotation, a new USES and its evidence), without hiding again what was made public; an
 * ILLUSTRATIVE source is always synthetic; and a relationship `type` that is not a string is the caller's
 * mistake, named, not a server error.
 */
let api: AuthApi;
const created = new Set<string>();
const slug = uniqueSlug('idef');

useAuthApi(created, (started) => (api = started));

/** An id for this file's data (removed afterwards). */
const id = (prefix: string, name: string) => {
  const value = `${prefix}:${slug}-${name}`;
  created.add(value);
  return value;
};

const bearer = (role: TestRole) => (role === 'anonymous' ? undefined : `Bearer ${TOKENS[role as 'reader' | 'editor' | 'admin']}`);

async function gql(query: string, role: TestRole = 'editor'): Promise<Record<string, any>> {
  const { body } = await api.raw(query, bearer(role));
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as Record<string, any>;
}

async function importGraph(document: unknown): Promise<void> {
  const result = await api.op('ImportGraph', { document });
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
}

/** A real (not synthetic) interview as the document's source. */
const interview = (name: string) => ({ id: id('source', name), title: `Interview ${name}`, kind: 'INTERVIEW', synthetic: false });

const quotation = (quotationId: string, extra: Record<string, unknown> = {}) => ({
  type: 'Quotation', id: quotationId, name: 'Interviewee, 0–12', text: 'Geheim citaat', startPosition: 0, endPosition: 12, ...extra,
});

/** What `role` reads of a quotation: its text (null when hidden) and its `restricted` flag. */
async function quotationAs(quotationId: string, role: TestRole) {
  return (await gql(`{ quotation(id: "${quotationId}") { text restricted } }`, role)).quotation as { text: string | null; restricted: boolean };
}

describe('restricted by default on import', () => {
  it('importGraph: a new quotation without `restricted` is restricted; `restricted: false` keeps it public, and a later import that does not mention it leaves it so', async () => {
    const quiet = id('quotation', 'stil');
    const open = id('quotation', 'open');
    await importGraph({ source: interview('q'), nodes: [quotation(quiet), quotation(open, { restricted: false })], relationships: [] });
    expect(await quotationAs(quiet, 'anonymous')).toEqual({ text: null, restricted: true });
    expect(await quotationAs(quiet, 'reader')).toEqual({ text: null, restricted: true });
    expect(await quotationAs(quiet, 'editor')).toEqual({ text: 'Geheim citaat', restricted: true });
    expect(await quotationAs(open, 'anonymous')).toEqual({ text: 'Geheim citaat', restricted: false });

    // Updating the public quotation (a new name), and the restricted one, without saying `restricted`.
    await importGraph({ source: interview('q'), nodes: [quotation(open, { name: 'Interviewee, 0–12 (bis)' }), quotation(quiet, { name: 'Interviewee (bis)' })], relationships: [] });
    expect(await quotationAs(open, 'anonymous')).toEqual({ text: 'Geheim citaat', restricted: false });
    expect(await quotationAs(quiet, 'anonymous')).toEqual({ text: null, restricted: true });
  });

  it('importCsv: a new quotation row with an empty restricted cell is restricted', async () => {
    const row = id('quotation', 'csv');
    const nodes = ['Id,Label,Type,name,text,startPosition,endPosition,restricted', `${row},Iemand,Quotation,"Iemand, 0–12",Geheim citaat,0,12,`].join('\n');
    const result = await api.op('ImportCsv', { nodes });
    expect(result.errors).toBeUndefined();
    expect(await quotationAs(row, 'anonymous')).toEqual({ text: null, restricted: true });
    expect(await quotationAs(row, 'editor')).toEqual({ text: 'Geheim citaat', restricted: true });
  });

  it('importGraph: the evidence of a new USES without `restricted` is hidden from anonymous callers and readers; of made-up data it stays readable', async () => {
    const employee = id('employee', 'e');
    const practice = id('practice', 'p');
    await importGraph({
      source: interview('uses'),
      nodes: [
        { type: 'Employee', id: employee, pseudonym: 'Evi E.' },
        { type: 'Practice', id: practice, name: `Werkwijze ${slug}`, kind: 'SKILL' },
      ],
      relationships: [{ from: employee, type: 'USES', to: practice, properties: { evidence: 'Wat ik in het interview zei.' } }],
    });
    const evidenceAs = async (who: string, role: TestRole) =>
      ((await gql(`{ employee(id: "${who}") { practiceUses { evidence } } }`, role)).employee.practiceUses as Array<{ evidence: string | null }>)[0]!.evidence;
    expect(await evidenceAs(employee, 'anonymous')).toBeNull();
    expect(await evidenceAs(employee, 'reader')).toBeNull();
    expect(await evidenceAs(employee, 'editor')).toBe('Wat ik in het interview zei.');

    // A document whose source is synthetic (the illustrative seed's kind) is nobody's interview.
    const madeUp = id('employee', 'verzonnen');
    await importGraph({
      source: { id: id('source', 'verzonnen'), title: 'Verzonnen voorbeeld', kind: 'ILLUSTRATIVE', synthetic: true },
      nodes: [{ type: 'Employee', id: madeUp, pseudonym: 'Vera V.' }],
      relationships: [{ from: madeUp, type: 'USES', to: practice, properties: { evidence: 'Verzonnen citaat.' } }],
    });
    expect(await evidenceAs(madeUp, 'anonymous')).toBe('Verzonnen citaat.');
  });

  it('importGraph: a new USES between two nodes already in the graph is restricted too; an existing public one stays public', async () => {
    const employee = id('employee', 'bestaand');
    const practice = id('practice', 'bestaand');
    const other = id('practice', 'openbaar');
    await importGraph({
      source: interview('ends'),
      nodes: [
        { type: 'Employee', id: employee, pseudonym: 'Bas B.' },
        { type: 'Practice', id: practice, name: `Bestaande werkwijze ${slug}`, kind: 'SKILL' },
        { type: 'Practice', id: other, name: `Openbare werkwijze ${slug}`, kind: 'SKILL' },
      ],
      relationships: [{ from: employee, type: 'USES', to: other, properties: { evidence: 'Mag iedereen lezen.', restricted: false } }],
    });
    // Both ends exist now: this import only adds the relationship, and re-sends the public one without `restricted`.
    await importGraph({
      source: interview('ends'),
      nodes: [],
      relationships: [
        { from: employee, type: 'USES', to: practice, properties: { evidence: 'Uit het interview.' } },
        { from: employee, type: 'USES', to: other, properties: { evidence: 'Mag iedereen lezen.' } },
      ],
    });
    const uses = async (role: TestRole) =>
      ((await gql(`{ employee(id: "${employee}") { practiceUses { practice { id } evidence } } }`, role)).employee.practiceUses as Array<{
        practice: { id: string };
        evidence: string | null;
      }>)
        .map((use) => [use.practice.id, use.evidence])
        .sort();
    expect(await uses('anonymous')).toEqual([[other, 'Mag iedereen lezen.'], [practice, null]].sort());
    expect(await uses('editor')).toEqual([[other, 'Mag iedereen lezen.'], [practice, 'Uit het interview.']].sort());
  });
});

describe('an ILLUSTRATIVE source is synthetic', () => {
  it.each([
    ['the document source', (source: Record<string, unknown>) => ({ source, nodes: [], relationships: [] }), 'source'],
    ['a Source node', (source: Record<string, unknown>) => ({ source: interview('ill'), nodes: [{ type: 'Source', ...source }], relationships: [] }), 'nodes[0]'],
  ])('importGraph refuses %s with kind ILLUSTRATIVE and synthetic false, naming it', async (_what, documentOf, at) => {
    const sourceId = id('source', `illustratief-${at === 'source' ? 'doc' : 'node'}`);
    const result = await api.op('ImportGraph', { document: documentOf({ id: sourceId, title: 'Voorbeeld', kind: 'ILLUSTRATIVE', synthetic: false }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(`${at} (${sourceId}): synthetic must be true for kind ILLUSTRATIVE`);
    const { node } = await gql(`{ node(id: "${sourceId}") { id } }`);
    expect(node).toBeNull();
  });

  it('importCsv refuses a Source row with kind ILLUSTRATIVE and synthetic false', async () => {
    const sourceId = id('source', 'illustratief-csv');
    const nodes = ['Id,Label,Type,title,kind,synthetic', `${sourceId},Voorbeeld,Source,Voorbeeld,ILLUSTRATIVE,false`].join('\n');
    const result = await api.op('ImportCsv', { nodes });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(`nodes.csv line 2 (${sourceId}): synthetic must be true for kind ILLUSTRATIVE`);
  });
});

describe('a relationship type that is not a string', () => {
  it('importGraph with an inline object literal as `type`: BAD_USER_INPUT naming relationships[0] and the value', async () => {
    const practice = id('practice', 'lit');
    const dilemma = id('dilemma', 'lit');
    const { status, body } = await api.raw(
      `mutation { importGraph(document: {
        source: { id: "${id('source', 'lit')}", title: "T", kind: "DOCUMENT", synthetic: false },
        nodes: [{ type: "Practice", id: "${practice}", name: "Letterlijk ${slug}", kind: "SKILL" }, { type: "Dilemma", id: "${dilemma}", name: "Letterlijk ${slug}" }],
        relationships: [{ from: "${practice}", type: { x: 1 }, to: "${dilemma}" }]
      }) { dryRun } }`,
      bearer('editor'),
    );
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('relationships[0]: type must be a relationship type such as "USES" (got {"x":1})');
  });
});
