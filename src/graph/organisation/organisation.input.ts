import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrganisationKind } from '../shared/enums.js';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `organisations`; all given conditions must hold.' })
export class OrganisationWhere extends NodeWhere {
  @Field(() => [OrganisationKind], { nullable: true }) kinds?: OrganisationKind[] | null;
}

export enum OrganisationOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
}
registerEnumType(OrganisationOrderField, { name: 'OrganisationOrderField' });

export const OrganisationOrder = orderInputOf('Organisation', OrganisationOrderField);
export type OrganisationOrder = InstanceType<typeof OrganisationOrder>;
