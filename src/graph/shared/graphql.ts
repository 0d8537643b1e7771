import { Max, Min } from 'class-validator';
import { Arg, ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { DataScope } from './enums.js';
import { encodeCursor } from './cursor.js';

// Connections are plain data: `simpleResolvers` lets graphql-js read their fields directly (see Node).
@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More rows follow this page: ask again with `after: endCursor`.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Rows come before this page (it did not start at the first row).' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the first row of this page; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the last row of this page (pass it as `after`); null when the page is empty.' }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A Relay connection type for `nodeType`, named `<name>Connection` with `<name>Edge` edges.
 * One per node type, shared by the top-level list and the relationship fields that page.
 */
export function connectionOf<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One row of a page of ${name} nodes: the node and its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque; pass it as `after` to get the rows that follow.' }) cursor!: string;
    @Field(() => nodeType, { description: `The ${name} of this row.` }) node!: T;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} nodes.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The rows of this page, in the requested order.' }) edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursors to ask for them.' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'All matching nodes, on every page.' }) totalCount!: number;
  }
  return ConnectionType;
}

/** A node a relationship field reaches through other nodes, and how well the data supports the connection. */
export interface Reached<T> {
  node: T;
  paths: number;
  syntheticPaths: number;
  synthetic: boolean;
}

/**
 * The item type of a field that reaches `nodeType` over several hops (`Municipality.practicesReached`: the
 * practices of its employees and cases), named `<name>Reached`. Such a connection is no relationship of its
 * own, so nothing stored says whether it is made up: it is made up when every path to the node is.
 */
export function reachedOf<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Reached<T>> {
  @ObjectType(`${name}Reached`, {
    simpleResolvers: true,
    description: `A ${name} reached through other nodes (e.g. through a municipality's employees and cases), with how many paths lead to it and how many of them run through made-up data.`,
  })
  class ReachedType {
    @Field(() => nodeType, { description: `The ${name} reached.` }) node!: T;
    @Field(() => Int, { description: 'How many paths lead to the node (one per employee, case, … on the way), within the field\'s scope.' }) paths!: number;
    @Field(() => Int, { description: 'How many of those paths run through made-up data: a made-up node or relationship on the way, or the node itself made up.' })
    syntheticPaths!: number;
    @Field(() => Boolean, {
      description: 'Made-up, illustrative connection: every path to the node runs through made-up data, so no real finding supports it (even when the node itself is real). False when at least one path is all real.',
    })
    synthetic!: boolean;
  }
  return ReachedType;
}

/**
 * The sentence a relationship field that passes other nodes (`Municipality.practices`) ends its description
 * with: its nodes come without a sign of how the connection is supported, `<field>Reached` has it.
 */
export const reachedNote = (field: string): string =>
  `Under scope ALL it also lists nodes that only made-up data connects to this one, like the others: \`${field}Reached\` tells which, with the paths behind each.`;

/**
 * The sentence a relationship filter that passes other nodes (`municipalities(where: { practiceIds })`) ends its
 * description with: under ALL it matches along made-up paths too, as the plain field lists such nodes.
 */
export const reachedFilterNote = (field: string): string =>
  `Under scope ALL a path through made-up data matches too (\`${field}\` flags such connections); scope REAL matches along real paths only.`;

/** Builds a connection from one page of rows that starts at `offset` of `totalCount`. */
export function toConnection<T>(rows: T[], totalCount: number | undefined, offset: number, hasNextPage = offset + rows.length < (totalCount ?? 0)): Connection<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    // Left out only when the query does not select it (see `Window.counted`).
    totalCount: totalCount as number,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export const MAX_PAGE_SIZE = 100;
const SCOPE_DESCRIPTION =
  'Only real data (REAL), only made-up data (SYNTHETIC) or both (ALL, the default): the related nodes and every relationship and node on the way; in a list with `where`, its relationship filters (`practiceIds`, …) match only along such paths too.';
const FIRST_MESSAGE = `"first" must be an integer from 1 to ${MAX_PAGE_SIZE}`;

/** `first`/`after` of every connection: `first` is 1..100, default 20. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Rows per page, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: FIRST_MESSAGE })
  @Max(MAX_PAGE_SIZE, { message: FIRST_MESSAGE })
  first!: number;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page: the rows after it.' })
  after?: string | null;

  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: SCOPE_DESCRIPTION })
  scope?: DataScope | null;
}

/**
 * The `scope` argument of every relationship list that does not page (`Municipality.practices`): what the
 * field walks, the related nodes and the relationships (and nodes) on the way, is kept to the scope.
 */
export function ScopeArg(): ReturnType<typeof Arg> {
  return Arg('scope', () => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: SCOPE_DESCRIPTION });
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort order; ties are always broken by id, ascending.',
  valuesConfig: { ASC: { description: 'Ascending: A to Z, smallest first.' }, DESC: { description: 'Descending: Z to A, largest first.' } },
});

/** Inputs shared by every `where` (type-graphql copies a decorated base class's fields into each subclass). */
@InputType()
export abstract class NodeWhere {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (exact match).' })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The display name (name, title, pseudonym or statement) contains this text, ignoring case and diacritics.',
  })
  nameContains?: string | null;
}

/** An order input `<name>Order { field: <fields enum>, direction = ASC }` for one domain's sortable fields. */
export function orderInputOf<F extends string>(name: string, fields: Record<string, F>): ClassType<{ field: F; direction: OrderDirection }> {
  @InputType(`${name}Order`, { description: `One sort key of a ${name} list; several are applied in the order given, then id.` })
  class OrderInput {
    @Field(() => fields, { description: 'The field to sort by.' }) field!: F;
    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: OrderDirection;
  }
  return OrderInput;
}
