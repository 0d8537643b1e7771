import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `employees`; all given conditions must hold. `nameContains` searches the pseudonym.' })
export class EmployeeWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Employees of one of these municipalities.' }) municipalityIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Employees who use one of these practices.' }) practiceIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Employees with one of these roles (exact), e.g. "wijkregisseur".' }) roles?: string[] | null;
}

export enum EmployeeOrderField {
  PSEUDONYM = 'PSEUDONYM',
  ROLE = 'ROLE',
}
registerEnumType(EmployeeOrderField, {
  name: 'EmployeeOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { PSEUDONYM: { description: 'By pseudonym.' }, ROLE: { description: 'By role.' } },
});

export const EmployeeOrder = orderInputOf('Employee', EmployeeOrderField);
export type EmployeeOrder = InstanceType<typeof EmployeeOrder>;
