import { foldText } from './slug.js';

/**
 * Longest search key, in UTF-16 units: at most ~6 kB in UTF-8, within what Neo4j's text index on
 * `searchKey` takes (a 10,000-character statement of emoji, 40 kB, failed the write with "Property value
 * is too large to index"). Folding can lengthen a text (NFKD), so the key is cut after folding.
 */
export const MAX_SEARCH_KEY = 2_000;

/**
 * The internal `searchKey` of a node: its display text folded (what `nameContains` compares), cut to
 * `MAX_SEARCH_KEY` (a match further into a very long statement is not found by `nameContains`).
 */
export function searchKeyOf(display: unknown): string {
  const key = foldText(String(display ?? ''));
  if (key.length <= MAX_SEARCH_KEY) return key;
  // Never end on the first half of a surrogate pair.
  const cut = key.slice(0, MAX_SEARCH_KEY);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
