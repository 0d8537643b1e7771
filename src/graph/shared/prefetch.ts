import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { DataScope, NODE_SPECS, type NodeType } from '../../model/index.js';
import { MAX_PAGE_SIZE } from './graphql.js';
import { projectionOf, type Projection } from './projection.js';
import { pageWindow, relationKey, sourcesOf, type Relation, type Window } from './relation.js';
import { fieldsOf, selectedFields } from './selection.js';

/** A relation a query is going to read from a node, with its window when the field pages. */
export interface RelationLoad {
  relation: Relation;
  window?: Window;
  projection?: Projection;
  /** The field's `scope` argument (ALL when it has none). */
  scope?: DataScope;
  /** The selected field (all its nodes under one response key) and its type: where a look-ahead goes on. */
  fieldNodes?: readonly FieldNode[];
  returnType?: GraphQLOutputType;
}

/**
 * The relations that the fields selected on a node field (`practice(id) { dilemmas cases(first: 10) { … } }`)
 * will load, worked out from the query before those fields are resolved, so the node and its relations
 * can come in one statement. `relations` is the domain's relation table, keyed by field name (as every
 * domain's is); `sources` and `provenance` are added for every type. A paged field counts with the window
 * its resolver will ask for; one whose arguments the resolver would refuse is left out (the resolver then
 * reports the error), as is anything unrecognised: a missed field costs a statement, never a wrong answer.
 */
export function selectedRelations(info: GraphQLResolveInfo, type: NodeType, relations: Record<string, Relation>): RelationLoad[] {
  const objectType = getNamedType(info.returnType);
  if (!isObjectType(objectType)) return [];
  return relationsSelectedIn(info, objectType, info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])), type, relations);
}

/**
 * What `selectedRelations` works out, for the selections `sets` on `objectType` (the object type of node
 * type `type`) anywhere in the query: the look-ahead (`look-ahead.ts`) asks it of nodes a level down.
 */
export function relationsSelectedIn(
  info: GraphQLResolveInfo,
  objectType: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  type: NodeType,
  relations: Record<string, Relation>,
): RelationLoad[] {
  const sources = sourcesOf(NODE_SPECS[type].label);
  const byField: Record<string, Relation> = { ...relations, sources, provenance: sources };
  // Fragments count when they apply to this type: directly, through an interface it implements, or untyped.
  const applies = (condition: string | undefined) =>
    condition === undefined || condition === objectType.name || objectType.getInterfaces().some((iface) => iface.name === condition);
  // Grouped by response key, as graphql-js merges them: the field resolver sees all of a key's nodes.
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const field of sets.flatMap((set) => fieldsOf(info, set, applies))) {
    const key = field.alias?.value ?? field.name.value;
    byResponseKey.set(key, [...(byResponseKey.get(key) ?? []), field]);
  }
  const loads = new Map<string, RelationLoad>();
  for (const fieldNodes of byResponseKey.values()) {
    const field = fieldNodes[0]!;
    const relation = byField[field.name.value];
    const definition = objectType.getFields()[field.name.value];
    if (!relation || !definition) continue;
    let window: Window | undefined;
    let scope = DataScope.ALL;
    if (definition.args.some((arg) => arg.name === 'scope')) {
      try {
        const args = getArgumentValues(definition, field, info.variableValues) as { scope?: DataScope | null };
        scope = args.scope ?? DataScope.ALL;
      } catch {
        continue;
      }
    }
    if (definition.args.some((arg) => arg.name === 'first')) {
      try {
        const args = getArgumentValues(definition, field, info.variableValues) as { first?: unknown; after?: string | null };
        const first = args.first;
        if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) continue;
        window = pageWindow(first, args.after, selectedFields(info, [], fieldNodes).has('totalCount'));
      } catch {
        continue;
      }
    }
    const projection = projectionOf(info, relation.to, fieldNodes, definition.type);
    loads.set(relationKey(relation, window, projection, scope), { relation, window, projection, scope, fieldNodes, returnType: definition.type });
  }
  return [...loads.values()];
}
