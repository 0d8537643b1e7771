import { UnreachableCaseError } from '../errors.js';

/**
 * Which part of the graph an answer is computed from: everything, only what comes from real sources, or
 * only the made-up (illustrative) data. Every node and relationship stores a boolean `synthetic` (set at
 * write time, backfilled at start-up: see db/synthetic.ts), so a scope is a property test in the Cypher
 * that walks the graph; `ALL` adds no predicate at all.
 */
export enum DataScope {
  ALL = 'ALL',
  REAL = 'REAL',
  SYNTHETIC = 'SYNTHETIC',
}

export const DATA_SCOPES = Object.values(DataScope);

/**
 * The test of one variable (node or relationship) under `scope`; null for `ALL`. A missing flag counts as
 * real (`coalesce(…, false)`), so REAL and SYNTHETIC always partition what ALL sees.
 */
export function elementInScope(variable: string, scope: DataScope | null | undefined): string | null {
  const given = scope ?? DataScope.ALL;
  switch (given) {
    case DataScope.ALL:
      return null;
    case DataScope.REAL:
      return `NOT coalesce(${variable}.synthetic, false)`;
    case DataScope.SYNTHETIC:
      return `coalesce(${variable}.synthetic, false)`;
    default:
      throw new UnreachableCaseError(given);
  }
}

/**
 * The conjunction of `elementInScope` for every variable (nodes and relationships alike: both carry the
 * flag); null for `ALL` or no variables. Variables are names our code binds, never input.
 */
export function scopePredicate(scope: DataScope | null | undefined, variables: readonly string[]): string | null {
  const tests = variables.map((variable) => elementInScope(variable, scope)).filter((test): test is string => test !== null);
  return tests.length > 0 ? tests.join(' AND ') : null;
}

/** `scopePredicate` over the nodes and relationships of a path variable (`p = (a)-[*]-(b)`); null for `ALL`. */
export function pathInScope(path: string, scope: DataScope | null | undefined): string | null {
  const node = elementInScope('x_', scope);
  if (node === null) return null;
  return `all(x_ IN nodes(${path}) WHERE ${node}) AND all(x_ IN relationships(${path}) WHERE ${node})`;
}

/**
 * The test of an anchor under `scope`: a node an answer is about rather than one it walks through (the
 * rows and columns of a matrix, the practices counted, the municipality compared). REAL keeps only real
 * anchors (a REAL answer never shows a made-up node); SYNTHETIC keeps every anchor and lets its
 * evidence be only made-up data (the made-up cases that apply a real practice). Null when nothing is tested.
 */
export function anchorInScope(variable: string, scope: DataScope | null | undefined): string | null {
  return scope === DataScope.REAL ? elementInScope(variable, scope) : null;
}

/** `WHERE <tests>` for the non-null tests, or '' when there are none. */
export function whereClause(...tests: Array<string | null | undefined>): string {
  const kept = tests.filter((test): test is string => !!test);
  return kept.length > 0 ? `WHERE ${kept.join(' AND ')}` : '';
}

/** `AND <tests>` for the non-null tests, or '' (to extend an existing WHERE). */
export function andClause(...tests: Array<string | null | undefined>): string {
  const kept = tests.filter((test): test is string => !!test);
  return kept.length > 0 ? `AND ${kept.join(' AND ')}` : '';
}

/**
 * A scope named in a URL (`?scope=real`): case-insensitive `all`, `real` or `synthetic`; absent is ALL.
 * Returns undefined for anything else (the caller answers 400 naming the parameter).
 */
export function parseScope(value: string | null | undefined): DataScope | undefined {
  if (value === null || value === undefined || value === '') return DataScope.ALL;
  const upper = value.toUpperCase();
  return (DATA_SCOPES as string[]).includes(upper) ? (upper as DataScope) : undefined;
}
