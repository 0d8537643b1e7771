import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A conclusion drawn at a meeting.' })
export class Conclusion extends Node {
  @Field(() => String, { description: 'The conclusion, as drawn at the meeting.' }) statement!: string;
  @Field(() => String, { nullable: true, description: 'English gloss of the statement.' }) gloss?: string | null;
}

export const ConclusionConnection = connectionOf(Conclusion, 'Conclusion');
