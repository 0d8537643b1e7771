import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MeetingKind } from '../shared/enums.js';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `meetings`; all given conditions must hold. `nameContains` searches the title.' })
export class MeetingWhere extends NodeWhere {
  @Field(() => [MeetingKind], { nullable: true, description: 'Only these kinds.' }) kinds?: MeetingKind[] | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'On or after this date.' }) dateFrom?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'On or before this date.' }) dateTo?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Meetings of one of these research programmes.' }) researchIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Meetings that discussed one of these dilemmas.' }) dilemmaIds?: string[] | null;
}

export enum MeetingOrderField {
  DATE = 'DATE',
  TITLE = 'TITLE',
}
registerEnumType(MeetingOrderField, {
  name: 'MeetingOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { DATE: { description: 'By date.' }, TITLE: { description: 'By title.' } },
});

export const MeetingOrder = orderInputOf('Meeting', MeetingOrderField);
export type MeetingOrder = InstanceType<typeof MeetingOrder>;
