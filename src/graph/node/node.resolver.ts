import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import type { NodeRecord } from '../../model/index.js';
import { Node } from './node.type.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id; null when there is none.' })
  node(@Arg('id', () => ID, { description: 'Any node\'s id (`<type>:<slug>`); null when there is none.' }) id: string, @Ctx() ctx: Context): Promise<NodeRecord | null> {
    return ctx.loaders.node.load(id);
  }
}
