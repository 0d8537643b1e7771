import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf, reachedFilterNote } from '../shared/graphql.js';

@InputType({ description: 'Filters of `municipalities`; all given conditions must hold.' })
export class MunicipalityWhere extends NodeWhere {
  @Field(() => [String], { nullable: true, description: 'Municipalities in one of these provinces (exact name).' }) provinces?: string[] | null;
  @Field(() => [ID], { nullable: true, description: `Municipalities where one of these practices is used (by employees or in cases). ${reachedFilterNote('Municipality.practicesReached')}` })
  practiceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Municipalities partnering in one of these research programmes.' }) researchIds?: string[] | null;
}

export enum MunicipalityOrderField {
  NAME = 'NAME',
  PROVINCE = 'PROVINCE',
}
registerEnumType(MunicipalityOrderField, {
  name: 'MunicipalityOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { NAME: { description: 'By name.' }, PROVINCE: { description: 'By province.' } },
});

export const MunicipalityOrder = orderInputOf('Municipality', MunicipalityOrderField);
export type MunicipalityOrder = InstanceType<typeof MunicipalityOrder>;
