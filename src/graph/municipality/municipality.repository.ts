import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { MunicipalityOrderField, type MunicipalityWhere } from './municipality.input.js';

/** Relationship fields of Municipality, each one batched query per request level. */
export const municipalityRelations = {
  employees: { name: 'Municipality.employees', from: 'Municipality', to: NodeType.EMPLOYEE, pattern: '(n)<-[:WORKS_AT]-(m)', orderBy: 'pseudonym' },
  cases: { name: 'Municipality.cases', from: 'Municipality', to: NodeType.CASE, pattern: '(n)<-[:IN]-(m)', orderBy: 'title' },
  practices: {
    name: 'Municipality.practices', from: 'Municipality', to: NodeType.PRACTICE,
    // Employees WORKS_AT and USES; cases are IN and APPLIES: one pattern covers both routes.
    pattern: '(n)<-[:WORKS_AT|IN]-()-[:USES|APPLIES]->(m)', orderBy: 'name', distinct: true,
  },
  dilemmas: {
    name: 'Municipality.dilemmas', from: 'Municipality', to: NodeType.DILEMMA,
    pattern: '(n)<-[:IN]-(:Case)-[:RAISES]->(m)', orderBy: 'name', distinct: true,
  },
  research: { name: 'Municipality.research', from: 'Municipality', to: NodeType.RESEARCH, pattern: '(n)<-[:PARTNERS_WITH]-(m)', orderBy: 'title' },
  people: { name: 'Municipality.people', from: 'Municipality', to: NodeType.PERSON, pattern: '(n)<-[:AFFILIATED_WITH]-(m)', orderBy: 'name' },
} satisfies Record<string, Relation>;

export const MUNICIPALITY_ORDER: Record<MunicipalityOrderField, string> = {
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
  if (where.practiceIds) conditions.push({ kind: 'related', pattern: '(n)<-[:WORKS_AT|IN]-()-[:USES|APPLIES]->(x:Practice)', ids: where.practiceIds });
  if (where.researchIds) conditions.push({ kind: 'related', pattern: '(n)<-[:PARTNERS_WITH]-(x:Research)', ids: where.researchIds });
  return conditions;
}
