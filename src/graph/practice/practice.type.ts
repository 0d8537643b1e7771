import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { PracticeKind } from '../shared/enums.js';
import { connectionOf, reachedOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A way of working: a mindset, skill, routine or organisational condition.' })
export class Practice extends Node {
  @Field(() => String, { description: 'In the source\'s own (Dutch) wording.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'What the practice is, in the source\'s words.' }) description?: string | null;
  @Field(() => PracticeKind, { nullable: true, description: 'Null when the source does not say what kind of practice it is (the 2018 report never does).' })
  kind?: PracticeKind | null;
  @Field(() => String, { nullable: true, description: 'English gloss of the name.' }) gloss?: string | null;
}

export const PracticeConnection = connectionOf(Practice, 'Practice');
export const PracticeReached = reachedOf(Practice, 'Practice');
