import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Node } from '../node/node.type.js';
import { MeetingKind } from '../shared/enums.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A meeting of the research programme, e.g. a learning circle (leerkring).' })
export class Meeting extends Node {
  @Field(() => String, { description: 'The meeting\'s title.' }) title!: string;
  @Field(() => LocalDateResolver, { description: 'ISO date, e.g. 2018-03-14.' }) date!: string;
  @Field(() => Int, { nullable: true, description: 'How many took part, as the source reports.' }) participantCount?: number | null;
  @Field(() => MeetingKind, { description: 'What kind of meeting it was.' }) kind!: MeetingKind;
}

export const MeetingConnection = connectionOf(Meeting, 'Meeting');
