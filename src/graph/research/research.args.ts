import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { ResearchOrder, ResearchWhere } from './research.input.js';

@ArgsType()
export class ResearchListArgs extends PageArgs {
  @Field(() => ResearchWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: ResearchWhere | null;
  @Field(() => [ResearchOrder], { nullable: true, description: 'Default: by title.' }) orderBy?: ResearchOrder[] | null;
}
