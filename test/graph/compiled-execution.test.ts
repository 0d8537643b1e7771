import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLogger, startTestApi, type GqlResponse, type TestApi } from '../support/api.js';

/**
 * graphql-jit (src/server/compiled-execution.ts) must only change how fast an answer comes, never the
 * answer: the same data, the same errors with the same codes and paths, the same HTTP status as
 * graphql-js, for the shapes where the two executors are known to differ (abstract types, defaults of
 * input fields inside variables, errors thrown by resolvers, variables that do not coerce).
 */
const CASES: Array<{ name: string; query: string; variables?: Record<string, unknown>; compiled: boolean }> = [
  {
    name: 'an abstract type: node(id) with inline fragments',
    query: 'query NodeOf($id: ID!) { node(id: $id) { __typename id synthetic ... on Municipality { name } ... on Practice { name } } }',
    variables: { id: 'municipality:breda' },
    compiled: true,
  },
  {
    name: 'search hits of several types, their nodes through the Node interface',
    query: 'query Hits($q: String!) { search(query: $q, first: 8) { score type label node { __typename id ... on Case { title } } } }',
    variables: { q: 'buurt' },
    compiled: true,
  },
  {
    name: 'co-occurrence rows and columns as Node',
    query: '{ cooccurrence(rows: PRACTICE, columns: DILEMMA) { rows { __typename id } columns { __typename id } counts } }',
    compiled: true,
  },
  {
    name: 'a nested tree of connections',
    query: '{ municipalities(first: 3) { totalCount edges { cursor node { id name employees(first: 2) { totalCount edges { node { id practices { id name dilemmas { id } } } } } } } } }',
    compiled: true,
  },
  {
    name: 'an ordering literal that leaves its direction to the default',
    query: 'query Ordered { cases(first: 5, orderBy: [{field: TITLE}]) { totalCount edges { node { id title } } } }',
    compiled: true,
  },
  {
    // graphql-jit 0.8.9 would refuse `{field: TITLE}` in a variable ("direction … was not provided"), so an
    // operation whose variables can reach `direction: OrderDirection! = ASC` is left to graphql-js.
    name: 'an ordering variable that leaves its direction to the default',
    query: 'query DefaultDirection($orderBy: [CaseOrder!]) { cases(first: 5, orderBy: $orderBy) { edges { node { id title } } } }',
    variables: { orderBy: [{ field: 'TITLE' }] },
    compiled: false,
  },
  {
    name: 'partial data: one field found, one NOT_FOUND error with its path',
    query: '{ found: practice(id: "practice:buurtschouw") { id name } missing: practice(id: "practice:no-such-practice") { id } }',
    compiled: true,
  },
  {
    name: 'an argument the resolver refuses (BAD_USER_INPUT)',
    query: 'query Negative($first: Int) { cases(first: $first) { totalCount } }',
    variables: { first: -1 },
    compiled: true,
  },
  {
    // Refused by the cost limit's coercion before either executor runs (src/server/cost.ts).
    name: 'a variable that does not coerce (400 BAD_USER_INPUT)',
    query: 'query NotAnInt($first: Int) { cases(first: $first) { totalCount } }',
    variables: { first: 'ten' },
    compiled: false,
  },
];

describe('compiled execution answers exactly as graphql-js does', () => {
  let graphqlJs: TestApi;
  let compiledFirst: TestApi;
  let compiledSecond: TestApi;
  const compiledLogger = createTestLogger();

  beforeAll(async () => {
    // Production mode: the answers users get (no stack traces, which differ between executors).
    [graphqlJs, compiledFirst, compiledSecond] = await Promise.all([
      startTestApi({ production: true, jitAfter: -1 }),
      startTestApi({ production: true, jitAfter: 0, logger: compiledLogger }),
      startTestApi({ production: true, jitAfter: 1 }),
    ]);
  });
  afterAll(() => Promise.all([graphqlJs, compiledFirst, compiledSecond].map((api) => api?.close())));

  // Everything but the request id, which is new for every request.
  const answer = async (api: TestApi, { query, variables }: (typeof CASES)[number]) => {
    const { status, body }: GqlResponse = await api.gql(query, variables);
    for (const error of body.errors ?? []) delete error.extensions?.requestId;
    return { status, body };
  };

  it.each(CASES)('$name', async (operation) => {
    const expected = await answer(graphqlJs, operation);
    expect(expected.body.data ?? expected.body.errors).toBeTruthy();
    expect(await answer(compiledFirst, operation)).toEqual(expected);
    // The default (GRAPHQL_JIT_AFTER=1): graphql-js answers the first time, the compiled operation the second.
    expect(await answer(compiledSecond, operation)).toEqual(expected);
    expect(await answer(compiledSecond, operation)).toEqual(expected);
  });

  it('compiled what it could, and says which operations it left to graphql-js and why', () => {
    const named = (message: string) =>
      compiledLogger.lines.filter((line) => line.message === message).map((line) => line.fields?.operation);
    const compiledNames = CASES.filter((operation) => operation.compiled).map((operation) => /^query (\w+)/.exec(operation.query)?.[1] ?? '(anonymous)');
    expect(named('operation compiled').sort()).toEqual(compiledNames.sort());
    // NotAnInt never reached the executor: neither compiled nor left.
    expect(compiledLogger.lines.filter((line) => line.message === 'operation left to graphql-js')).toEqual([
      {
        level: 'debug',
        message: 'operation left to graphql-js',
        fields: { operation: 'DefaultDirection', reason: 'a variable may reach a required input field with a default' },
      },
    ]);
  });
});
