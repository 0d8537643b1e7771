import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { OrganisationOrder, OrganisationWhere } from './organisation.input.js';

@ArgsType()
export class OrganisationListArgs extends PageArgs {
  @Field(() => OrganisationWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: OrganisationWhere | null;
  @Field(() => [OrganisationOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: OrganisationOrder[] | null;
}
