import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Meeting } from '../meeting/meeting.type.js';
import { Research } from '../research/research.type.js';
import { connectionOf } from '../shared/graphql.js';
import { INFERRED_DESCRIPTION, NOTE_DESCRIPTION } from '../shared/link.type.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A public person named in a source (researcher, speaker).' })
export class Person extends Node {
  @Field(() => String, { description: 'The person\'s name (public people only).' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The person\'s role or position, as a source gives it.' }) role?: string | null;
}

export const PersonConnection = connectionOf(Person, 'Person');

@ObjectType({ description: 'A person researching a programme (RESEARCHES), and whether they lead it.' })
export class ResearcherRole {
  @Field(() => Person, { description: 'The researcher.' }) person!: Person;
  @Field(() => Research, { description: 'The research programme.' }) research!: Research;
  @Field(() => Boolean, { nullable: true, description: 'Whether the person leads the research.' }) lead?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Where the source states it (e.g. "alinea 2"); null when it gives none.' }) locator?: string | null;
  @Field(() => Boolean, { description: INFERRED_DESCRIPTION }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: NOTE_DESCRIPTION }) note?: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}

// Named MeetingSpeaker (it was `Talk`): `Talk` is the node type of a talk given at a meeting (src/graph/talk).
@ObjectType({ description: 'A person speaking at a meeting (SPOKE_AT), with their role there.' })
export class MeetingSpeaker {
  @Field(() => Person, { description: 'The speaker.' }) person!: Person;
  @Field(() => Meeting, { description: 'The meeting spoken at.' }) meeting!: Meeting;
  @Field(() => String, { nullable: true, description: 'E.g. "opening", "inleiding".' }) role?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the source states it (e.g. "alinea 4"); null when it gives none.' }) locator?: string | null;
  @Field(() => Boolean, { description: INFERRED_DESCRIPTION }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: NOTE_DESCRIPTION }) note?: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}
