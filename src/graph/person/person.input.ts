import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `people`; all given conditions must hold.' })
export class PersonWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'People affiliated with one of these organisations or municipalities.' })
  affiliationIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'People researching one of these programmes.' }) researchIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'People who spoke at one of these meetings.' }) meetingIds?: string[] | null;
}

export enum PersonOrderField {
  NAME = 'NAME',
}
registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { NAME: { description: 'By name.' } },
});

export const PersonOrder = orderInputOf('Person', PersonOrderField);
export type PersonOrder = InstanceType<typeof PersonOrder>;
