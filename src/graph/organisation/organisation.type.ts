import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { OrganisationKind } from '../shared/enums.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A university, fund, ministry or association.' })
export class Organisation extends Node {
  @Field(() => String) name!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
}

export const OrganisationConnection = connectionOf(Organisation, 'Organisation');
