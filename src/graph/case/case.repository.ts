import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { CaseOrderField, type CaseWhere } from './case.input.js';

/** Relationship fields of Case, each one batched query per request level. */
export const caseRelations = {
  municipality: defineRelation('Case.municipality', pathOf('Case', [outgoing('IN')], { to: 'Municipality' }), { orderBy: 'name' }),
  employees: defineRelation('Case.employees', pathOf('Case', [incoming('DESCRIBED')], { to: 'Employee' }), { orderBy: 'pseudonym' }),
  practices: defineRelation('Case.practices', pathOf('Case', [outgoing('APPLIES')], { to: 'Practice' }), { orderBy: 'name' }),
  dilemmas: defineRelation('Case.dilemmas', pathOf('Case', [outgoing('RAISES')], { to: 'Dilemma' }), { orderBy: 'name' }),
};

export const CASE_ORDER: Record<CaseOrderField, NodeProperty<NodeType.CASE>> = {
  [CaseOrderField.TITLE]: 'title',
  [CaseOrderField.YEAR]: 'year',
};

/** Translates `CaseWhere` into conditions over allow-listed properties and patterns. */
export function caseConditions(where: CaseWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.municipalityIds) conditions.push(relatedTo(caseRelations.municipality.path, where.municipalityIds));
  if (where.practiceIds) conditions.push(relatedTo(caseRelations.practices.path, where.practiceIds));
  if (where.dilemmaIds) conditions.push(relatedTo(caseRelations.dilemmas.path, where.dilemmaIds));
  if (where.employeeIds) conditions.push(relatedTo(caseRelations.employees.path, where.employeeIds));
  if (where.yearFrom != null || where.yearTo != null) {
    conditions.push({ kind: 'range', property: 'year', min: where.yearFrom ?? undefined, max: where.yearTo ?? undefined });
  }
  return conditions;
}
