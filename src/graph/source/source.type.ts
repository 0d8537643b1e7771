import { Field, ObjectType } from 'type-graphql';
import { SourceKind } from '../shared/enums.js';
import { Node } from '../node/node.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'Where facts come from. `synthetic: true` marks made-up, illustrative data.' })
export class Source extends Node {
  @Field(() => String, { description: 'The source\'s title.' }) title!: string;
  @Field(() => SourceKind, { description: 'What kind of source it is; ILLUSTRATIVE means made-up data.' }) kind!: SourceKind;
  @Field(() => String, { nullable: true, description: 'Where in the world the source is (URL, archive reference).' }) locator?: string | null;
  @Field(() => Boolean, { description: 'True for illustrative, made-up data: never a research finding.' }) override synthetic!: boolean;
}

export const SourceConnection = connectionOf(Source, 'Source');

@ObjectType({ description: 'One provenance link of a node: the source and where in it the fact stands.' })
export class Provenance {
  @Field(() => Source, { description: 'The source the fact comes from.' }) source!: Source;
  @Field(() => String, { nullable: true, description: 'Where in the source, e.g. "alinea 6, conclusie 1".' }) locator?: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}
