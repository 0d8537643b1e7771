import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf, reachedFilterNote } from '../shared/graphql.js';
import { PracticeKind } from '../shared/enums.js';

@InputType({ description: 'Filters of `practices`; all given conditions must hold.' })
export class PracticeWhere extends NodeWhere {
  @Field(() => [PracticeKind], { nullable: true, description: 'Only these kinds.' }) kinds?: PracticeKind[] | null;
  @Field(() => [ID], { nullable: true, description: 'Practices that address one of these dilemmas.' }) dilemmaIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: `Practices used in one of these municipalities (by its employees or in its cases). ${reachedFilterNote('Practice.municipalitiesReached')}` })
  municipalityIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Practices one of these conclusions calls for.' }) conclusionIds?: string[] | null;
}

export enum PracticeOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
}
registerEnumType(PracticeOrderField, {
  name: 'PracticeOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { NAME: { description: 'By name.' }, KIND: { description: 'By kind.' } },
});

export const PracticeOrder = orderInputOf('Practice', PracticeOrderField);
export type PracticeOrder = InstanceType<typeof PracticeOrder>;
