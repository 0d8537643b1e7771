import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { OrganisationKind } from '../shared/enums.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A university, fund, ministry or association.' })
export class Organisation extends Node {
  @Field(() => String, { description: 'The organisation\'s name.' }) name!: string;
  @Field(() => OrganisationKind, { description: 'What kind of organisation it is.' }) kind!: OrganisationKind;
}

export const OrganisationConnection = connectionOf(Organisation, 'Organisation');
