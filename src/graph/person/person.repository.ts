import { type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { PersonOrderField, type PersonWhere } from './person.input.js';

/** Relationship fields of Person, each one batched query per request level. */
export const personRelations = {
  research: defineRelation('Person.research', pathOf('Person', [outgoing('RESEARCHES')], { to: 'Research' }), { orderBy: 'title', withRel: true }),
  organisations: defineRelation('Person.organisations', pathOf('Person', [outgoing('AFFILIATED_WITH')], { to: 'Organisation' }), { orderBy: 'name' }),
  municipalities: defineRelation('Person.municipalities', pathOf('Person', [outgoing('AFFILIATED_WITH')], { to: 'Municipality' }), { orderBy: 'name' }),
  talks: defineRelation('Person.talks', pathOf('Person', [outgoing('SPOKE_AT')], { to: 'Meeting' }), { orderBy: 'date', withRel: true }),
};

export const PERSON_ORDER: Record<PersonOrderField, NodeProperty<NodeType.PERSON>> = { [PersonOrderField.NAME]: 'name' };

/** Translates `PersonWhere` into conditions over allow-listed properties and patterns. */
export function personConditions(where: PersonWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.affiliationIds) conditions.push(relatedTo(pathOf('Person', [outgoing('AFFILIATED_WITH')]), where.affiliationIds));
  if (where.researchIds) conditions.push(relatedTo(personRelations.research.path, where.researchIds));
  if (where.meetingIds) conditions.push(relatedTo(personRelations.talks.path, where.meetingIds));
  return conditions;
}
