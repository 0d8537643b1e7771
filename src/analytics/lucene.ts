import { FULLTEXT_PROPERTIES } from '../db/fulltext.js';
import { badInput } from '../errors.js';

/** Longest search text accepted; people type far less. */
export const SEARCH_MAX_LENGTH = 500;

/** Lucene's `IndexSearcher.maxClauseCount`, which Neo4j leaves at its default: more clauses and the query is refused. */
const LUCENE_MAX_CLAUSES = 1024;

/**
 * Most different words and phrases a search may contain. Neo4j parses the query over every property of the
 * full-text index (`FULLTEXT_PROPERTIES`), so each part becomes one clause per property: 128 parts of 8
 * properties are Lucene's 1024; one more and Neo4j would refuse the whole query (TooManyNestedClauses).
 * Short words fit 129 times into `SEARCH_MAX_LENGTH`, so the length alone does not keep below it.
 */
export const SEARCH_MAX_PHRASES = Math.floor(LUCENE_MAX_CLAUSES / FULLTEXT_PROPERTIES.length);

/**
 * The search text as a list of phrases: `"…"` quoted parts are kept together, everything else is split on
 * white space. A quote without its partner counts as white space. No word is interpreted as syntax.
 */
export function searchPhrases(text: string): string[] {
  const phrases: string[] = [];
  const quoted = /"([^"]*)"/g;
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(quoted)) {
    rest += ` ${text.slice(last, match.index)}`;
    last = match.index + match[0].length;
    const phrase = match[1]!.trim().replace(/\s+/g, ' ');
    if (phrase) phrases.push(phrase);
  }
  rest += ` ${text.slice(last)}`;
  for (const word of rest.replace(/"/g, ' ').split(/\s+/)) {
    if (word) phrases.push(word);
  }
  return phrases;
}

/**
 * A Lucene query for `text` where every word and every quoted phrase must occur (AND), in `fields` when
 * given (else in any indexed property). Each part becomes a quoted Lucene phrase with `\` and `"` escaped,
 * so no character of the input is syntax: `") OR 1=1 //` looks for the words it contains, `title:x`
 * looks for "title" and "x", `*` is no wildcard. The index's analyzer then splits each phrase into words
 * (folding diacritics) and drops what is no word at all. Blank text (or only quotes), text longer than
 * `SEARCH_MAX_LENGTH`, or more than `SEARCH_MAX_PHRASES` different words and phrases → BAD_USER_INPUT.
 */
export function luceneQuery(text: string, fields?: readonly string[]): string {
  if (text.trim() === '') throw badInput('"query" must contain something to search for.', 'query');
  if (text.length > SEARCH_MAX_LENGTH) throw badInput(`"query" must be at most ${SEARCH_MAX_LENGTH} characters (got ${text.length}).`, 'query');
  const phrases = searchPhrases(text);
  if (phrases.length === 0) throw badInput('"query" must contain something to search for (got only quotes).', 'query');
  // Lucene merges a part repeated word for word before it counts clauses, so only different ones count.
  const different = new Set(phrases).size;
  if (different > SEARCH_MAX_PHRASES) {
    throw badInput(`"query" may contain at most ${SEARCH_MAX_PHRASES} different words and quoted phrases (got ${different}).`, 'query');
  }
  return phrases
    .map((phrase) => {
      const quoted = `"${phrase.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
      return fields ? `+(${fields.map((field) => `${field}:${quoted}`).join(' OR ')})` : `+${quoted}`;
    })
    .join(' ');
}
