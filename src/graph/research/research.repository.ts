import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { ResearchOrderField, type ResearchWhere } from './research.input.js';

/** Relationship fields of Research, each one batched query per request level. */
export const researchRelations = {
  ledBy: { name: 'Research.ledBy', from: 'Research', to: NodeType.ORGANISATION, pattern: '(n)-[:LED_BY]->(m)', orderBy: 'name' },
  fundedBy: { name: 'Research.fundedBy', from: 'Research', to: NodeType.ORGANISATION, pattern: '(n)-[:FUNDED_BY]->(m)', orderBy: 'name' },
  partners: { name: 'Research.partners', from: 'Research', to: NodeType.MUNICIPALITY, pattern: '(n)-[:PARTNERS_WITH]->(m)', orderBy: 'name' },
  researchers: { name: 'Research.researchers', from: 'Research', to: NodeType.PERSON, pattern: '(n)<-[r:RESEARCHES]-(m)', orderBy: 'name', withRel: true },
  meetings: { name: 'Research.meetings', from: 'Research', to: NodeType.MEETING, pattern: '(n)<-[:PART_OF]-(m)', orderBy: 'date' },
  employees: { name: 'Research.employees', from: 'Research', to: NodeType.EMPLOYEE, pattern: '(n)<-[:INTERVIEWED_FOR]-(m)', orderBy: 'pseudonym' },
} satisfies Record<string, Relation>;

export const RESEARCH_ORDER: Record<ResearchOrderField, string> = {
  [ResearchOrderField.TITLE]: 'title',
  [ResearchOrderField.START_YEAR]: 'startYear',
};

/** Translates `ResearchWhere` into conditions over allow-listed properties and patterns. */
export function researchConditions(where: ResearchWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.municipalityIds) conditions.push({ kind: 'related', pattern: '(n)-[:PARTNERS_WITH]->(x:Municipality)', ids: where.municipalityIds });
  if (where.organisationIds) conditions.push({ kind: 'related', pattern: '(n)-[:LED_BY|FUNDED_BY]->(x:Organisation)', ids: where.organisationIds });
  return conditions;
}
