import { NodeType, type NodeProperty } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import { SourceOrderField, type SourceWhere } from './source.input.js';

export const SOURCE_ORDER: Record<SourceOrderField, NodeProperty<NodeType.SOURCE>> = {
  [SourceOrderField.TITLE]: 'title',
  [SourceOrderField.KIND]: 'kind',
};

/** Translates `SourceWhere` into conditions over allow-listed properties. */
export function sourceConditions(where: SourceWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.kinds) conditions.push({ kind: 'in', property: 'kind', values: where.kinds });
  if (where.synthetic != null) conditions.push({ kind: 'in', property: 'synthetic', values: [where.synthetic] });
  return conditions;
}
