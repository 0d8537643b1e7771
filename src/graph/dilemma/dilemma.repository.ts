import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { reachedRelation } from '../shared/reached.js';
import { DilemmaOrderField, type DilemmaWhere } from './dilemma.input.js';

/** Relationship fields of Dilemma, each one batched query per request level. */
export const dilemmaRelations = {
  practices: defineRelation('Dilemma.practices', pathOf('Dilemma', [incoming('ADDRESSES')], { to: 'Practice' }), { orderBy: 'name' }),
  cases: defineRelation('Dilemma.cases', pathOf('Dilemma', [incoming('RAISES')], { to: 'Case' }), { orderBy: 'title' }),
  conclusions: defineRelation('Dilemma.conclusions', pathOf('Dilemma', [incoming('CONCERNS')], { to: 'Conclusion' }), { orderBy: 'statement' }),
  meetings: defineRelation('Dilemma.meetings', pathOf('Dilemma', [incoming('DISCUSSED')], { to: 'Meeting' }), { orderBy: 'date' }),
  municipalities: defineRelation('Dilemma.municipalities', pathOf('Dilemma', [incoming('RAISES'), outgoing('IN')], { to: 'Municipality', via: ['Case'] }), { orderBy: 'name', distinct: true }),
};

/** The `…Reached` fields: the relations above that pass other nodes, with their paths counted (kept apart: no look-ahead follows them). */
export const dilemmaReached = {
  municipalities: reachedRelation(dilemmaRelations.municipalities),
};

export const DILEMMA_ORDER: Record<DilemmaOrderField, NodeProperty<NodeType.DILEMMA>> = { [DilemmaOrderField.NAME]: 'name' };

/** Translates `DilemmaWhere` into conditions over allow-listed properties and patterns. */
export function dilemmaConditions(where: DilemmaWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.practiceIds) conditions.push(relatedTo(dilemmaRelations.practices.path, where.practiceIds));
  if (where.municipalityIds) conditions.push(relatedTo(pathOf('Dilemma', [incoming('RAISES'), outgoing('IN')], { to: 'Municipality', via: ['Case'] }), where.municipalityIds));
  if (where.meetingIds) conditions.push(relatedTo(dilemmaRelations.meetings.path, where.meetingIds));
  return conditions;
}
