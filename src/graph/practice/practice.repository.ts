import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { reachedRelation } from '../shared/reached.js';
import { PracticeOrderField, type PracticeWhere } from './practice.input.js';

/** Relationship fields of Practice, each one batched query per request level. */
export const practiceRelations = {
  dilemmas: defineRelation('Practice.dilemmas', pathOf('Practice', [outgoing('ADDRESSES')], { to: 'Dilemma' }), { orderBy: 'name' }),
  usedBy: defineRelation('Practice.usedBy', pathOf('Practice', [incoming('USES')], { to: 'Employee' }), { orderBy: 'pseudonym', withRel: true }),
  cases: defineRelation('Practice.cases', pathOf('Practice', [incoming('APPLIES')], { to: 'Case' }), { orderBy: 'title' }),
  conclusions: defineRelation('Practice.conclusions', pathOf('Practice', [incoming('CALLS_FOR')], { to: 'Conclusion' }), { orderBy: 'statement' }),
  municipalities: defineRelation('Practice.municipalities', pathOf('Practice', [incoming('USES', 'APPLIES'), outgoing('WORKS_AT', 'IN')], { to: 'Municipality' }), { orderBy: 'name', distinct: true }),
};

/** The `…Reached` fields: the relations above that pass other nodes, with their paths counted (kept apart: no look-ahead follows them). */
export const practiceReached = {
  municipalities: reachedRelation(practiceRelations.municipalities),
};

export const PRACTICE_ORDER: Record<PracticeOrderField, NodeProperty<NodeType.PRACTICE>> = {
  [PracticeOrderField.NAME]: 'name',
  [PracticeOrderField.KIND]: 'kind',
};

/** Translates `PracticeWhere` into conditions over allow-listed properties and patterns. */
export function practiceConditions(where: PracticeWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.kinds) conditions.push({ kind: 'in', property: 'kind', values: where.kinds });
  if (where.dilemmaIds) conditions.push(relatedTo(practiceRelations.dilemmas.path, where.dilemmaIds));
  if (where.conclusionIds) conditions.push(relatedTo(practiceRelations.conclusions.path, where.conclusionIds));
  if (where.municipalityIds) {
    conditions.push(relatedTo(practiceRelations.municipalities.path, where.municipalityIds));
  }
  return conditions;
}
