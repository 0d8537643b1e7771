import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf, reachedFilterNote } from '../shared/graphql.js';

@InputType({ description: 'Filters of `dilemmas`; all given conditions must hold.' })
export class DilemmaWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Dilemmas one of these practices addresses.' }) practiceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: `Dilemmas raised by cases in one of these municipalities. ${reachedFilterNote('Dilemma.municipalitiesReached')}` }) municipalityIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Dilemmas discussed at one of these meetings.' }) meetingIds?: string[] | null;
}

export enum DilemmaOrderField {
  NAME = 'NAME',
}
registerEnumType(DilemmaOrderField, {
  name: 'DilemmaOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { NAME: { description: 'By name.' } },
});

export const DilemmaOrder = orderInputOf('Dilemma', DilemmaOrderField);
export type DilemmaOrder = InstanceType<typeof DilemmaOrder>;
