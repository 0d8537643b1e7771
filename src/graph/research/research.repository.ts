import { incoming, type NodeProperty, NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { ResearchOrderField, type ResearchWhere } from './research.input.js';

/** Relationship fields of Research, each one batched query per request level. */
export const researchRelations = {
  ledBy: defineRelation('Research.ledBy', pathOf('Research', [outgoing('LED_BY')], { to: 'Organisation' }), { orderBy: 'name' }),
  fundedBy: defineRelation('Research.fundedBy', pathOf('Research', [outgoing('FUNDED_BY')], { to: 'Organisation' }), { orderBy: 'name' }),
  fundingMunicipalities: defineRelation('Research.fundingMunicipalities', pathOf('Research', [outgoing('FUNDED_BY')], { to: 'Municipality' }), { orderBy: 'name' }),
  contacts: defineRelation('Research.contacts', pathOf('Research', [outgoing('HAS_CONTACT')], { to: 'Person' }), { orderBy: 'name' }),
  partners: defineRelation('Research.partners', pathOf('Research', [outgoing('PARTNERS_WITH')], { to: 'Municipality' }), { orderBy: 'name' }),
  researchers: defineRelation('Research.researchers', pathOf('Research', [incoming('RESEARCHES')], { to: 'Person' }), { orderBy: 'name', withRel: true }),
  meetings: defineRelation('Research.meetings', pathOf('Research', [incoming('PART_OF')], { to: 'Meeting' }), { orderBy: 'date' }),
  employees: defineRelation('Research.employees', pathOf('Research', [incoming('INTERVIEWED_FOR')], { to: 'Employee' }), { orderBy: 'pseudonym' }),
};

export const RESEARCH_ORDER: Record<ResearchOrderField, NodeProperty<NodeType.RESEARCH>> = {
  [ResearchOrderField.TITLE]: 'title',
  [ResearchOrderField.START_YEAR]: 'startYear',
};

/** Translates `ResearchWhere` into conditions over allow-listed properties and patterns. */
export function researchConditions(where: ResearchWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.municipalityIds) conditions.push(relatedTo(researchRelations.partners.path, where.municipalityIds));
  if (where.organisationIds) conditions.push(relatedTo(pathOf('Research', [outgoing('LED_BY', 'FUNDED_BY')], { to: 'Organisation' }), where.organisationIds));
  return conditions;
}
