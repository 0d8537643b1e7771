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
registerEnumType(ResearchOrderField, { name: 'ResearchOrderField' });

export const ResearchOrder = orderInputOf('Research', ResearchOrderField);
export type ResearchOrder = InstanceType<typeof ResearchOrder>;
