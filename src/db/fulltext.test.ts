import { describe, expect, it } from 'vitest';
import { NODE_SPECS, NODE_TYPES, PUBLIC_COPIES } from '../model/index.js';
import { FULLTEXT_PROPERTIES, PUBLIC_FULLTEXT_PROPERTIES, setPublicCopies } from './fulltext.js';

describe('the public full-text index', () => {
  it('covers the copies of the hideable text instead of the text itself', () => {
    expect(PUBLIC_COPIES).toEqual([
      { label: 'Case', property: 'summary', copy: 'publicSummary' },
      { label: 'Quotation', property: 'text', copy: 'publicText' },
    ]);
    expect(PUBLIC_FULLTEXT_PROPERTIES).toEqual(FULLTEXT_PROPERTIES.map((p) => (p === 'summary' ? 'publicSummary' : p === 'text' ? 'publicText' : p)));
    // The same number of fields: search's limit on words (SEARCH_MAX_PHRASES) holds for both indexes.
    expect(PUBLIC_FULLTEXT_PROPERTIES).toHaveLength(FULLTEXT_PROPERTIES.length);
  });

  it('loses no text of a type without copies (no other type has a property a copy replaces)', () => {
    const replaced = new Set(PUBLIC_COPIES.map((c) => c.property));
    for (const type of NODE_TYPES) {
      const spec = NODE_SPECS[type];
      for (const property of Object.keys(spec.properties).filter((p) => replaced.has(p))) {
        expect(PUBLIC_COPIES, `${spec.label}.${property} would be missing from the public index`).toContainEqual(expect.objectContaining({ label: spec.label, property }));
      }
    }
  });

  it('writes the copy of a node only while it is not restricted, and nothing for other labels', () => {
    expect(setPublicCopies('n', 'Case')).toBe('SET n.publicSummary = CASE WHEN n.restricted = true THEN null ELSE n.summary END');
    expect(setPublicCopies('old', 'Quotation')).toBe('SET old.publicText = CASE WHEN old.restricted = true THEN null ELSE old.text END');
    expect(setPublicCopies('n', 'Practice')).toBe('');
  });
});
