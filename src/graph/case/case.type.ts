import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, description: 'A concrete situation an employee described.' })
export class Case extends Node {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
}

export const CaseConnection = connectionOf(Case, 'Case');
