import { getNamedType, isLeafType, isObjectType, type FieldNode, type GraphQLNamedType, type GraphQLOutputType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { NODE_SPECS, NODE_TYPES, NodeType, specOfLabel } from '../../model/index.js';
import { fieldsOf } from './selection.js';

/**
 * The properties to fetch of the nodes a relationship field returns: the sorted names (always with `id`),
 * or `undefined` for all of them. Relation loads took every property of every node (a practice's
 * description, a case's summary) for queries that show a name (bench workload 2: 399 → 253 KB from Neo4j).
 *
 * A partial record must never answer a selection it was not fetched for: the projection is part of the
 * loader's cache key, and partial records are never put in the `node` loader (whose records are whole).
 */
export type Projection = readonly string[] | undefined;

/**
 * Field resolvers that read more properties than the one they are named after, or (computed fields)
 * which properties they read: none but `id`, always fetched.
 */
const READS: Partial<Record<NodeType, Record<string, readonly string[]>>> = {
  // A reader sees a case's summary only when it is not restricted.
  [NodeType.CASE]: { summary: ['summary', 'restricted'] },
  [NodeType.QUOTATION]: { text: ['text', 'restricted'] },
  // Counted from the id and the link the record was reached through (graph/quotation/quotation.links.ts).
  [NodeType.PRACTICE]: { linkQuotationCount: [], syntheticLinkQuotationCount: [] },
  [NodeType.DILEMMA]: { linkQuotationCount: [], syntheticLinkQuotationCount: [] },
};

/** Deeper than any query the cost limit lets through a wrapper chain; past it, fetch everything. */
const MAX_DEPTH = 8;

// Per field of a query document, per target type (one field can hold several: `similarMunicipalities`
// returns municipalities and practices).
const cache = new WeakMap<readonly FieldNode[], Map<NodeType, Projection>>();

/**
 * The projection for the nodes of `target` a field returns, read from its selection: through connections
 * (`edges { node }`, `nodes`) and relationship wrappers (`PracticeUse`, `Provenance`). By default the field
 * is the one being resolved; `fieldNodes` and `returnType` name a child field looked ahead to. The answer
 * depends only on the query document, and graphql-js hands every row of a list the same `fieldNodes`, so
 * it is worked out once per field of a query.
 */
export function projectionOf(
  info: GraphQLResolveInfo,
  target: NodeType,
  fieldNodes: readonly FieldNode[] = info.fieldNodes,
  returnType: GraphQLOutputType = info.returnType,
): Projection {
  let byTarget = cache.get(fieldNodes);
  if (!byTarget) cache.set(fieldNodes, (byTarget = new Map()));
  if (byTarget.has(target)) return byTarget.get(target);
  const properties = new Set<string>(['id']);
  const sets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const projection = collect(info, target, getNamedType(returnType), sets, properties, 0) ? [...properties].sort() : undefined;
  byTarget.set(target, projection);
  return projection;
}

// Per field of a query document, per child field whose type is abstract (`SearchHit.node: Node`).
const anyCache = new WeakMap<readonly FieldNode[], Map<string, Projection>>();

/**
 * The projection for the nodes an interface-typed child field returns (`search { node { … } }`), whatever
 * their type: the union over every node type of what the selection reads of a node of that type (its
 * fragments included), or undefined (all) when any type's is unknown. A node is sent the properties other
 * types read too; they are absent on it (Neo4j gives null), and the caller leaves them out.
 */
export function projectionOfAnyNode(info: GraphQLResolveInfo, childField: string): Projection {
  let byChild = anyCache.get(info.fieldNodes);
  if (!byChild) anyCache.set(info.fieldNodes, (byChild = new Map()));
  if (byChild.has(childField)) return byChild.get(childField);
  const children = info.fieldNodes.flatMap((node) => (node.selectionSet ? fieldsOf(info, node.selectionSet) : [])).filter((field) => field.name.value === childField);
  const sets = children.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  const properties = new Set<string>(['id']);
  let known = true;
  for (const type of NODE_TYPES) {
    const objectType = info.schema.getType(NODE_SPECS[type].label);
    if (!objectType || !collect(info, type, objectType, sets, properties, 0)) known = false;
  }
  const projection = known ? [...properties].sort() : undefined;
  byChild.set(childField, projection);
  return projection;
}

/**
 * Adds to `properties` what the selections `sets` on `type` read of `target` nodes. Returns false when it
 * cannot tell (a computed scalar it does not know, an abstract type that may be `target`): then the caller
 * fetches every property.
 */
function collect(info: GraphQLResolveInfo, target: NodeType, type: GraphQLNamedType, sets: SelectionSetNode[], properties: Set<string>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // An interface or union might be `target`: a field that returns one is not followed.
  if (!isObjectType(type)) return false;
  const spec = specOfLabel(type.name);
  const atTarget = spec?.type === target;
  // Another node type's fields are resolved from its own record, loaded by id.
  if (spec && !atTarget) return true;
  for (const field of sets.flatMap((set) => fieldsOf(info, set))) {
    const name = field.name.value;
    if (name === '__typename') continue;
    const definition = type.getFields()[name];
    if (!definition) continue;
    const fieldType = getNamedType(definition.type);
    if (atTarget && (name === 'id' || name === 'synthetic' || Object.hasOwn(NODE_SPECS[target].properties, name) || Object.hasOwn(READS[target] ?? {}, name))) {
      for (const property of READS[target]?.[name] ?? [name]) properties.add(property);
    } else if (isLeafType(fieldType)) {
      // A computed scalar of a target node: what it reads is not known here.
      if (atTarget) return false;
    } else if (field.selectionSet && !collect(info, target, fieldType, [field.selectionSet], properties, depth + 1)) {
      // Connections and wrappers lead to target nodes; a wrapper under a target node can lead back to it
      // (`Practice.usedBy { practice }` is the practice itself).
      return false;
    }
  }
  return true;
}
