import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_DEFAULTS } from '../../src/config.js';
import { nest, startHardenedApi, type HardenedApi } from './support.js';

/**
 * Issue 7, limits: depth, aliases, directives, tokens and cost, each refused with HTTP 400 and a message
 * naming the limit; introspection exempt from the depth rule; the cost in `extensions.cost` of every
 * response. Expected costs are worked out by hand from the cost model in src/server/cost.ts.
 */
/** A practice of the seed that addresses a dilemma (seed/README.md: ADDRESSES). */
const PRACTICE = 'practice:heldere-visie-en-kaders';

/** The research query of the issue: 6 municipalities → 20 employees each → their practices → each practice's dilemmas. */
const RESEARCH_QUERY = `query Research($m: Int!, $e: Int!) {
  municipalities(first: $m) { edges { node { id name employees(first: $e) { edges { node { id pseudonym
    practices { id name dilemmas { id name } } } } } } } }
}`;

describe('limits with the defaults', () => {
  let api: HardenedApi;
  beforeAll(async () => {
    api = await startHardenedApi();
  });
  afterAll(() => api?.close());

  describe('depth (10; connections count two levels)', () => {
    it('refuses depth 10 of unbounded lists by cost: 10 × 10 × … relations is 111,111,111', async () => {
      // practice 1, 8 relation levels 2..9, id 10: depth is fine, the fan-out is not.
      const { status, body } = await api.gql(`{ practice(id: "${PRACTICE}") { ${nest(8)} } }`);
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toMatchObject({ reason: 'COST_LIMIT', cost: 111_111_111 });
    });

    it('accepts depth 10 when the cost allows (GRAPHQL_MAX_COST raised)', async () => {
      const generous = await startHardenedApi({ graphql: { maxCost: 1_000_000_000 } });
      try {
        const { status, body } = await generous.gql(`{ practice(id: "${PRACTICE}") { ${nest(8)} } }`);
        expect(body.errors).toBeUndefined();
        expect(status).toBe(200);
        expect(body.data.practice.dilemmas.length).toBeGreaterThan(0);
      } finally {
        await generous.close();
      }
    });

    it('refuses depth 11 with 400 GRAPHQL_VALIDATION_FAILED naming the limit and the depth found', async () => {
      const { status, body } = await api.gql(`{ practice(id: "${PRACTICE}") { ${nest(9)} } }`);
      expect(status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toMatch(/^Query depth limit of 10 exceeded, found 11\. Connections count two levels/);
      expect(body.data).toBeUndefined();
    });

    it('counts a connection as two levels: edges and node', async () => {
      // practices 1, edges 2, node 3, 7 relation levels 4..10, id 11
      const { status, body } = await api.gql(`{ practices(first: 1) { edges { node { ${nest(7)} } } } }`);
      expect(status).toBe(400);
      expect(body.errors[0].message).toMatch(/found 11/);
    });

    it('counts levels inside fragments', async () => {
      const { status, body } = await api.gql(`{ practice(id: "${PRACTICE}") { ...Deep } } fragment Deep on Practice { ${nest(9)} }`);
      expect(status).toBe(400);
      expect(body.errors[0].message).toMatch(/Query depth limit of 10 exceeded/);
    });

    it("exempts introspection: GraphiQL's and codegen's full introspection query (deeper than 10) works", async () => {
      const query = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      });
      const { status, body } = await api.gql(query);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data.__schema.queryType.name).toBe('Query');
      expect(body.extensions.cost.requested).toBe(0);
    });
  });

  describe('aliases (15)', () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: practice(id: "${PRACTICE}") { id }`).join(' ')} }`;

    it('accepts 15 aliases', async () => {
      const { status, body } = await api.gql(aliased(15));
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(Object.keys(body.data)).toHaveLength(15);
    });

    it('refuses 16 with 400 naming the limit', async () => {
      const { status, body } = await api.gql(aliased(16));
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toMatch(/^Aliases limit of 15 exceeded, found 16\./);
    });
  });

  describe('directives (50)', () => {
    const directed = (n: number) => `{ practice(id: "${PRACTICE}") { ${'id @include(if: true) '.repeat(n)} } }`;

    it('accepts 50', async () => {
      const { status, body } = await api.gql(directed(50));
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
    });

    it('refuses 51 with 400 naming the limit', async () => {
      const { status, body } = await api.gql(directed(51));
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toMatch(/^Directives limit of 50 exceeded, found 51\./);
    });
  });

  describe('tokens (2,000)', () => {
    // `{ practices ( where : { ids : [` is 9 tokens, then n strings (commas are not tokens), then
    // `] } ) { totalCount } }` 7 more: 16 + n.
    const tokens = (n: number) => `{ practices(where: { ids: [${Array.from({ length: n }, (_, i) => `"practice:p${i}"`).join(', ')}] }) { totalCount } }`;

    it('accepts 2,000 tokens', async () => {
      const { status, body } = await api.gql(tokens(1_984));
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data.practices.totalCount).toBe(0);
    });

    it('refuses 2,001 with 400 GRAPHQL_PARSE_FAILED naming the limit', async () => {
      const { status, body } = await api.gql(tokens(1_985));
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(body.errors[0].message).toMatch(/more tha[nt] 2000 tokens/);
    });
  });

  describe('cost (200,000; lists multiply by first)', () => {
    it('lets the research query pass (6 → 20 → practices → dilemmas) and reports its cost', async () => {
      const { status, body } = await api.gql(RESEARCH_QUERY, { m: 6, e: 20 });
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data.municipalities.edges).toHaveLength(6);
      // 6 × (1 + 1 + 1 + 20 × (1 + 1 + 1 + 10 × (1 + 10 × 1))) = 6 × 2,263
      expect(body.extensions.cost).toEqual({ requested: 13_578, limit: 200_000 });
    });

    it("lets the benchmark's nested workload pass: 50 municipalities → 20 employees → practices → dilemmas", async () => {
      const { status, body } = await api.gql(RESEARCH_QUERY, { m: 50, e: 20 });
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.extensions.cost.requested).toBe(113_150); // 50 × 2,263
    });

    it('counts the schema default first (20) when first is omitted, and literals like variables', async () => {
      const omitted = await api.gql('{ practices { edges { node { dilemmas { id } } } } }');
      // 20 × (1 + 1 + 1 + 10 × 1)
      expect(omitted.body.extensions.cost.requested).toBe(260);
      const literal = await api.gql('{ practices(first: 20) { edges { node { dilemmas { id } } } } }');
      expect(literal.body.extensions.cost.requested).toBe(260);
    });

    it('refuses an abusive query (100 × 100 × nested lists) with 400 BAD_USER_INPUT, reason COST_LIMIT, before running it', async () => {
      const query = `{ municipalities(first: 100) { edges { node { employees(first: 100) { edges { node {
        practices { dilemmas { practices { id } } } } } } } } } }`;
      const { status, body } = await api.gql(query);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      const [error] = body.errors;
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COST_LIMIT', maxCost: 200_000 });
      // practices { dilemmas { practices } } = 10 × (1 + 10 × (1 + 10)) = 1,110; per employee 3 + 1,110;
      // per municipality 3 + 100 × 1,113; total 100 × 111,303
      expect(error.extensions.cost).toBe(11_130_300);
      expect(error.message).toMatch(/estimated cost 11130300 exceeds the limit of 200000/);
      expect(body.extensions.cost).toEqual({ requested: 11_130_300, limit: 200_000 });
    });

    it('refuses the same abuse when the sizes come in variables', async () => {
      const { status, body } = await api.gql(RESEARCH_QUERY, { m: 100, e: 100 });
      expect(status).toBe(400);
      expect(body.errors[0].extensions.reason).toBe('COST_LIMIT');
      expect(body.errors[0].extensions.cost).toBe(100 * (3 + 100 * 113));
    });

    it('refuses two copies of the benchmark query under aliases (226,300)', async () => {
      const inner = `edges { node { employees(first: 20) { edges { node { practices { dilemmas { id } } } } } } }`;
      const { status, body } = await api.gql(`{ a: municipalities(first: 50) { ${inner} } b: municipalities(first: 50) { ${inner} } }`);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.cost).toBe(226_300);
    });

    it('refuses with 400 when the variables do not fit, without running anything', async () => {
      const { status, body } = await api.gql(RESEARCH_QUERY, { m: 'six', e: 20 });
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/\$m/);
    });

    it('reports the cost in extensions.cost of every response, errors included', async () => {
      const trivial = await api.gql('{ __typename }');
      expect(trivial.body.extensions.cost).toEqual({ requested: 0, limit: 200_000 });
      const notFound = await api.gql('{ practice(id: "practice:bestaat-niet") { id dilemmas { id } } }');
      expect(notFound.status).toBe(200);
      expect(notFound.body.extensions.cost).toEqual({ requested: 11, limit: 200_000 }); // 1 × (1 + 10 × 1)
      const badArgument = await api.gql('{ practices(first: 500) { totalCount } }');
      expect(badArgument.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(badArgument.body.extensions.cost).toEqual({ requested: 500, limit: 200_000 });
    });
  });
});

