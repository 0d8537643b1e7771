import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf, reachedOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A Dutch municipality (gemeente), e.g. one of the research partners.' })
export class Municipality extends Node {
  @Field(() => String, { description: 'The municipality\'s name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The province it lies in.' }) province?: string | null;
}

export const MunicipalityConnection = connectionOf(Municipality, 'Municipality');
export const MunicipalityReached = reachedOf(Municipality, 'Municipality');
