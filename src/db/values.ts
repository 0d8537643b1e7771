import neo4j from 'neo4j-driver';
import type { PropertySpec } from '../model/index.js';
import { UnreachableCaseError } from '../errors.js';

/**
 * Converts what the driver returns into plain JSON-able values: integers to numbers (the driver is
 * configured without lossless integers, but values inside temporal types are still `Integer`),
 * temporal values to ISO strings (`2018-03-14`), nodes and relationships to their properties.
 * Lists and maps are converted in place: they are fresh from the driver and owned by the caller, and
 * copying them doubled the garbage of large results (a co-occurrence matrix decodes ~100k values).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) map[key] = toPlain(map[key]);
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain({ ...(value as { properties: object }).properties });
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
  return out;
}

/** A Neo4j Date for an ISO calendar date (`2018-03-14`); undefined when the text is not a real date. */
export function neo4jDate(value: unknown) {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Not Date.UTC: it reads the years 0–99 as 1900–1999, so 0050-06-01 would not round-trip and count as invalid.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return new neo4j.types.Date(year, month, day);
}

export const INVALID_VALUE = Symbol('invalid value');

/**
 * A property value checked against its spec and converted to what Neo4j stores: strings trimmed,
 * integers as Neo4j integers, dates as Neo4j Dates; `INVALID_VALUE` when it does not fit.
 */
export function toStoredValue(value: unknown, spec: PropertySpec): unknown {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? value.trim() : INVALID_VALUE;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : INVALID_VALUE;
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID_VALUE;
    case 'enum':
      return typeof value === 'string' && spec.values!.includes(value) ? value : INVALID_VALUE;
    case 'date':
      return neo4jDate(value) ?? INVALID_VALUE;
    case 'stringList':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '')
        ? value.map((item: string) => item.trim())
        : INVALID_VALUE;
    default:
      throw new UnreachableCaseError(spec.type);
  }
}

/** What a property of this spec must be, for error messages (`an integer`, `one of A, B`). */
export function describeType(spec: PropertySpec): string {
  switch (spec.type) {
    case 'string': return 'a string';
    case 'integer': return 'an integer';
    case 'boolean': return 'true or false';
    case 'date': return 'an ISO date (YYYY-MM-DD)';
    case 'enum': return `one of ${spec.values!.join(', ')}`;
    case 'stringList': return 'a list of non-empty strings';
    default: throw new UnreachableCaseError(spec.type);
  }
}

/**
 * Cypher: whether `given[key]` leaves `stored[key]` as it is: equal, both unset, or an unset `restricted`
 * given as false (unset means not restricted; the exports write `restricted: false` on every case and USES
 * edge, and importing such a file back, or an edit saying so, must not count as a change). One rule for the
 * import's "unchanged" rows (writer.ts) and the mutations' check of what an edit changes.
 */
export function sameStoredValue(stored: string, given: string, key: string): string {
  return (
    `(coalesce(${stored}[${key}] = ${given}[${key}], ${stored}[${key}] IS NULL AND ${given}[${key}] IS NULL)` +
    ` OR (${key} = 'restricted' AND ${stored}[${key}] IS NULL AND ${given}[${key}] = false))`
  );
}
