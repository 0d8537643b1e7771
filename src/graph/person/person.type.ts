import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Meeting } from '../meeting/meeting.type.js';
import { Research } from '../research/research.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A public person named in a source (researcher, speaker).' })
export class Person extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) role?: string | null;
}

export const PersonConnection = connectionOf(Person, 'Person');

@ObjectType({ description: 'A person researching a programme (RESEARCHES), and whether they lead it.' })
export class ResearcherRole {
  @Field(() => Person) person!: Person;
  @Field(() => Research) research!: Research;
  @Field(() => Boolean, { nullable: true }) lead?: boolean | null;
}

@ObjectType({ description: 'A person speaking at a meeting (SPOKE_AT), with their role there.' })
export class Talk {
  @Field(() => Person) person!: Person;
  @Field(() => Meeting) meeting!: Meeting;
  @Field(() => String, { nullable: true, description: 'E.g. "opening", "inleiding".' }) role?: string | null;
}
