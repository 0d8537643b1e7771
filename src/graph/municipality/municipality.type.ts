import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A Dutch municipality (gemeente), e.g. one of the research partners.' })
export class Municipality extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) province?: string | null;
}

export const MunicipalityConnection = connectionOf(Municipality, 'Municipality');
