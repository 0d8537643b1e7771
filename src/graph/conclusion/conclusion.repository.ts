import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { ConclusionOrderField, type ConclusionWhere } from './conclusion.input.js';

/** Relationship fields of Conclusion, each one batched query per request level. */
export const conclusionRelations = {
  dilemmas: defineRelation('Conclusion.dilemmas', pathOf('Conclusion', [outgoing('CONCERNS')], { to: 'Dilemma' }), { orderBy: 'name' }),
  practices: defineRelation('Conclusion.practices', pathOf('Conclusion', [outgoing('CALLS_FOR')], { to: 'Practice' }), { orderBy: 'name' }),
  meetings: defineRelation('Conclusion.meetings', pathOf('Conclusion', [incoming('CONCLUDED')], { to: 'Meeting' }), { orderBy: 'date' }),
};

export const CONCLUSION_ORDER: Record<ConclusionOrderField, NodeProperty<NodeType.CONCLUSION>> = { [ConclusionOrderField.STATEMENT]: 'statement' };

/** Translates `ConclusionWhere` into conditions over allow-listed properties and patterns. */
export function conclusionConditions(where: ConclusionWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.dilemmaIds) conditions.push(relatedTo(conclusionRelations.dilemmas.path, where.dilemmaIds));
  if (where.practiceIds) conditions.push(relatedTo(conclusionRelations.practices.path, where.practiceIds));
  if (where.meetingIds) conditions.push(relatedTo(conclusionRelations.meetings.path, where.meetingIds));
  return conditions;
}
