import { describe, expect, it } from 'vitest';
import { validateDocument, type ExistingIds } from '../../src/import/document.js';

// Validation only (no database): which ids exist is answered by the document itself.
const nothingExists: ExistingIds = async () => new Set();
const source = { id: 'source:unit', title: 'Unit', kind: 'DOCUMENT', synthetic: false };
const nodes = [
  { type: 'Person', id: 'person:unit', name: 'Unit' },
  { type: 'Research', id: 'research:unit', title: 'Unit', institution: 'Unit', questions: ['Waarom?', 'Hoe?'] },
];

describe('relationship provenance in the document format', () => {
  it('stores locator, inferred and note on the relationship, given beside or among its properties', async () => {
    const result = await validateDocument(
      {
        source,
        nodes,
        relationships: [
          { from: 'person:unit', type: 'RESEARCHES', to: 'research:unit', properties: { lead: true }, locator: 'alinea 2', inferred: true, note: 'afgeleid' },
          { from: 'research:unit', type: 'HAS_CONTACT', to: 'person:unit', properties: { locator: 'alinea 8' } },
        ],
      },
      nothingExists,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.relationships.map((group) => group.rows[0]!.props)).toEqual([
      { lead: true, locator: 'alinea 2', inferred: true, note: 'afgeleid' },
      { locator: 'alinea 8' },
    ]);
    expect(result.document.nodes.get('Research')![0]!.props.questions).toEqual(['Waarom?', 'Hoe?']);
  });

  it('names a provenance value of the wrong type, and a question list that is no list of strings', async () => {
    const result = await validateDocument(
      {
        source,
        nodes: [...nodes, { type: 'Research', id: 'research:bad', title: 'Bad', institution: 'Unit', questions: 'Waarom?' }],
        relationships: [{ from: 'person:unit', type: 'RESEARCHES', to: 'research:unit', locator: 2, inferred: 'ja' }],
      },
      nothingExists,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'nodes[2] (research:bad): questions must be a list of non-empty strings (got "Waarom?")',
      'relationships[0] (person:unit -[:RESEARCHES]-> research:unit): locator must be a string (got 2)',
      'relationships[0] (person:unit -[:RESEARCHES]-> research:unit): inferred must be true or false (got "ja")',
    ]);
  });
});
