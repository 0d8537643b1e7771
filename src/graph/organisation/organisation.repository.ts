import { NodeType } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import type { Relation } from '../shared/relation.js';
import { OrganisationOrderField, type OrganisationWhere } from './organisation.input.js';

/** Relationship fields of Organisation, each one batched query per request level. */
export const organisationRelations = {
  researchLed: { name: 'Organisation.researchLed', from: 'Organisation', to: NodeType.RESEARCH, pattern: '(n)<-[:LED_BY]-(m)', orderBy: 'title' },
  researchFunded: { name: 'Organisation.researchFunded', from: 'Organisation', to: NodeType.RESEARCH, pattern: '(n)<-[:FUNDED_BY]-(m)', orderBy: 'title' },
  people: { name: 'Organisation.people', from: 'Organisation', to: NodeType.PERSON, pattern: '(n)<-[:AFFILIATED_WITH]-(m)', orderBy: 'name' },
} satisfies Record<string, Relation>;

export const ORGANISATION_ORDER: Record<OrganisationOrderField, string> = {
  [OrganisationOrderField.NAME]: 'name',
  [OrganisationOrderField.KIND]: 'kind',
};

/** Translates `OrganisationWhere` into conditions over allow-listed properties. */
export function organisationConditions(where: OrganisationWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.kinds) conditions.push({ kind: 'in', property: 'kind', values: where.kinds });
  return conditions;
}
