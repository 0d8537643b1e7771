import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { reachedRelation } from '../shared/reached.js';
import { MunicipalityOrderField, type MunicipalityWhere } from './municipality.input.js';

/** Relationship fields of Municipality, each one batched query per request level. */
export const municipalityRelations = {
  employees: defineRelation('Municipality.employees', pathOf('Municipality', [incoming('WORKS_AT')], { to: 'Employee' }), { orderBy: 'pseudonym' }),
  cases: defineRelation('Municipality.cases', pathOf('Municipality', [incoming('IN')], { to: 'Case' }), { orderBy: 'title' }),
  practices: defineRelation(
    'Municipality.practices',
    // Employees WORKS_AT and USES; cases are IN and APPLIES: one pattern covers both routes.
    pathOf('Municipality', [incoming('WORKS_AT', 'IN'), outgoing('USES', 'APPLIES')], { to: 'Practice' }),
    { orderBy: 'name', distinct: true },
  ),
  dilemmas: defineRelation('Municipality.dilemmas', pathOf('Municipality', [incoming('IN'), outgoing('RAISES')], { to: 'Dilemma', via: ['Case'] }), { orderBy: 'name', distinct: true }),
  research: defineRelation('Municipality.research', pathOf('Municipality', [incoming('PARTNERS_WITH')], { to: 'Research' }), { orderBy: 'title' }),
  people: defineRelation('Municipality.people', pathOf('Municipality', [incoming('AFFILIATED_WITH')], { to: 'Person' }), { orderBy: 'name' }),
};

/** The `…Reached` fields: the relations above that pass other nodes, with their paths counted (kept apart: no look-ahead follows them). */
export const municipalityReached = {
  practices: reachedRelation(municipalityRelations.practices),
  dilemmas: reachedRelation(municipalityRelations.dilemmas),
};

export const MUNICIPALITY_ORDER: Record<MunicipalityOrderField, NodeProperty<NodeType.MUNICIPALITY>> = {
  [MunicipalityOrderField.NAME]: 'name',
  [MunicipalityOrderField.PROVINCE]: 'province',
};

/** Translates `MunicipalityWhere` into conditions over allow-listed properties and patterns. */
export function municipalityConditions(where: MunicipalityWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.provinces) conditions.push({ kind: 'in', property: 'province', values: where.provinces });
  if (where.practiceIds) conditions.push(relatedTo(municipalityRelations.practices.path, where.practiceIds));
  if (where.researchIds) conditions.push(relatedTo(municipalityRelations.research.path, where.researchIds));
  return conditions;
}
