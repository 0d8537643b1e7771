import { NODE_SPECS, NODE_TYPES, RELATIONSHIP_SPECS, type PropertySpec } from '../model/index.js';

/** The value types an export declares (enums are strings; dates are ISO `YYYY-MM-DD` where the format has no date type). */
export type AttributeType = 'string' | 'integer' | 'boolean' | 'date';

/** One exported property column/attribute. */
export interface Attribute {
  name: string;
  type: AttributeType;
}

function attributesOf(groups: Array<Record<string, PropertySpec>>): Attribute[] {
  const byName = new Map<string, AttributeType>();
  for (const properties of groups) {
    for (const [name, spec] of Object.entries(properties)) {
      const type: AttributeType = spec.type === 'enum' ? 'string' : spec.type;
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
 * Every relationship property of the model, plus SOURCED_FROM's `locator` and the provenance every write
 * records on a relationship: `sourceId` (its Source), `by` and `at` (who wrote it, when).
 */
export const EDGE_ATTRIBUTES: readonly Attribute[] = attributesOf([
  ...RELATIONSHIP_SPECS.map((spec) => spec.properties),
  { locator: { type: 'string', required: false } },
  { sourceId: { type: 'string', required: false }, by: { type: 'string', required: false }, at: { type: 'string', required: false } },
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
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  }
}
