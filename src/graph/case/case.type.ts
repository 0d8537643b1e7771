import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A concrete situation an employee described.' })
export class Case extends Node {
  @Field(() => String, { description: 'A short title of the case.' }) title!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Restricted when `restricted` is true: then null (no error) unless the caller has an editor or admin token.',
  })
  summary?: string | null;
  @Field(() => Int, { nullable: true, description: 'The year the case took place, when known.' }) year?: number | null;
  @Field(() => Boolean, { description: 'The summary is confidential: shown to editors and admins only.' }) restricted!: boolean;
}

export const CaseConnection = connectionOf(Case, 'Case');
