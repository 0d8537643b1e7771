/**
 * Code-unit order of two strings, as Cypher's ORDER BY orders them (localeCompare would differ on punctuation
 * and from one process to another): ids sorted this way come out the same everywhere.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
