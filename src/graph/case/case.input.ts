import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `cases`; all given conditions must hold. `nameContains` searches the title.' })
export class CaseWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Cases in one of these municipalities.' }) municipalityIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Cases applying one of these practices.' }) practiceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Cases raising one of these dilemmas.' }) dilemmaIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Cases described by one of these employees.' }) employeeIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Year at or after.' }) yearFrom?: number | null;
  @Field(() => Int, { nullable: true, description: 'Year at or before.' }) yearTo?: number | null;
}

export enum CaseOrderField {
  TITLE = 'TITLE',
  YEAR = 'YEAR',
}
registerEnumType(CaseOrderField, {
  name: 'CaseOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { TITLE: { description: 'By title.' }, YEAR: { description: 'By year.' } },
});

export const CaseOrder = orderInputOf('Case', CaseOrderField);
export type CaseOrder = InstanceType<typeof CaseOrder>;
