import { describe, expect, it } from 'vitest';
import { validateDocument, type ExistingIds } from './document.js';

const nothingExists: ExistingIds = async () => new Set();
const source = { id: 'source:unit', title: 'Unit', kind: 'DOCUMENT', synthetic: false };

describe('validateDocument', () => {
  it('accepts a well-formed document and groups it for the writer', async () => {
    const result = await validateDocument(
      {
        source,
        nodes: [
          { type: 'Municipality', id: 'municipality:breda', name: 'Breda', province: 'Noord-Brabant', sourceLocator: 'p. 1' },
          { type: 'Employee', id: 'employee:unit-1', pseudonym: 'Anouk V.' },
        ],
        relationships: [{ from: 'employee:unit-1', type: 'WORKS_AT', to: 'municipality:breda' }],
      },
      nothingExists,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.nodes.get('Municipality')).toEqual([
      { id: 'municipality:breda', props: { name: 'Breda', province: 'Noord-Brabant' }, searchKey: 'breda', locator: 'p. 1' },
    ]);
    expect(result.document.relationships).toEqual([
      { from: 'Employee', type: 'WORKS_AT', to: 'Municipality', rows: [{ from: 'employee:unit-1', to: 'municipality:breda', props: {} }] },
    ]);
  });

  it('lists every error with its position and id, and writes nothing', async () => {
    const result = await validateDocument(
      {
        source,
        nodes: [
          { type: 'Practice', id: 'practice:x', name: '', kind: 'HOBBY' },
          { type: 'Planet', id: 'planet:mars' },
          { type: 'Meeting', id: 'meeting:y', title: 'Y', date: '2018-02-30', kind: 'LEARNING_CIRCLE' },
          { type: 'Dilemma', id: 'Dilemma:Bad Id', name: 'x' },
        ],
        relationships: [
          { from: 'practice:x', type: 'ADDRESSES', to: 'dilemma:does-not-exist' },
          { from: 'meeting:y', type: 'USES', to: 'practice:x' },
        ],
      },
      nothingExists,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'nodes[0] (practice:x): name is required',
      'nodes[0] (practice:x): kind must be one of MINDSET, SKILL, ROUTINE, ORGANISATIONAL (got "HOBBY")',
      expect.stringMatching(/^nodes\[1\] \(planet:mars\): unknown type "Planet"/),
      'nodes[2] (meeting:y): date must be an ISO date (YYYY-MM-DD) (got "2018-02-30")',
      'nodes[3] (Dilemma:Bad Id): id must look like "dilemma:<slug>" (lower case letters, digits and single dashes)',
      'relationships[0]: unknown source practice:x',
      'relationships[1]: unknown source meeting:y',
    ]);
  });

  it('rejects relationship triples the model does not allow and unknown relationship properties', async () => {
    const result = await validateDocument(
      {
        source,
        nodes: [
          { type: 'Employee', id: 'employee:unit-2', pseudonym: 'B.' },
          { type: 'Practice', id: 'practice:unit', name: 'P', kind: 'SKILL' },
        ],
        relationships: [
          { from: 'practice:unit', type: 'USES', to: 'employee:unit-2' },
          { from: 'employee:unit-2', type: 'USES', to: 'practice:unit', properties: { evidence: 'ok', mood: 'happy' } },
        ],
      },
      nothingExists,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'relationships[0]: (Practice)-[:USES]->(Employee) is not allowed by the model',
      expect.stringMatching(/^relationships\[1\] \(employee:unit-2 -\[:USES\]-> practice:unit\): unknown property "mood"/),
    ]);
  });

  it('resolves references to nodes outside the document through the database lookup', async () => {
    const asked: string[][] = [];
    const existing: ExistingIds = async (byLabel) => {
      asked.push([...byLabel.values()].flat());
      return new Set(['municipality:tilburg']);
    };
    const result = await validateDocument(
      {
        source,
        nodes: [{ type: 'Case', id: 'case:unit', title: 'T' }],
        relationships: [
          { from: 'case:unit', type: 'IN', to: 'municipality:tilburg' },
          { from: 'case:unit', type: 'IN', to: 'municipality:atlantis' },
        ],
      },
      existing,
    );
    expect(asked).toEqual([['municipality:tilburg', 'municipality:atlantis']]);
    expect(result).toEqual({ ok: false, errors: ['relationships[1]: unknown target municipality:atlantis'] });
  });
});
