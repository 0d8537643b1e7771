import { getNamedType, isObjectType, type FieldNode, type GraphQLOutputType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { NODE_SPECS, type NodeType } from '../../model/index.js';
import { relationsSelectedIn, type RelationLoad } from './prefetch.js';
import type { Relation } from './relation.js';
import { fieldsOf } from './selection.js';

/** Every domain's relation table (`practiceRelations`, …), by node type: what the look-ahead may follow. */
export type RelationTables = Partial<Record<NodeType, Record<string, Relation>>>;

/** A relation the query will read of the nodes a field returns, and what it will read a level further down. */
export interface LookAhead extends RelationLoad {
  then: readonly LookAhead[];
}

/** Deeper than the cost limit lets a nested query go; a level not looked ahead to is loaded on demand. */
const MAX_LEVELS = 6;

/**
 * The relations the query will read of the `target` nodes a field returns (`fieldNodes`, of type
 * `returnType`: a list or single node, or a connection's `edges { node }`), level by level, from the query
 * document alone. A loader that has fetched the field's nodes loads these for all of them at once, before
 * the field resolvers a level down ask, so those resolvers answer from the cache without a promise.
 *
 * Why: graphql-js completes a field that answers with a promise through several more promises, per row.
 * A nested read (bench workload 2: 1,000 employees, their practices, the practices' dilemmas) answered
 * ~5,000 relationship fields that way; the promises and the garbage they leave were most of the API's time
 * (bench/README.md, "Profile"). The statements stay one per level; only their timing moves.
 *
 * Anything it does not recognise (a wrapper type such as `PracticeUse`, an interface) ends the look-ahead
 * there: those fields load on demand, as before. Looking ahead never changes an answer: a page is keyed by
 * everything that tells loads apart (`relationKey`), and a field whose load was not looked ahead to finds
 * nothing in the cache and loads itself.
 */
export function lookAheadOf(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  returnType: GraphQLOutputType,
  target: NodeType,
  tables: RelationTables,
  level = 1,
): LookAhead[] {
  if (level > MAX_LEVELS) return [];
  const sets = nodeSelections(info, fieldNodes, returnType, target);
  const objectType = info.schema.getType(NODE_SPECS[target].label);
  if (!sets || !isObjectType(objectType)) return [];
  return relationsSelectedIn(info, objectType, sets, target, tables[target] ?? {}).map((load) => ({
    ...load,
    then: load.fieldNodes && load.returnType ? lookAheadOf(info, load.fieldNodes, load.returnType, load.relation.to, tables, level + 1) : [],
  }));
}

/**
 * The selections on the `target` nodes of a field: its own when it returns them (as a list or one), those
 * under `edges { node }` when it returns a connection of them; undefined for anything else.
 */
function nodeSelections(info: GraphQLResolveInfo, fieldNodes: readonly FieldNode[], returnType: GraphQLOutputType, target: NodeType): SelectionSetNode[] | undefined {
  const label = NODE_SPECS[target].label;
  const type = getNamedType(returnType);
  let sets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  if (type.name === label) return sets;
  if (!isObjectType(type)) return undefined;
  const edges = type.getFields().edges;
  const edgeType = edges && getNamedType(edges.type);
  const node = edgeType && isObjectType(edgeType) ? edgeType.getFields().node : undefined;
  if (!node || getNamedType(node.type).name !== label) return undefined;
  for (const name of ['edges', 'node']) {
    sets = sets.flatMap((set) => fieldsOf(info, set).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : [])));
  }
  return sets;
}
