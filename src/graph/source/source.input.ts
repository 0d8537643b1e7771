import { Field, InputType, registerEnumType } from 'type-graphql';
import { SourceKind } from '../shared/enums.js';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `sources`; all given conditions must hold. `nameContains` searches the title.' })
export class SourceWhere extends NodeWhere {
  @Field(() => [SourceKind], { nullable: true }) kinds?: SourceKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only illustrative (true) or only real (false) sources.' }) synthetic?: boolean | null;
}

export enum SourceOrderField {
  TITLE = 'TITLE',
  KIND = 'KIND',
}
registerEnumType(SourceOrderField, { name: 'SourceOrderField' });

export const SourceOrder = orderInputOf('Source', SourceOrderField);
export type SourceOrder = InstanceType<typeof SourceOrder>;
