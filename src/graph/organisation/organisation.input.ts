import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrganisationKind } from '../shared/enums.js';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `organisations`; all given conditions must hold.' })
export class OrganisationWhere extends NodeWhere {
  @Field(() => [OrganisationKind], { nullable: true, description: 'Only these kinds.' }) kinds?: OrganisationKind[] | null;
}

export enum OrganisationOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
}
registerEnumType(OrganisationOrderField, {
  name: 'OrganisationOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { NAME: { description: 'By name.' }, KIND: { description: 'By kind.' } },
});

export const OrganisationOrder = orderInputOf('Organisation', OrganisationOrderField);
export type OrganisationOrder = InstanceType<typeof OrganisationOrder>;
