import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { PracticeOrder, PracticeWhere } from './practice.input.js';

@ArgsType()
export class PracticeListArgs extends PageArgs {
  @Field(() => PracticeWhere, { nullable: true }) where?: PracticeWhere | null;
  @Field(() => [PracticeOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: PracticeOrder[] | null;
}
