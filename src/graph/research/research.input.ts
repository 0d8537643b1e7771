import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `researchProgrammes`; all given conditions must hold. `nameContains` searches the title.' })
export class ResearchWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Programmes partnering with one of these municipalities.' }) municipalityIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Programmes led or funded by one of these organisations.' }) organisationIds?: string[] | null;
}

export enum ResearchOrderField {
  TITLE = 'TITLE',
  START_YEAR = 'START_YEAR',
}
registerEnumType(ResearchOrderField, {
  name: 'ResearchOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { TITLE: { description: 'By title.' }, START_YEAR: { description: 'By start year.' } },
});

export const ResearchOrder = orderInputOf('Research', ResearchOrderField);
export type ResearchOrder = InstanceType<typeof ResearchOrder>;
