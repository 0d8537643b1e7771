import { neo4jDate } from '../../db/values.js';
import { badInput } from '../../errors.js';
import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { MeetingOrderField, type MeetingWhere } from './meeting.input.js';

/** Relationship fields of Meeting, each one batched query per request level. */
export const meetingRelations = {
  research: defineRelation('Meeting.research', pathOf('Meeting', [outgoing('PART_OF')], { to: 'Research' }), { orderBy: 'title' }),
  dilemmas: defineRelation('Meeting.dilemmas', pathOf('Meeting', [outgoing('DISCUSSED')], { to: 'Dilemma' }), { orderBy: 'name', withRel: true }),
  talks: defineRelation('Meeting.talks', pathOf('Meeting', [incoming('GIVEN_AT')], { to: 'Talk' }), { orderBy: 'title' }),
  conclusions: defineRelation('Meeting.conclusions', pathOf('Meeting', [outgoing('CONCLUDED')], { to: 'Conclusion' }), { orderBy: 'statement' }),
  speakers: defineRelation('Meeting.speakers', pathOf('Meeting', [incoming('SPOKE_AT')], { to: 'Person' }), { orderBy: 'name', withRel: true }),
};

export const MEETING_ORDER: Record<MeetingOrderField, NodeProperty<NodeType.MEETING>> = {
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
    conditions.push({ kind: 'range', property: 'date', min: dateBound(where.dateFrom, 'dateFrom'), max: dateBound(where.dateTo, 'dateTo') });
  }
  if (where.researchIds) conditions.push(relatedTo(meetingRelations.research.path, where.researchIds));
  if (where.dilemmaIds) conditions.push(relatedTo(meetingRelations.dilemmas.path, where.dilemmaIds));
  return conditions;
}

/**
 * A bound of the date filter as a Neo4j Date, undefined when not given. A date `neo4jDate` does not take is
 * refused (BAD_USER_INPUT naming the field), never dropped: a dropped bound would widen the range to every meeting.
 */
function dateBound(value: string | null | undefined, field: 'dateFrom' | 'dateTo') {
  if (value === null || value === undefined) return undefined;
  const date = neo4jDate(value);
  if (!date) throw badInput(`"${field}" must be an ISO date (YYYY-MM-DD) (got "${value.slice(0, 40)}").`, field);
  return date;
}
