import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { SourceOrder, SourceWhere } from './source.input.js';

@ArgsType()
export class SourceListArgs extends PageArgs {
  @Field(() => SourceWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: SourceWhere | null;
  @Field(() => [SourceOrder], { nullable: true, description: 'Default: by title.' }) orderBy?: SourceOrder[] | null;
}