describe('limits are configurable', () => {
  let api: HardenedApi;
  beforeAll(async () => {
    api = await startHardenedApi({ graphql: { maxDepth: 5, maxAliases: 1, maxDirectives: 1, maxTokens: 100, maxCost: 150 } });
  });
  afterAll(() => api?.close());

  it('applies each configured limit', async () => {
    // Depth 5 (cost 13), then depth 6 (cost 113): within the cost limit, so the depth rule is what refuses.
    expect((await api.gql('{ practices(first: 1) { edges { node { dilemmas { id } } } } }')).status).toBe(200);
    const depth = await api.gql('{ practices(first: 1) { edges { node { dilemmas { practices { id } } } } } }');
    expect(depth.body.errors[0].message).toMatch(/depth limit of 5 exceeded, found 6/);
    const aliases = await api.gql('{ a: __typename b: stats { nodeCount } c: stats { nodeCount } }');
    expect(aliases.body.errors[0].message).toMatch(/Aliases limit of 1 exceeded, found 2/);
    const directives = await api.gql('{ __typename @include(if: true) @skip(if: false) }');
    expect(directives.body.errors[0].message).toMatch(/Directives limit of 1 exceeded, found 2/);
    const tokens = await api.gql(`{ ${'__typename '.repeat(99)}}`);
    expect(tokens.body.errors[0].message).toMatch(/more tha[nt] 100 tokens/);
    // 11 × (1 + 1 + 1 + 10 × 1) = 143 fits; 12 × 13 = 156 does not.
    expect((await api.gql('{ practices(first: 11) { edges { node { dilemmas { id } } } } }')).status).toBe(200);
    const cost = await api.gql('{ practices(first: 12) { edges { node { dilemmas { id } } } } }');
    expect(cost.status).toBe(400);
    expect(cost.body.errors[0].extensions).toMatchObject({ reason: 'COST_LIMIT', cost: 156, maxCost: 150 });
  });
});

