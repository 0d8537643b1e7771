import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { DilemmaOrder, DilemmaWhere } from './dilemma.input.js';

@ArgsType()
export class DilemmaListArgs extends PageArgs {
  @Field(() => DilemmaWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: DilemmaWhere | null;
  @Field(() => [DilemmaOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: DilemmaOrder[] | null;
}
