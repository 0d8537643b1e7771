import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { QuotationOrder, QuotationWhere } from './quotation.input.js';

@ArgsType()
export class QuotationListArgs extends PageArgs {
  @Field(() => QuotationWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: QuotationWhere | null;
  @Field(() => [QuotationOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: QuotationOrder[] | null;
}
