import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { CaseOrderField, type CaseWhere } from './case.input.js';

/** Relationship fields of Case, each one batched query per request level. */
export const caseRelations = {
  municipality: { name: 'Case.municipality', from: 'Case', to: NodeType.MUNICIPALITY, pattern: '(n)-[:IN]->(m)', orderBy: 'name' },
  employees: { name: 'Case.employees', from: 'Case', to: NodeType.EMPLOYEE, pattern: '(n)<-[:DESCRIBED]-(m)', orderBy: 'pseudonym' },
  practices: { name: 'Case.practices', from: 'Case', to: NodeType.PRACTICE, pattern: '(n)-[:APPLIES]->(m)', orderBy: 'name' },
  dilemmas: { name: 'Case.dilemmas', from: 'Case', to: NodeType.DILEMMA, pattern: '(n)-[:RAISES]->(m)', orderBy: 'name' },
} satisfies Record<string, Relation>;

export const CASE_ORDER: Record<CaseOrderField, string> = {
  [CaseOrderField.TITLE]: 'title',
  [CaseOrderField.YEAR]: 'year',
};

/** Translates `CaseWhere` into conditions over allow-listed properties and patterns. */
export function caseConditions(where: CaseWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.municipalityIds) conditions.push({ kind: 'related', pattern: '(n)-[:IN]->(x:Municipality)', ids: where.municipalityIds });
  if (where.practiceIds) conditions.push({ kind: 'related', pattern: '(n)-[:APPLIES]->(x:Practice)', ids: where.practiceIds });
  if (where.dilemmaIds) conditions.push({ kind: 'related', pattern: '(n)-[:RAISES]->(x:Dilemma)', ids: where.dilemmaIds });
  if (where.employeeIds) conditions.push({ kind: 'related', pattern: '(n)<-[:DESCRIBED]-(x:Employee)', ids: where.employeeIds });
  if (where.yearFrom != null || where.yearTo != null) {
    conditions.push({ kind: 'range', property: 'year', min: where.yearFrom ?? undefined, max: where.yearTo ?? undefined });
  }
  return conditions;
}
