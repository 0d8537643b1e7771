import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

const TEXT_RULE = 'Restricted when `restricted` is true (the default of an import): then null (no error) unless the caller has an editor or admin token.';

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: 'A coded segment of an interview (REFI-QDA `PlainTextSelection`). Only coded text is ever stored, never a whole interview.',
})
export class Quotation extends Node {
  @Field(() => String, { description: 'Who said it and where (`<pseudonym>, <start>–<end>`); never the quoted words.' }) name!: string;
  @Field(() => String, { nullable: true, description: `The quoted words. ${TEXT_RULE}` }) text?: string | null;
  @Field(() => Int, { description: 'First character in the interview\'s plain text (Unicode code points, from 0, inclusive).' }) startPosition!: number;
  @Field(() => Int, { description: 'End in the interview\'s plain text (code points, exclusive).' }) endPosition!: number;
  @Field(() => Boolean, { description: 'The text is confidential: shown to editors and admins only.' }) restricted!: boolean;
}

export const QuotationConnection = connectionOf(Quotation, 'Quotation');
