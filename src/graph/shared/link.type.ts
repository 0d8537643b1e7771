import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { NodeRecord } from '../../model/index.js';
import { Node } from '../node/node.type.js';

/** Which way a relationship runs, seen from the node whose `links` it is in. */
export enum LinkDirection {
  OUT = 'OUT',
  IN = 'IN',
}

registerEnumType(LinkDirection, {
  name: 'LinkDirection',
  description: 'Which way a relationship runs, seen from the node whose `links` it is in.',
  valuesConfig: {
    OUT: { description: 'From this node to the other: `(this)-[:TYPE]->(node)`.' },
    IN: { description: 'From the other node to this one: `(node)-[:TYPE]->(this)`.' },
  },
});

/** `inferred` of every relationship object type (`Link`, `ResearcherRole`, `TalkPoint`, …). */
export const INFERRED_DESCRIPTION =
  'True when the source implies the relationship but does not state it: the researchers inferred it, and `note` says why. False for a stated link.';

/** `note` of every relationship object type. */
export const NOTE_DESCRIPTION = 'Why the link is inferred, or another remark on it; null when there is none.';

/**
 * The sentence a plain relationship field (`Research.partners`) ends its description with when sources may
 * imply its links rather than state them: those nodes come without their provenance, `links` has it.
 */
export const inferredLinksNote = (type: string): string =>
  `Some of these links may be inferred by the researchers rather than stated by the source: \`links(types: ["${type}"])\` tells which, with locator and note.`;

/**
 * One relationship of a node with its provenance. Only `locator`, `inferred`, `note` and `synthetic` of the
 * relationship's properties are shown: others (such as `USES.evidence`) may be restricted interview text,
 * and the fields that carry them (`Employee.practiceUses`) apply the rules for it.
 */
@ObjectType({
  simpleResolvers: true,
  description:
    'A relationship of a node, as the source states it or as the researchers inferred it: its type, which way it runs, the node at the other end, and where the source says so.',
})
export class Link {
  // The same id as the relationship's `GraphEdge` in `neighbourhood`, `shortestPath` and the exports.
  @Field(() => ID, { description: 'The relationship\'s stable id, `<from id>|<TYPE>|<to id>` (as `GraphEdge.id`): the same seen from either end.' }) id!: string;
  @Field(() => String, { description: 'The relationship type, e.g. `PARTNERS_WITH`.' }) type!: string;
  @Field(() => LinkDirection, { description: 'OUT when this node is where the relationship starts, IN when it ends here.' }) direction!: LinkDirection;
  @Field(() => Node, { description: 'The node at the other end.' }) node!: NodeRecord;
  @Field(() => String, { nullable: true, description: 'Where the source states (or implies) it, e.g. "alinea 2"; null when it gives none.' }) locator!: string | null;
  @Field(() => Boolean, { description: INFERRED_DESCRIPTION }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: NOTE_DESCRIPTION }) note!: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}
