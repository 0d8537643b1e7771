import type { GraphQLResolveInfo } from 'graphql';
import { DataScope, type NodeRecord } from '../../model/index.js';
import type { Reached } from './graphql.js';
import { linkedNodeProjection } from './links.js';
import { mapMaybe, type Loaders, type Maybe } from './loaders.js';
import { defineRelation, type Relation } from './relation.js';

/**
 * The relation behind a `…Reached` field: the same path, order and deduplication as the plain field
 * (`Municipality.practices`), with the paths to each node counted. Its own name, so its loads and cache
 * entries never answer the plain field (nor the reverse).
 */
export function reachedRelation(plain: Relation): Relation {
  return defineRelation(`${plain.name}Reached`, plain.path, { orderBy: plain.orderBy, distinct: true, countPaths: true });
}

/**
 * The nodes `relation` (a `reachedRelation`) reaches from node `id`, in the relation's order, each with its
 * path counts and whether all of them run through made-up data; `scope` limits the paths, as on the plain
 * field. Loaded with the request's other relationship fields of this tick (one statement).
 */
export function loadReached(loaders: Loaders, relation: Relation, id: string, info: GraphQLResolveInfo, scope: DataScope | null | undefined): Maybe<Array<Reached<NodeRecord>>> {
  return mapMaybe(loaders.page(relation, id, undefined, linkedNodeProjection(info, relation), scope ?? DataScope.ALL), (page) =>
    page.items.map(({ node, rel }) => {
      const paths = Number(rel.paths);
      const syntheticPaths = Number(rel.syntheticPaths);
      return { node, paths, syntheticPaths, synthetic: paths > 0 && syntheticPaths === paths };
    }),
  );
}
