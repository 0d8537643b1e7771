import { NODE_SPECS, NODE_TYPES, RELATIONSHIP_PROVENANCE, RELATIONSHIP_SPECS, type PropertySpec } from '../model/index.js';
import type { NodeMetricValues } from '../analytics/index.js';
import { UnreachableCaseError } from '../errors.js';

/** The value types an export declares (enums are strings; dates are ISO `YYYY-MM-DD` where the format has no date type). */
export type AttributeType = 'string' | 'integer' | 'double' | 'boolean' | 'date';

/** One exported property column/attribute. */
export interface Attribute {
  name: string;
  type: AttributeType;
}

function attributesOf(groups: Array<Record<string, PropertySpec>>): Attribute[] {
  const byName = new Map<string, AttributeType>();
  for (const properties of groups) {
    for (const [name, spec] of Object.entries(properties)) {
      // A list is exported as text: its items as a JSON array (what the CSV import reads back).
      const type: AttributeType = spec.type === 'enum' || spec.type === 'stringList' ? 'string' : spec.type;
      const known = byName.get(name);
      // Two labels giving one name different types: text holds both.
      byName.set(name, known === undefined || known === type ? type : 'string');
    }
  }
  return [...byName].map(([name, type]) => ({ name, type }));
}

/**
 * Every node property of the model, once, in model order: the property columns of nodes.csv and the
 * attributes of the other formats. Properties outside the model are not exported (the formats declare
 * their attributes before the first node, and a stream cannot look ahead).
 */
export const NODE_ATTRIBUTES: readonly Attribute[] = attributesOf(NODE_TYPES.map((type) => NODE_SPECS[type].properties));

/**
 * Every relationship property of the model, plus SOURCED_FROM's `locator`, the provenance every write
 * records on a relationship: `sourceId` (its Source), `by` and `at` (who wrote it, when), and `synthetic`.
 */
export const EDGE_ATTRIBUTES: readonly Attribute[] = attributesOf([
  ...RELATIONSHIP_SPECS.map((spec) => spec.properties),
  // Where in its source a relationship is stated, or that it is inferred and why (SOURCED_FROM's `locator` too).
  RELATIONSHIP_PROVENANCE,
  { sourceId: { type: 'string', required: false }, by: { type: 'string', required: false }, at: { type: 'string', required: false } },
  // Every edge says whether it is made up (its source is synthetic), true or false, never empty.
  { synthetic: { type: 'boolean', required: true } },
]);

/**
 * A property value as its declared type, or undefined when it is absent or does not fit (a value that
 * does not fit its declaration would make typed readers such as networkx or Gephi reject the file).
 */
export function typedValue(value: unknown, type: AttributeType): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
    case 'string':
      if (Array.isArray(value)) return JSON.stringify(value);
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    default:
      throw new UnreachableCaseError(type);
  }
}

/**
 * The network measures every exported node carries, after its properties (see analytics/network-metrics.ts):
 * so Gephi and Cytoscape open a file ready to size by PageRank and colour by community.
 */
export const METRIC_ATTRIBUTES: ReadonlyArray<Attribute & { name: keyof NodeMetricValues }> = [
  { name: 'degree', type: 'integer' },
  { name: 'inDegree', type: 'integer' },
  { name: 'outDegree', type: 'integer' },
  { name: 'betweenness', type: 'double' },
  { name: 'pageRank', type: 'double' },
  { name: 'community', type: 'integer' },
];

/** A node's measures as attribute values; none when the export has no measures (over the node cap). */
export function metricValues(metrics: NodeMetricValues | undefined): Array<[Attribute, number]> {
  return metrics ? METRIC_ATTRIBUTES.map((attribute) => [attribute, metrics[attribute.name]]) : [];
}
