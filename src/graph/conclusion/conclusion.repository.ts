import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { ConclusionOrderField, type ConclusionWhere } from './conclusion.input.js';

/** Relationship fields of Conclusion, each one batched query per request level. */
export const conclusionRelations = {
  dilemmas: { name: 'Conclusion.dilemmas', from: 'Conclusion', to: NodeType.DILEMMA, pattern: '(n)-[:CONCERNS]->(m)', orderBy: 'name' },
  practices: { name: 'Conclusion.practices', from: 'Conclusion', to: NodeType.PRACTICE, pattern: '(n)-[:CALLS_FOR]->(m)', orderBy: 'name' },
  meetings: { name: 'Conclusion.meetings', from: 'Conclusion', to: NodeType.MEETING, pattern: '(n)<-[:CONCLUDED]-(m)', orderBy: 'date' },
} satisfies Record<string, Relation>;

export const CONCLUSION_ORDER: Record<ConclusionOrderField, string> = { [ConclusionOrderField.STATEMENT]: 'statement' };

/** Translates `ConclusionWhere` into conditions over allow-listed properties and patterns. */
export function conclusionConditions(where: ConclusionWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.dilemmaIds) conditions.push({ kind: 'related', pattern: '(n)-[:CONCERNS]->(x:Dilemma)', ids: where.dilemmaIds });
  if (where.practiceIds) conditions.push({ kind: 'related', pattern: '(n)-[:CALLS_FOR]->(x:Practice)', ids: where.practiceIds });
  if (where.meetingIds) conditions.push({ kind: 'related', pattern: '(n)<-[:CONCLUDED]-(x:Meeting)', ids: where.meetingIds });
  return conditions;
}
