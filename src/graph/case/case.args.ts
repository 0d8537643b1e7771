import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { CaseOrder, CaseWhere } from './case.input.js';

@ArgsType()
export class CaseListArgs extends PageArgs {
  @Field(() => CaseWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: CaseWhere | null;
  @Field(() => [CaseOrder], { nullable: true, description: 'Default: by title.' }) orderBy?: CaseOrder[] | null;
}
