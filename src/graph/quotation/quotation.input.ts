import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { CooccurrenceBasis } from '../../analytics/quotation-cooccurrence.js';
import { NodeWhere, orderInputOf } from '../shared/graphql.js';

@InputType({ description: 'Filters of `quotations`; all given conditions must hold. `nameContains` searches the name (speaker and positions), never the text.' })
export class QuotationWhere extends NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Quotations from one of these interviews (sources).' }) sourceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Quotations said by one of these employees.' }) employeeIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Quotations coded with one of these practices.' }) practiceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Quotations coded with one of these dilemmas.' }) dilemmaIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Quotations coded with one of these conclusions.' }) conclusionIds?: string[] | null;
}

export enum QuotationOrderField {
  NAME = 'NAME',
  START_POSITION = 'START_POSITION',
}
registerEnumType(QuotationOrderField, {
  name: 'QuotationOrderField',
  description: 'What a list can be sorted by (then by id).',
  valuesConfig: { NAME: { description: 'By name.' }, START_POSITION: { description: 'By position in the source text.' } },
});

export const QuotationOrder = orderInputOf('Quotation', QuotationOrderField);
export type QuotationOrder = InstanceType<typeof QuotationOrder>;

registerEnumType(CooccurrenceBasis, {
  name: 'CooccurrenceBasis',
  description: 'What a co-occurrence matrix counts.',
  valuesConfig: {
    CASES: { description: 'Cases linked to both the row and the column node.' },
    QUOTATIONS: { description: 'Quotations coded with both codes, or overlapping quotations of one interview coded with one each (ATLAS.ti\'s code co-occurrence).' },
  },
});

export { CooccurrenceBasis };
