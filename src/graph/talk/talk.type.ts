import { Field, ObjectType } from 'type-graphql';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Node } from '../node/node.type.js';
import { Practice } from '../practice/practice.type.js';
import { connectionOf } from '../shared/graphql.js';
import { INFERRED_DESCRIPTION, NOTE_DESCRIPTION } from '../shared/link.type.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A talk given at a meeting (e.g. the report\'s "inleiding"): who gave it, where, and the practices it named.' })
export class Talk extends Node {
  @Field(() => String, { description: 'The title or subject, in the source\'s words.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Its main point, in the source\'s words.' }) mainPoint?: string | null;
}

export const TalkConnection = connectionOf(Talk, 'Talk');

@ObjectType({ description: 'A practice a talk named (NAMES), with the point it made about it.' })
export class TalkPoint {
  @Field(() => Practice, { description: 'The practice the point is about, when it names one.' }) practice!: Practice;
  @Field(() => String, { nullable: true, description: 'The point, in the source\'s words.' }) point?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the source states it (e.g. "alinea 4").' }) locator?: string | null;
  @Field(() => Boolean, { description: INFERRED_DESCRIPTION }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: NOTE_DESCRIPTION }) note?: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}

@ObjectType({ description: 'A working group of a meeting and the dilemma it discussed (DISCUSSED with `workingGroup: true`).' })
export class WorkingGroup {
  @Field(() => Dilemma, { description: 'The dilemma the working group discussed.' }) dilemma!: Dilemma;
  @Field(() => String, { nullable: true, description: 'Where the source states it (e.g. "alinea 5").' }) locator?: string | null;
  @Field(() => Boolean, { description: INFERRED_DESCRIPTION }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: NOTE_DESCRIPTION }) note?: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}
