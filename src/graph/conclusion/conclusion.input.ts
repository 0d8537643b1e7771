import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `conclusions`; all given conditions must hold. `nameContains` searches the statement.' })
export class ConclusionWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Conclusions concerning one of these dilemmas.' }) dilemmaIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Conclusions calling for one of these practices.' }) practiceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Conclusions drawn at one of these meetings.' }) meetingIds?: string[] | null;
}

export enum ConclusionOrderField {
  STATEMENT = 'STATEMENT',
}
registerEnumType(ConclusionOrderField, {
  name: 'ConclusionOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { STATEMENT: { description: 'By statement.' } },
});

export const ConclusionOrder = orderInputOf('Conclusion', ConclusionOrderField);
export type ConclusionOrder = InstanceType<typeof ConclusionOrder>;
