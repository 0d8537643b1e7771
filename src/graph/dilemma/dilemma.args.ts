import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { DilemmaOrder, DilemmaWhere } from './dilemma.input.js';

@ArgsType()
export class DilemmaListArgs extends PageArgs {
  @Field(() => DilemmaWhere, { nullable: true }) where?: DilemmaWhere | null;
  @Field(() => [DilemmaOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: DilemmaOrder[] | null;
}
