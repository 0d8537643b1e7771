import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { PracticeOrderField, type PracticeWhere } from './practice.input.js';

/** Relationship fields of Practice, each one batched query per request level. */
export const practiceRelations = {
  dilemmas: { name: 'Practice.dilemmas', from: 'Practice', to: NodeType.DILEMMA, pattern: '(n)-[:ADDRESSES]->(m)', orderBy: 'name' },
  usedBy: { name: 'Practice.usedBy', from: 'Practice', to: NodeType.EMPLOYEE, pattern: '(n)<-[r:USES]-(m)', orderBy: 'pseudonym', withRel: true },
  cases: { name: 'Practice.cases', from: 'Practice', to: NodeType.CASE, pattern: '(n)<-[:APPLIES]-(m)', orderBy: 'title' },
  conclusions: { name: 'Practice.conclusions', from: 'Practice', to: NodeType.CONCLUSION, pattern: '(n)<-[:CALLS_FOR]-(m)', orderBy: 'statement' },
  municipalities: {
    name: 'Practice.municipalities', from: 'Practice', to: NodeType.MUNICIPALITY,
    pattern: '(n)<-[:USES|APPLIES]-()-[:WORKS_AT|IN]->(m)', orderBy: 'name', distinct: true,
  },
} satisfies Record<string, Relation>;

export const PRACTICE_ORDER: Record<PracticeOrderField, string> = {
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
  if (where.dilemmaIds) conditions.push({ kind: 'related', pattern: '(n)-[:ADDRESSES]->(x:Dilemma)', ids: where.dilemmaIds });
  if (where.conclusionIds) conditions.push({ kind: 'related', pattern: '(n)<-[:CALLS_FOR]-(x:Conclusion)', ids: where.conclusionIds });
  if (where.municipalityIds) {
    conditions.push({ kind: 'related', pattern: '(n)<-[:USES|APPLIES]-()-[:WORKS_AT|IN]->(x:Municipality)', ids: where.municipalityIds });
  }
  return conditions;
}
