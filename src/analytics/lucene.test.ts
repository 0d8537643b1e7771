import { describe, expect, it } from 'vitest';
import { SEARCH_MAX_LENGTH, luceneQuery, searchPhrases } from './lucene.js';

describe('searchPhrases', () => {
  it('keeps quoted phrases together and splits the rest on white space', () => {
    expect(searchPhrases('"geest van de wet" vertrouwen')).toEqual(['geest van de wet', 'vertrouwen']);
    expect(searchPhrases('  a   "b  c"d ')).toEqual(['b c', 'a', 'd']);
  });

  it('treats a quote without its partner as white space', () => {
    expect(searchPhrases('") OR 1=1 //')).toEqual([')', 'OR', '1=1', '//']);
    expect(searchPhrases('"open')).toEqual(['open']);
  });
});

describe('luceneQuery', () => {
  it('requires every word and phrase, each a quoted Lucene phrase', () => {
    expect(luceneQuery('"geest van de wet"')).toBe('+"geest van de wet"');
    expect(luceneQuery('keukentafel vertrouwen')).toBe('+"keukentafel" +"vertrouwen"');
  });

  it('leaves no syntax to the user: operators, fields, wildcards and escapes are words', () => {
    expect(luceneQuery('") OR 1=1 //')).toBe('+")" +"OR" +"1=1" +"//"');
    expect(luceneQuery('title:x* AND NOT y~2 [a TO b] ^3 \\')).toBe('+"title:x*" +"AND" +"NOT" +"y~2" +"[a" +"TO" +"b]" +"^3" +"\\\\"');
    expect(luceneQuery('a\\"b')).toBe('+"a\\\\" +"b"');
  });

  it('can limit every part to some fields', () => {
    expect(luceneQuery('wet', ['name', 'title'])).toBe('+(name:"wet" OR title:"wet")');
  });

  it('refuses blank text, text of quotes only and over-long text', () => {
    for (const text of ['', '   ', '""', '" "']) {
      expect(() => luceneQuery(text)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'query' }) }));
    }
    expect(() => luceneQuery('a'.repeat(SEARCH_MAX_LENGTH + 1))).toThrowError(/at most 500/);
    expect(luceneQuery('a'.repeat(SEARCH_MAX_LENGTH))).toHaveLength(SEARCH_MAX_LENGTH + 3);
  });
});
