import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A research programme.' })
export class Research extends Node {
  @Field(() => String) title!: string;
  @Field(() => String) institution!: string;
  @Field(() => Int, { nullable: true }) startYear?: number | null;
}

export const ResearchConnection = connectionOf(Research, 'Research');
