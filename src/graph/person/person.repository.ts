import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { PersonOrderField, type PersonWhere } from './person.input.js';

/** Relationship fields of Person, each one batched query per request level. */
export const personRelations = {
  research: { name: 'Person.research', from: 'Person', to: NodeType.RESEARCH, pattern: '(n)-[r:RESEARCHES]->(m)', orderBy: 'title', withRel: true },
  organisations: { name: 'Person.organisations', from: 'Person', to: NodeType.ORGANISATION, pattern: '(n)-[:AFFILIATED_WITH]->(m)', orderBy: 'name' },
  municipalities: { name: 'Person.municipalities', from: 'Person', to: NodeType.MUNICIPALITY, pattern: '(n)-[:AFFILIATED_WITH]->(m)', orderBy: 'name' },
  talks: { name: 'Person.talks', from: 'Person', to: NodeType.MEETING, pattern: '(n)-[r:SPOKE_AT]->(m)', orderBy: 'date', withRel: true },
} satisfies Record<string, Relation>;

export const PERSON_ORDER: Record<PersonOrderField, string> = { [PersonOrderField.NAME]: 'name' };

/** Translates `PersonWhere` into conditions over allow-listed properties and patterns. */
export function personConditions(where: PersonWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.affiliationIds) conditions.push({ kind: 'related', pattern: '(n)-[:AFFILIATED_WITH]->(x)', ids: where.affiliationIds });
  if (where.researchIds) conditions.push({ kind: 'related', pattern: '(n)-[:RESEARCHES]->(x:Research)', ids: where.researchIds });
  if (where.meetingIds) conditions.push({ kind: 'related', pattern: '(n)-[:SPOKE_AT]->(x:Meeting)', ids: where.meetingIds });
  return conditions;
}
