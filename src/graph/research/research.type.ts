import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A research programme.' })
export class Research extends Node {
  @Field(() => String, { description: 'The programme\'s title.' }) title!: string;
  @Field(() => String, { description: 'The institution that runs it.' }) institution!: string;
  @Field(() => Int, { nullable: true, description: 'The year it started, when a source states it.' }) startYear?: number | null;
  @Field(() => Int, { nullable: true, description: 'How many people a source says were interviewed, as it says it (read with the qualifier: "ruim" 50 is more than 50). Not a count of `employees`, which may be illustrative.' })
  reportedIntervieweeCount?: number | null;
  @Field(() => String, { nullable: true, description: 'The qualifier the source puts before that number, e.g. "ruim" (more than).' })
  reportedIntervieweeQualifier?: string | null;
  @Field(() => String, { nullable: true, description: 'Who was interviewed, in the source\'s words (e.g. "medewerkers die daadwerkelijk contact hebben met inwoners").' })
  reportedIntervieweePopulation?: string | null;
  // Resolved in ResearchResolver: an absent list is the empty list.
  @Field(() => String, { nullable: true, description: 'How the research works, in the source\'s words.' }) method?: string | null;
}

export const ResearchConnection = connectionOf(Research, 'Research');
