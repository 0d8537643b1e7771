import { foldText } from './slug.js';

/** The internal `searchKey` of a node: its display text folded (what `nameContains` compares). */
export function searchKeyOf(display: unknown): string {
  return foldText(String(display ?? ''));
}
