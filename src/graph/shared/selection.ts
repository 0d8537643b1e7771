import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected under `path` of the current field (`['nodes']` for
 * `neighbourhood { nodes { … } }`), through fragments and inline fragments, over every alias of the field.
 * Lets a resolver skip work for parts of its result nobody asked for. Fragments count whatever their type
 * condition, so the set may hold more than will be resolved, never less. `fieldNodes`: another field's
 * nodes than the current one's (a child the resolver looks ahead to).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = [], fieldNodes: readonly FieldNode[] = info.fieldNodes): Set<string> {
  let sets: SelectionSetNode[] = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = sets.flatMap((set) => fieldsOf(info, set).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : [])));
  }
  return new Set(sets.flatMap((set) => fieldsOf(info, set).map((field) => field.name.value)));
}

/**
 * The field nodes of a selection set, through inline fragments and fragment spreads whose type condition
 * `applies` (by default every one).
 */
export function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode, applies: (typeCondition: string | undefined) => boolean = () => true): FieldNode[] {
  return set.selections.flatMap((selection): FieldNode[] => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return applies(selection.typeCondition?.name.value) ? fieldsOf(info, selection.selectionSet, applies) : [];
    const fragment = info.fragments[selection.name.value];
    return fragment && applies(fragment.typeCondition.name.value) ? fieldsOf(info, fragment.selectionSet, applies) : [];
  });
}
