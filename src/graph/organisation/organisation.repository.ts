import { incoming, type NodeProperty, NodeType, pathOf } from '../../model/index.js';
import type { Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { OrganisationOrderField, type OrganisationWhere } from './organisation.input.js';

/** Relationship fields of Organisation, each one batched query per request level. */
export const organisationRelations = {
  researchLed: defineRelation('Organisation.researchLed', pathOf('Organisation', [incoming('LED_BY')], { to: 'Research' }), { orderBy: 'title' }),
  researchFunded: defineRelation('Organisation.researchFunded', pathOf('Organisation', [incoming('FUNDED_BY')], { to: 'Research' }), { orderBy: 'title' }),
  people: defineRelation('Organisation.people', pathOf('Organisation', [incoming('AFFILIATED_WITH')], { to: 'Person' }), { orderBy: 'name' }),
};

export const ORGANISATION_ORDER: Record<OrganisationOrderField, NodeProperty<NodeType.ORGANISATION>> = {
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
