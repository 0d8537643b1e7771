import { Field, InputType, registerEnumType } from 'type-graphql';
import { SourceKind } from '../shared/enums.js';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `sources`; all given conditions must hold. `nameContains` searches the title.' })
export class SourceWhere extends NodeWhere {
  @Field(() => [SourceKind], { nullable: true, description: 'Only these kinds.' }) kinds?: SourceKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only illustrative (true) or only real (false) sources.' }) synthetic?: boolean | null;
}

export enum SourceOrderField {
  TITLE = 'TITLE',
  KIND = 'KIND',
}
registerEnumType(SourceOrderField, {
  name: 'SourceOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { TITLE: { description: 'By title.' }, KIND: { description: 'By kind.' } },
});

export const SourceOrder = orderInputOf('Source', SourceOrderField);
export type SourceOrder = InstanceType<typeof SourceOrder>;
