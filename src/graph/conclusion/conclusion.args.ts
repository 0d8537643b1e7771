import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { ConclusionOrder, ConclusionWhere } from './conclusion.input.js';

@ArgsType()
export class ConclusionListArgs extends PageArgs {
  @Field(() => ConclusionWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: ConclusionWhere | null;
  @Field(() => [ConclusionOrder], { nullable: true, description: 'Default: by statement.' }) orderBy?: ConclusionOrder[] | null;
}
