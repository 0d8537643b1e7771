import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { ResearchOrder, ResearchWhere } from './research.input.js';

@ArgsType()
export class ResearchListArgs extends PageArgs {
  @Field(() => ResearchWhere, { nullable: true }) where?: ResearchWhere | null;
  @Field(() => [ResearchOrder], { nullable: true, description: 'Default: by title.' }) orderBy?: ResearchOrder[] | null;
}
