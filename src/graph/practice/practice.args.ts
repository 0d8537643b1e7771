import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { PracticeOrder, PracticeWhere } from './practice.input.js';

@ArgsType()
export class PracticeListArgs extends PageArgs {
  @Field(() => PracticeWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: PracticeWhere | null;
  @Field(() => [PracticeOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: PracticeOrder[] | null;
}
