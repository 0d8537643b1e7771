import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../shared/graphql.js';
import { MeetingOrder, MeetingWhere } from './meeting.input.js';

@ArgsType()
export class MeetingListArgs extends PageArgs {
  @Field(() => MeetingWhere, { nullable: true, description: 'Only rows matching these filters (all given conditions must hold). Default: all rows.' }) where?: MeetingWhere | null;
  @Field(() => [MeetingOrder], { nullable: true, description: 'Default: by date.' }) orderBy?: MeetingOrder[] | null;
}
