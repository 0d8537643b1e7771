import { isObjectType, type GraphQLFieldResolver, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../../src/graph/schema.js';

/**
 * `callResolversDirectly` (src/graph/direct-resolvers.ts): a field resolver whose arguments are all
 * scalars or enums answers the way its method does (a plain value stays a plain value: no promise per
 * row), while fields with input-object arguments keep type-graphql's converting and validating resolver.
 */
let schema: Awaited<ReturnType<typeof buildGraphSchema>>;
const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name]!;
const call = (resolve: GraphQLFieldResolver<unknown, unknown> | undefined, root: unknown, args: Record<string, unknown>, context: unknown) =>
  resolve!(root, args, context, { fieldNodes: [], returnType: field('Case', 'summary').type } as never);

beforeAll(async () => {
  schema = await buildGraphSchema();
});

describe('field resolvers called directly', () => {
  it('a field resolver without input-object arguments returns its method\'s value as is, not a promise', () => {
    const viewer = { role: 'editor', name: 'test' };
    const root = { id: 'case:x', summary: 'hidden text', restricted: true };
    const summary = call(field('Case', 'summary').resolve, root, {}, { viewer });
    expect(summary).toBe('hidden text');
    // The restricted rule is the method's own: an anonymous caller still gets null.
    expect(call(field('Case', 'summary').resolve, root, {}, { viewer: { role: 'anonymous', name: null } })).toBeNull();
  });

  it('a field with an input-object argument keeps type-graphql\'s resolver (conversion and validation)', () => {
    const query = schema.getQueryType()!.getFields();
    const withInput = Object.values(query).filter((f) => f.args.some((arg) => isObjectType(arg.type) || String(arg.type).includes('Where')));
    expect(withInput.length).toBeGreaterThan(0);
    const practices = query.practices!;
    expect(practices.args.some((arg) => arg.name === 'where')).toBe(true);
    // type-graphql's resolver answers with a promise (its argument pipeline is async) even before any work.
    const answer = practices.resolve!(undefined, { where: { nameContains: 'x'.repeat(100_000) } }, { viewer: { role: 'anonymous', name: null } }, {} as never);
    expect(answer).toBeInstanceOf(Promise);
    (answer as Promise<unknown>).catch(() => undefined);
  });
});
