import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { EmployeeOrder, EmployeeWhere } from './employee.input.js';

@ArgsType()
export class EmployeeListArgs extends PageArgs {
  @Field(() => EmployeeWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: EmployeeWhere | null;
  @Field(() => [EmployeeOrder], { nullable: true, description: 'Default: by pseudonym.' }) orderBy?: EmployeeOrder[] | null;
}