describe('the cost budget (GRAPHQL_COST_IN_FLIGHT): operations past it wait their turn', () => {
  const NEIGHBOURHOOD = '{ neighbourhood(id: "municipality:breda", depth: 3, limit: 2000) { nodes { id } } }';

  it('queues operations that each fill the budget, and answers them all', async () => {
    const api = await startHardenedApi({ graphql: { costInFlight: 1, costWaitMs: 20_000 } });
    try {
      const replies = await Promise.all(Array.from({ length: 6 }, () => api.gql(NEIGHBOURHOOD)));
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.body.errors).toBeUndefined();
        expect(reply.body.data.neighbourhood.nodes.length).toBeGreaterThan(10);
      }
    } finally {
      await api.close();
    }
  });

  it('gives the budget back when an operation fails, and refuses one that waited too long with 503 BUSY', async () => {
    const api = await startHardenedApi({ graphql: { costInFlight: 1, costWaitMs: 1 } });
    try {
      // Refused inside execution (depth out of range): the next operation still finds the budget free.
      const failed = await api.gql('{ neighbourhood(id: "municipality:breda", depth: 9) { nodes { id } } }');
      expect(failed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect((await api.gql(NEIGHBOURHOOD)).status).toBe(200);
      // Two at once: one runs (for well over a millisecond), the other gives up waiting. On a quiet machine the
      // first can finish before the second is admitted (both 200: they never overlapped, nothing to refuse),
      // so the pair is sent again, a few times at most, until they do overlap.
      let replies = await Promise.all([api.gql(NEIGHBOURHOOD), api.gql(NEIGHBOURHOOD)]);
      for (let attempt = 1; attempt < 5 && replies.every((reply) => reply.status === 200); attempt++) {
        replies = await Promise.all([api.gql(NEIGHBOURHOOD), api.gql(NEIGHBOURHOOD)]);
      }
      expect(replies.map((reply) => reply.status).sort()).toEqual([200, 503]);
      const busy = replies.find((reply) => reply.status === 503)!;
      expect(busy.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'BUSY' });
      expect(busy.body.data).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});

describe('the defaults are the documented ones', () => {
  it('GRAPHQL_DEFAULTS', () => {
    expect(GRAPHQL_DEFAULTS).toEqual({
      maxDepth: 10,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 2_000,
      maxCost: 200_000,
      costInFlight: 250_000,
      costWaitMs: 30_000,
      batching: false,
      batchMax: 10,
      maxBodyBytes: 1_048_576,
      introspection: true,
      graphiql: true,
      jitAfter: 1,
      // Not a limit: the response cache is off unless RESPONSE_CACHE_MB says how large it may grow.
      responseCacheMb: 0,
    });
  });
});
