import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { PersonOrder, PersonWhere } from './person.input.js';

@ArgsType()
export class PersonListArgs extends PageArgs {
  @Field(() => PersonWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: PersonWhere | null;
  @Field(() => [PersonOrder], { nullable: true, description: 'Default: by name.' }) orderBy?: PersonOrder[] | null;
}
