import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { EmployeeOrderField, type EmployeeWhere } from './employee.input.js';

/** Relationship fields of Employee, each one batched query per request level. */
export const employeeRelations = {
  municipality: { name: 'Employee.municipality', from: 'Employee', to: NodeType.MUNICIPALITY, pattern: '(n)-[:WORKS_AT]->(m)', orderBy: 'name' },
  research: { name: 'Employee.research', from: 'Employee', to: NodeType.RESEARCH, pattern: '(n)-[:INTERVIEWED_FOR]->(m)', orderBy: 'title' },
  practices: { name: 'Employee.practices', from: 'Employee', to: NodeType.PRACTICE, pattern: '(n)-[:USES]->(m)', orderBy: 'name' },
  // The same relationships with their properties, for `practiceUses` only: `practices` need not carry them.
  practiceUses: { name: 'Employee.practiceUses', from: 'Employee', to: NodeType.PRACTICE, pattern: '(n)-[r:USES]->(m)', orderBy: 'name', withRel: true },
  cases: { name: 'Employee.cases', from: 'Employee', to: NodeType.CASE, pattern: '(n)-[:DESCRIBED]->(m)', orderBy: 'title' },
} satisfies Record<string, Relation>;

export const EMPLOYEE_ORDER: Record<EmployeeOrderField, string> = {
  [EmployeeOrderField.PSEUDONYM]: 'pseudonym',
  [EmployeeOrderField.ROLE]: 'role',
};

/** Translates `EmployeeWhere` into conditions over allow-listed properties and patterns. */
export function employeeConditions(where: EmployeeWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.roles) conditions.push({ kind: 'in', property: 'role', values: where.roles });
  if (where.municipalityIds) conditions.push({ kind: 'related', pattern: '(n)-[:WORKS_AT]->(x:Municipality)', ids: where.municipalityIds });
  if (where.practiceIds) conditions.push({ kind: 'related', pattern: '(n)-[:USES]->(x:Practice)', ids: where.practiceIds });
  return conditions;
}
