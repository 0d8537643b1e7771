import { groupIdsByLabel, type Label } from '../model/index.js';
import type { Params } from './database.js';

/**
 * The statement that finds nodes by id across labels: one indexed branch per label (`MATCH (n:Practice)
 * WHERE n.id IN $ids0 … UNION ALL …`), since a label-less `MATCH (n {id: …})` could use no index.
 * Returns `id`, and with `withProperties` also `label` and `props`. Null when there is nothing to find.
 * Labels come from the model (ids with an unknown prefix are left out by `groupIdsByLabel`).
 */
export function idsByLabelQuery(
  ids: readonly string[] | ReadonlyMap<Label, readonly string[]>,
  options: { withProperties?: boolean } = {},
): { cypher: string; params: Params } | null {
  const groups = [...(isMap(ids) ? ids : groupIdsByLabel(ids))].filter(([, group]) => group.length > 0);
  if (groups.length === 0) return null;
  const returned = options.withProperties ? (label: Label) => `RETURN n.id AS id, '${label}' AS label, properties(n) AS props` : () => 'RETURN n.id AS id';
  const cypher = groups.map(([label], i) => `MATCH (n:${label}) WHERE n.id IN $ids${i} ${returned(label)}`).join(' UNION ALL ');
  return { cypher, params: Object.fromEntries(groups.map(([, group], i) => [`ids${i}`, [...group]])) };
}

function isMap(value: readonly string[] | ReadonlyMap<Label, readonly string[]>): value is ReadonlyMap<Label, readonly string[]> {
  return value instanceof Map;
}
