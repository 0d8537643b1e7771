import { describe, expect, it } from 'vitest';
import { ConfigError, GRAPHQL_DEFAULTS, loadConfig } from '../../src/config.js';

/** Issue 7: every limit and switch is configurable, with a one-line ConfigError for a bad value. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('limits and switches in loadConfig', () => {
  it('defaults: the documented limits, introspection and GraphiQL on, batching off, no CORS origins', () => {
    const config = loadConfig({});
    expect(config.graphql).toEqual(GRAPHQL_DEFAULTS);
    expect(config.corsOrigins).toEqual([]);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '12',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_TOKENS: '5000',
      GRAPHQL_MAX_COST: '1000000',
      GRAPHQL_COST_IN_FLIGHT: '0',
      GRAPHQL_COST_WAIT_MS: '500',
      GRAPHQL_BATCHING: 'true',
      GRAPHQL_BATCH_MAX: '5',
      HTTP_MAX_BODY_BYTES: '2097152',
      INTROSPECTION: 'false',
      GRAPHIQL: 'false',
      GRAPHQL_JIT_AFTER: '-1',
      RESPONSE_CACHE_MB: '64',
      CORS_ORIGINS: 'https://Notebook.example.org, http://localhost:5173',
    });
    expect(config.graphql).toEqual({
      maxDepth: 12,
      maxAliases: 3,
      maxDirectives: 4,
      maxTokens: 5_000,
      maxCost: 1_000_000,
      costInFlight: 0,
      costWaitMs: 500,
      batching: true,
      batchMax: 5,
      maxBodyBytes: 2_097_152,
      introspection: false,
      graphiql: false,
      jitAfter: -1,
      responseCacheMb: 64,
    });
    expect(config.corsOrigins).toEqual(['https://notebook.example.org', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it('GRAPHIQL follows INTROSPECTION unless set, and cannot be on without it', () => {
    expect(loadConfig({ INTROSPECTION: 'false' }).graphql.graphiql).toBe(false);
    expect(loadConfig({ INTROSPECTION: 'true', GRAPHIQL: 'false' }).graphql.graphiql).toBe(false);
    expect(configError({ INTROSPECTION: 'false', GRAPHIQL: 'true' })).toBe(
      'GRAPHIQL=true needs INTROSPECTION=true: GraphiQL reads the schema by introspection',
    );
  });

  it.each([
    [{ GRAPHQL_MAX_DEPTH: '0' }, 'GRAPHQL_MAX_DEPTH must be an integer from 1 to 1000 (got "0")'],
    [{ GRAPHQL_MAX_COST: 'lots' }, 'GRAPHQL_MAX_COST must be an integer from 1 to 1000000000 (got "lots")'],
    [{ GRAPHQL_MAX_TOKENS: '10' }, 'GRAPHQL_MAX_TOKENS must be an integer from 100 to 1000000 (got "10")'],
    [{ GRAPHQL_BATCHING: 'maybe' }, 'GRAPHQL_BATCHING must be true or false (got "maybe")'],
    [{ GRAPHQL_JIT_AFTER: '-2' }, 'GRAPHQL_JIT_AFTER must be an integer from -1 to 1000000 (got "-2")'],
    [{ RESPONSE_CACHE_MB: 'yes' }, 'RESPONSE_CACHE_MB must be an integer from 0 to 65536 (got "yes")'],
    [{ HTTP_MAX_BODY_BYTES: '1mb' }, 'HTTP_MAX_BODY_BYTES must be an integer from 1024 to 1073741824 (got "1mb")'],
  ])('refuses %j in one line naming the variable', (env, message) => {
    expect(configError(env)).toBe(message);
  });

  it.each(['localhost:5173', 'https://app.example.org/', 'https://app.example.org/path', 'ftp://files.example.org', '*,https://a.example'])(
    'refuses CORS_ORIGINS=%s (an origin is scheme://host[:port], exactly as browsers send it)',
    (value) => {
      expect(configError({ CORS_ORIGINS: value })).toMatch(/^CORS_ORIGINS must be \* or comma-separated origins/);
    },
  );
});
