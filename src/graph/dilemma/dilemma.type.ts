import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf, reachedOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A dilemma front-line employees meet, e.g. "Loslaten of sturen".' })
export class Dilemma extends Node {
  @Field(() => String, { description: 'The dilemma\'s name (in Dutch, as the research names it).' }) name!: string;
  @Field(() => String, { nullable: true, description: 'What the dilemma is, in the source\'s words.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'English gloss of the name.' }) gloss?: string | null;
}

export const DilemmaConnection = connectionOf(Dilemma, 'Dilemma');
export const DilemmaReached = reachedOf(Dilemma, 'Dilemma');
