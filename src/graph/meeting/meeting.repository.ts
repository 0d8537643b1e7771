import { neo4jDate } from '../../db/values.js';
import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { MeetingOrderField, type MeetingWhere } from './meeting.input.js';

/** Relationship fields of Meeting, each one batched query per request level. */
export const meetingRelations = {
  research: { name: 'Meeting.research', from: 'Meeting', to: NodeType.RESEARCH, pattern: '(n)-[:PART_OF]->(m)', orderBy: 'title' },
  dilemmas: { name: 'Meeting.dilemmas', from: 'Meeting', to: NodeType.DILEMMA, pattern: '(n)-[:DISCUSSED]->(m)', orderBy: 'name' },
  conclusions: { name: 'Meeting.conclusions', from: 'Meeting', to: NodeType.CONCLUSION, pattern: '(n)-[:CONCLUDED]->(m)', orderBy: 'statement' },
  speakers: { name: 'Meeting.speakers', from: 'Meeting', to: NodeType.PERSON, pattern: '(n)<-[r:SPOKE_AT]-(m)', orderBy: 'name', withRel: true },
} satisfies Record<string, Relation>;

export const MEETING_ORDER: Record<MeetingOrderField, string> = {
  [MeetingOrderField.DATE]: 'date',
  [MeetingOrderField.TITLE]: 'title',
};

/** Translates `MeetingWhere` into conditions over allow-listed properties and patterns. */
export function meetingConditions(where: MeetingWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.kinds) conditions.push({ kind: 'in', property: 'kind', values: where.kinds });
  if (where.dateFrom || where.dateTo) {
    conditions.push({ kind: 'range', property: 'date', min: neo4jDate(where.dateFrom), max: neo4jDate(where.dateTo) });
  }
  if (where.researchIds) conditions.push({ kind: 'related', pattern: '(n)-[:PART_OF]->(x:Research)', ids: where.researchIds });
  if (where.dilemmaIds) conditions.push({ kind: 'related', pattern: '(n)-[:DISCUSSED]->(x:Dilemma)', ids: where.dilemmaIds });
  return conditions;
}
