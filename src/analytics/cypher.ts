/**
 * Cypher fragments shared by the analytics. Labels and relationship types come only from the model's
 * allow-lists (`NODE_SPECS`, `RELATIONSHIP_TYPES`); values always travel as parameters.
 */
import { LABELS, NODE_SPECS, RELATIONSHIP_TYPES, isRelType, type NodeType, type RelType } from '../model/index.js';
import { badInput } from '../errors.js';
import { FULL_SELECTION, type SubgraphSelection } from './projection.js';

/** The display properties of the model's types (name, title, …): all a node projection needs without its properties. */
const DISPLAY_PROPERTIES = [...new Set(Object.values(NODE_SPECS).map((spec) => spec.display))];

/** The properties of a node to return: sorted names (with `id`), or undefined for every property. */
export type PropertySelection = readonly string[] | undefined;

/** A property name goes into Cypher text only when the model has it (selections are read from the model). */
function allowedProperty(type: NodeType, name: string): string {
  if (name !== 'id' && name !== 'synthetic' && !Object.hasOwn(NODE_SPECS[type].properties, name)) throw new Error(`not a property of ${type}: ${name}`);
  return name;
}

/**
 * A node's properties as Cypher: a map projection of the selected ones (`v {.id, .name}`), or
 * `properties(v)` when every one is wanted. A query that shows names need not pull every description
 * (similar municipalities: 257 KB from Neo4j with whole practices).
 */
export function propertiesOf(v: string, type: NodeType, select: PropertySelection): string {
  return select ? `${v} {${select.map((name) => `.${allowedProperty(type, name)}`).join(', ')}}` : `properties(${v})`;
}

/** `select` with `names` added (what the caller itself reads, e.g. to sort), kept sorted; undefined stays undefined. */
export function selectionWith(select: PropertySelection, ...names: string[]): PropertySelection {
  return select ? [...new Set([...select, ...names])].sort() : undefined;
}

/** A label expression (`Practice|Dilemma`) for node types; all model labels when `types` is undefined. */
export function labelExpression(types?: readonly NodeType[]): string {
  return (types ? [...new Set(types)].map((type) => NODE_SPECS[type].label) : LABELS).join('|');
}

/** A relationship type expression (`USES|APPLIES`) for types already checked against the model. */
export function relTypeExpression(types: readonly RelType[]): string {
  return [...new Set(types)].join('|');
}

/** Every model relationship type except provenance (`SOURCED_FROM`), which links each node to its Source. */
export const CONTENT_RELATIONSHIP_TYPES: readonly RelType[] = RELATIONSHIP_TYPES.filter((type) => type !== 'SOURCED_FROM');

/**
 * Relationship types a caller named, checked against the model; BAD_USER_INPUT (naming the allowed
 * types) for anything else. `undefined`/`null` gives `fallback`.
 */
export function checkRelationshipTypes(types: readonly string[] | null | undefined, fallback: readonly RelType[], field = 'relationshipTypes'): RelType[] {
  if (types === null || types === undefined) return [...fallback];
  const unknown = types.filter((type) => !isRelType(type));
  if (unknown.length > 0) {
    throw badInput(`Unknown relationship type(s) ${unknown.map((t) => JSON.stringify(t)).join(', ')} in "${field}"; the model has ${RELATIONSHIP_TYPES.join(', ')}.`, field);
  }
  return [...new Set(types as RelType[])];
}

/** Checks an integer argument is within `min..max`; BAD_USER_INPUT restating the contract otherwise. */
export function checkRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`"${field}" must be an integer from ${min} to ${max} (got ${value}).`, field);
  }
  return value;
}

/**
 * Whether node or relationship `v` is illustrative data: its stored `synthetic` flag (set at write time and
 * backfilled at start-up, see db/synthetic.ts); a missing flag reads as false, as in every scope test.
 */
export function syntheticExpression(v: string): string {
  return `coalesce(${v}.synthetic, false)`;
}

/**
 * The one node projection of the subgraph queries (read by `toGraphNode`): only the selected parts are
 * computed. Without properties a node is a list `[id, labels, display text, synthetic]` rather than a map:
 * the driver decodes every map key as a string, and for a 500-node neighbourhood that decoding was a third
 * of the API's work.
 */
export function nodeProjection(v: string, select: SubgraphSelection = FULL_SELECTION): string {
  // Always read: it is a stored flag now (no provenance walk), and `syntheticShare` is worked out from it.
  const synthetic = syntheticExpression(v);
  if (!select.nodeProperties) return `[${v}.id, labels(${v}), coalesce(${DISPLAY_PROPERTIES.map((key) => `${v}.${key}`).join(', ')}), ${synthetic}]`;
  return `{props: properties(${v}), labels: labels(${v}), synthetic: ${synthetic}}`;
}

/** The one relationship projection of the subgraph queries (read by `toGraphEdge`); without properties a list `[source, type, target, synthetic]`. */
export function edgeProjection(a: string, r: string, b: string, select: SubgraphSelection = FULL_SELECTION): string {
  if (!select.edgeProperties) return `[${a}.id, type(${r}), ${b}.id, ${syntheticExpression(r)}]`;
  return `{source: ${a}.id, target: ${b}.id, type: type(${r}), props: properties(${r}), synthetic: ${syntheticExpression(r)}}`;
}
