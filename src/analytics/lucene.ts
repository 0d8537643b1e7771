import { badInput } from '../errors.js';

/** Longest search text accepted (Lucene refuses queries of more than 1024 clauses; people type far less). */
export const SEARCH_MAX_LENGTH = 500;

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
 * (folding diacritics) and drops what is no word at all. Blank text (or only quotes), or text longer than
 * `SEARCH_MAX_LENGTH` → BAD_USER_INPUT.
 */
export function luceneQuery(text: string, fields?: readonly string[]): string {
  if (text.trim() === '') throw badInput('"query" must contain something to search for.', 'query');
  if (text.length > SEARCH_MAX_LENGTH) throw badInput(`"query" must be at most ${SEARCH_MAX_LENGTH} characters (got ${text.length}).`, 'query');
  const phrases = searchPhrases(text);
  if (phrases.length === 0) throw badInput('"query" must contain something to search for (got only quotes).', 'query');
  return phrases
    .map((phrase) => {
      const quoted = `"${phrase.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
      return fields ? `+(${fields.map((field) => `${field}:${quoted}`).join(' OR ')})` : `+${quoted}`;
    })
    .join(' ');
}
