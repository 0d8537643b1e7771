import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { DilemmaOrderField, type DilemmaWhere } from './dilemma.input.js';

/** Relationship fields of Dilemma, each one batched query per request level. */
export const dilemmaRelations = {
  practices: { name: 'Dilemma.practices', from: 'Dilemma', to: NodeType.PRACTICE, pattern: '(n)<-[:ADDRESSES]-(m)', orderBy: 'name' },
  cases: { name: 'Dilemma.cases', from: 'Dilemma', to: NodeType.CASE, pattern: '(n)<-[:RAISES]-(m)', orderBy: 'title' },
  conclusions: { name: 'Dilemma.conclusions', from: 'Dilemma', to: NodeType.CONCLUSION, pattern: '(n)<-[:CONCERNS]-(m)', orderBy: 'statement' },
  meetings: { name: 'Dilemma.meetings', from: 'Dilemma', to: NodeType.MEETING, pattern: '(n)<-[:DISCUSSED]-(m)', orderBy: 'date' },
  municipalities: {
    name: 'Dilemma.municipalities', from: 'Dilemma', to: NodeType.MUNICIPALITY,
    pattern: '(n)<-[:RAISES]-(:Case)-[:IN]->(m)', orderBy: 'name', distinct: true,
  },
} satisfies Record<string, Relation>;

export const DILEMMA_ORDER: Record<DilemmaOrderField, string> = { [DilemmaOrderField.NAME]: 'name' };

/** Translates `DilemmaWhere` into conditions over allow-listed properties and patterns. */
export function dilemmaConditions(where: DilemmaWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.practiceIds) conditions.push({ kind: 'related', pattern: '(n)<-[:ADDRESSES]-(x:Practice)', ids: where.practiceIds });
  if (where.municipalityIds) conditions.push({ kind: 'related', pattern: '(n)<-[:RAISES]-(:Case)-[:IN]->(x:Municipality)', ids: where.municipalityIds });
  if (where.meetingIds) conditions.push({ kind: 'related', pattern: '(n)<-[:DISCUSSED]-(x:Meeting)', ids: where.meetingIds });
  return conditions;
}
