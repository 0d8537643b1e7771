import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { MunicipalityOrder, MunicipalityWhere } from './municipality.input.js';

@ArgsType()
export class MunicipalityListArgs extends PageArgs {
  @Field(() => MunicipalityWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: MunicipalityWhere | null;
  @Field(() => [MunicipalityOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: MunicipalityOrder[] | null;
}
