import { type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { EmployeeOrderField, type EmployeeWhere } from './employee.input.js';

/** Relationship fields of Employee, each one batched query per request level. */
export const employeeRelations = {
  municipality: defineRelation('Employee.municipality', pathOf('Employee', [outgoing('WORKS_AT')], { to: 'Municipality' }), { orderBy: 'name' }),
  research: defineRelation('Employee.research', pathOf('Employee', [outgoing('INTERVIEWED_FOR')], { to: 'Research' }), { orderBy: 'title' }),
  practices: defineRelation('Employee.practices', pathOf('Employee', [outgoing('USES')], { to: 'Practice' }), { orderBy: 'name' }),
  // The same relationships with their properties, for `practiceUses` only: `practices` need not carry them.
  practiceUses: defineRelation('Employee.practiceUses', pathOf('Employee', [outgoing('USES')], { to: 'Practice' }), { orderBy: 'name', withRel: true }),
  cases: defineRelation('Employee.cases', pathOf('Employee', [outgoing('DESCRIBED')], { to: 'Case' }), { orderBy: 'title' }),
};

export const EMPLOYEE_ORDER: Record<EmployeeOrderField, NodeProperty<NodeType.EMPLOYEE>> = {
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
  if (where.municipalityIds) conditions.push(relatedTo(employeeRelations.municipality.path, where.municipalityIds));
  if (where.practiceIds) conditions.push(relatedTo(employeeRelations.practiceUses.path, where.practiceIds));
  return conditions;
}
