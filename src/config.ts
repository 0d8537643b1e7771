/**
 * Every environment variable the API and its commands read, parsed and validated once.
 *
 * `loadConfig()` never reads `process.env` lazily elsewhere: modules receive the `Config` they need.
 * A bad value throws a `ConfigError` whose message is one line naming the variable and what it expects;
 * the entry points print that line and exit with status 1.
 */
export interface Config {
  /** HTTP port of the API. `PORT`, default 4000. */
  port: number;
  /** Interface the API binds to. `HOST`, default 127.0.0.1 (the Docker image sets 0.0.0.0). */
  host: string;
  /** `NODE_ENV === 'production'` masks unexpected errors. */
  production: boolean;
  /** `LOG_LEVEL`: debug | info | warn | error, default info. */
  logLevel: LogLevel;
  neo4j: Neo4jConfig;
  /** Load `seed/` into an empty database at start-up. `SEED_ON_START`, default true. */
  seedOnStart: boolean;
  /**
   * `HEAP_GROWTH_PERCENT`, default 50: how far V8 lets the heap grow past what the last full collection
   * kept before collecting again (V8's `--heap-growing-percent`); 0 leaves V8's own factor (up to 4×).
   */
  heapGrowthPercent: number;
  auth: AuthConfig;
  /** Limits and switches of the GraphQL endpoint (README, "Limits and the cost model"). */
  graphql: GraphqlConfig;
  /**
   * `CORS_ORIGINS`: comma-separated origins (`https://app.example.org,http://localhost:5173`) whose browser
   * pages may call the API, or `*` for any. Default none: only same-origin pages (GraphiQL, the explorer).
   */
  corsOrigins: CorsOrigins;
}

/** The origins CORS lets in: a list of exact origins (`scheme://host[:port]`), or `'*'` for any. */
export type CorsOrigins = readonly string[] | '*';

/** Limits and switches of the GraphQL endpoint; every limit refuses a request with HTTP 400 (413 for the body). */
export interface GraphqlConfig {
  /**
   * `GRAPHQL_MAX_DEPTH`, default 10: nesting of selection sets; a connection's `edges { node { … } }` adds two
   * levels. Introspection (`__schema`) is exempt, so GraphiQL and codegen keep working.
   */
  maxDepth: number;
  /** `GRAPHQL_MAX_ALIASES`, default 15: aliases per operation. */
  maxAliases: number;
  /** `GRAPHQL_MAX_DIRECTIVES`, default 50: directives per operation. */
  maxDirectives: number;
  /** `GRAPHQL_MAX_TOKENS`, default 2000: lexical tokens of the document. */
  maxTokens: number;
  /** `GRAPHQL_MAX_COST`, default 200000: the estimated cost of an operation (README: list fields multiply by `first`). */
  maxCost: number;
  /**
   * `GRAPHQL_COST_IN_FLIGHT`, default 250000: estimated cost that may execute at once; operations past it
   * wait their turn (`src/server/admission.ts`). 0 turns the budget off.
   */
  costInFlight: number;
  /** `GRAPHQL_COST_WAIT_MS`, default 30000: longest wait for the budget before SERVICE_UNAVAILABLE (reason BUSY). */
  costWaitMs: number;
  /** `GRAPHQL_BATCHING`, default false: accept a JSON array of operations in one POST. */
  batching: boolean;
  /** `GRAPHQL_BATCH_MAX`, default 10: most operations in one batch (only with batching on). */
  batchMax: number;
  /** `HTTP_MAX_BODY_BYTES`, default 1048576 (1 MB): larger request bodies get 413. */
  maxBodyBytes: number;
  /** `INTROSPECTION`, default true (a research tool): schema introspection on `/graphql`. */
  introspection: boolean;
  /** `GRAPHIQL`, default: as INTROSPECTION (GraphiQL needs it): the GraphiQL page on a browser GET of `/graphql`. */
  graphiql: boolean;
  /**
   * `GRAPHQL_JIT_AFTER`, default 1: graphql-js runs of an operation before it is compiled with graphql-jit
   * (`src/server/compiled-execution.ts`); 0 compiles on first sight, -1 never compiles (graphql-js only).
   */
  jitAfter: number;
  /**
   * `RESPONSE_CACHE_MB`, default 0 (off): megabytes of answers kept to answer a repeated query while the data
   * has not changed (`src/server/response-cache.ts`); each query then first reads the dataset's version.
   */
  responseCacheMb: number;
}

/** The defaults of `GraphqlConfig`, for code that builds an API without `loadConfig` (tests, tools). */
export const GRAPHQL_DEFAULTS: Readonly<GraphqlConfig> = Object.freeze({
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
  responseCacheMb: 0,
});

/** The roles a bearer token can carry: `reader` reads (and sees nothing restricted), `editor` and `admin` also write. */
export type Role = 'reader' | 'editor' | 'admin';

/** The roles `AUTH_TOKENS` accepts, weakest first. */
export const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

/**
 * One configured bearer token. `name` is a non-secret label (`editor#1`: the role and the token's position
 * among that role's tokens) that provenance and logs use instead of the token. The secret never
 * serialises: `JSON.stringify` and `util.inspect` show `[redacted]`.
 */
export class AuthToken {
  constructor(
    readonly role: Role,
    readonly name: string,
    readonly token: string,
  ) {}

  toJSON(): Record<string, string> {
    return { role: this.role, name: this.name, token: '[redacted]' };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AuthToken { role: '${this.role}', name: '${this.name}', token: [redacted] }`;
  }
}

export interface AuthConfig {
  /**
   * `AUTH_TOKENS`: comma-separated `role:token` pairs (roles reader, editor, admin), default none.
   * With no tokens every request is anonymous and every mutation is refused.
   */
  tokens: AuthToken[];
  /** `AUTH_REQUIRED`, default false: when true anonymous requests are refused (UNAUTHENTICATED), reads included. */
  required: boolean;
}

export interface Neo4jConfig {
  /** `NEO4J_URI`; when unset the embedded Neo4j is used (and started when not already running). */
  uri: string | undefined;
  /** `NEO4J_USER`, default neo4j. */
  user: string;
  /** `NEO4J_PASSWORD`, default empty (the embedded Neo4j runs without auth). */
  password: string;
  /** `NEO4J_DATABASE`, default neo4j: always named, so no round trip is spent resolving the home database. */
  database: string;
  /** `NEO4J_EMBEDDED_PORT`, default 7687: Bolt port of the embedded Neo4j on 127.0.0.1. */
  embeddedPort: number;
  /** `NEO4J_EMBEDDED_DATA`, default .data/neo4j: where the embedded Neo4j keeps its store. */
  embeddedData: string;
  /** `NEO4J_EMBEDDED_START_TIMEOUT_MS`, default 180000: a cold first start resolves the jars with Maven. */
  embeddedStartTimeoutMs: number;
  /** `NEO4J_EMBEDDED_JAVA_OPTS`, default none: extra options for the embedded Neo4j's JVM (`-Xmx2g`, …), space-separated. */
  embeddedJavaOptions: string[];
  /** `NEO4J_QUERY_TIMEOUT_MS`, default 10000: transaction timeout of every Cypher statement. */
  queryTimeoutMs: number;
  /** `NEO4J_CONNECT_TIMEOUT_MS`, default 5000: how long a request waits for a connection before SERVICE_UNAVAILABLE. */
  connectTimeoutMs: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A configuration value that cannot be used; `message` is the one line to show. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Parses the configuration from `env` (default `process.env`); throws `ConfigError` on the first bad value. */
export function loadConfig(env: Env = process.env): Config {
  const read = reader(env);
  return {
    port: read.integer('PORT', 4000, 1, 65535),
    host: read.string('HOST', '127.0.0.1'),
    production: read.string('NODE_ENV', 'development') === 'production',
    logLevel: read.oneOf('LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error'] as const),
    seedOnStart: read.boolean('SEED_ON_START', true),
    heapGrowthPercent: read.integer('HEAP_GROWTH_PERCENT', 50, 0, 1_000),
    auth: parseAuth(env, read.boolean('AUTH_REQUIRED', false)),
    graphql: parseGraphql(read),
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    neo4j: {
      uri: read.optionalUri('NEO4J_URI'),
      user: read.string('NEO4J_USER', 'neo4j'),
      password: read.string('NEO4J_PASSWORD', '', { allowEmpty: true }),
      database: read.string('NEO4J_DATABASE', 'neo4j'),
      embeddedPort: read.integer('NEO4J_EMBEDDED_PORT', 7687, 1, 65535),
      embeddedData: read.string('NEO4J_EMBEDDED_DATA', '.data/neo4j'),
      embeddedStartTimeoutMs: read.integer('NEO4J_EMBEDDED_START_TIMEOUT_MS', 180_000, 1_000, 3_600_000),
      embeddedJavaOptions: read.javaOptions('NEO4J_EMBEDDED_JAVA_OPTS'),
      queryTimeoutMs: read.integer('NEO4J_QUERY_TIMEOUT_MS', 10_000, 100, 600_000),
      connectTimeoutMs: read.integer('NEO4J_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
    },
  };
}

/**
 * Parses `AUTH_TOKENS` (`role:token,role:token`; the token is everything after the first colon). Messages
 * name the entry's position, never its token: configuration errors end up in logs.
 */
function parseAuth(env: Env, required: boolean): AuthConfig {
  const raw = env.AUTH_TOKENS?.trim() ?? '';
  const tokens: AuthToken[] = [];
  const perRole = new Map<Role, number>();
  const seen = new Set<string>();
  if (raw !== '') {
    raw.split(',').forEach((part, index) => {
      const entry = part.trim();
      if (entry === '') return; // a trailing comma
      const colon = entry.indexOf(':');
      const role = (colon > 0 ? entry.slice(0, colon).trim() : '') as Role;
      const token = colon > 0 ? entry.slice(colon + 1).trim() : '';
      const at = `AUTH_TOKENS entry ${index + 1}`;
      if (!ROLES.includes(role)) {
        // The entry itself is not echoed: a mistyped entry may be a bare token.
        throw new ConfigError(`${at} must be role:token with role one of ${ROLES.join(', ')}`);
      }
      if (token === '' || /\s/.test(token)) throw new ConfigError(`${at} (${role}) must have a non-empty token without spaces after the colon`);
      if (seen.has(token)) throw new ConfigError(`${at} (${role}) repeats a token given earlier; every token must be unique`);
      seen.add(token);
      const n = (perRole.get(role) ?? 0) + 1;
      perRole.set(role, n);
      tokens.push(new AuthToken(role, `${role}#${n}`, token));
    });
  }
  if (required && tokens.length === 0) {
    throw new ConfigError('AUTH_REQUIRED=true needs AUTH_TOKENS (e.g. AUTH_TOKENS=reader:<token>,editor:<token>): otherwise nobody could read');
  }
  return { tokens, required };
}

function parseGraphql(read: ReturnType<typeof reader>): GraphqlConfig {
  const d = GRAPHQL_DEFAULTS;
  const introspection = read.boolean('INTROSPECTION', d.introspection);
  const graphiql = read.boolean('GRAPHIQL', introspection);
  if (graphiql && !introspection) {
    throw new ConfigError('GRAPHIQL=true needs INTROSPECTION=true: GraphiQL reads the schema by introspection');
  }
  return {
    maxDepth: read.integer('GRAPHQL_MAX_DEPTH', d.maxDepth, 1, 1_000),
    maxAliases: read.integer('GRAPHQL_MAX_ALIASES', d.maxAliases, 0, 10_000),
    maxDirectives: read.integer('GRAPHQL_MAX_DIRECTIVES', d.maxDirectives, 0, 10_000),
    maxTokens: read.integer('GRAPHQL_MAX_TOKENS', d.maxTokens, 100, 1_000_000),
    maxCost: read.integer('GRAPHQL_MAX_COST', d.maxCost, 1, 1_000_000_000),
    costInFlight: read.integer('GRAPHQL_COST_IN_FLIGHT', d.costInFlight, 0, 1_000_000_000),
    costWaitMs: read.integer('GRAPHQL_COST_WAIT_MS', d.costWaitMs, 1, 3_600_000),
    batching: read.boolean('GRAPHQL_BATCHING', d.batching),
    batchMax: read.integer('GRAPHQL_BATCH_MAX', d.batchMax, 1, 1_000),
    maxBodyBytes: read.integer('HTTP_MAX_BODY_BYTES', d.maxBodyBytes, 1_024, 1_073_741_824),
    introspection,
    graphiql,
    jitAfter: read.integer('GRAPHQL_JIT_AFTER', d.jitAfter, -1, 1_000_000),
    responseCacheMb: read.integer('RESPONSE_CACHE_MB', d.responseCacheMb, 0, 65_536),
  };
}

/**
 * Parses `CORS_ORIGINS`: `*`, or comma-separated origins exactly as browsers send them in the `Origin`
 * header (`scheme://host[:port]`, no path, no trailing slash), so a typo fails at start-up rather than
 * silently letting nobody in.
 */
function parseCorsOrigins(value: string | undefined): CorsOrigins {
  const raw = value?.trim() ?? '';
  if (raw === '') return [];
  if (raw === '*') return '*';
  const origins = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS must be * or comma-separated origins such as https://app.example.org or http://localhost:5173 (got "${origin}")`);
    }
  }
  return origins.map((origin) => origin.toLowerCase());
}

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

function reader(env: Env) {
  // Unset and blank mean the same: "use the default".
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const fail = (name: string, expected: string, got: string): never => {
    throw new ConfigError(`${name} must be ${expected} (got "${got}")`);
  };
  return {
    string(name: string, fallback: string, options: { allowEmpty?: boolean } = {}): string {
      if (options.allowEmpty && env[name] !== undefined) return env[name] as string;
      return raw(name) ?? fallback;
    },
    integer(name: string, fallback: number, min: number, max: number): number {
      const value = raw(name);
      if (value === undefined) return fallback;
      const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
        fail(name, `an integer from ${min} to ${max}`, value);
      }
      return parsed;
    },
    boolean(name: string, fallback: boolean): boolean {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (['true', '1', 'yes'].includes(value)) return true;
      if (['false', '0', 'no'].includes(value)) return false;
      return fail(name, 'true or false', value);
    },
    oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (!(allowed as readonly string[]).includes(value)) fail(name, `one of ${allowed.join(', ')}`, value);
      return value as T;
    },
    /**
     * Space-separated JVM options. Each must be an option (start with `-`), and none may replace what the
     * launcher sets itself: its classpath and main class.
     */
    javaOptions(name: string): string[] {
      const options = raw(name)?.split(/\s+/) ?? [];
      for (const option of options) {
        if (!option.startsWith('-')) fail(name, 'JVM options, each starting with - (such as -Xmx2g)', option);
        if (/^(-cp|-classpath|--class-path|-jar|--module-path|-p|-m|--module)(=|$)/.test(option)) {
          fail(name, 'JVM options other than the classpath or main class, which the launcher sets', option);
        }
      }
      return options;
    },
    optionalUri(name: string): string | undefined {
      const value = raw(name);
      if (value === undefined) return undefined;
      const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/.exec(value)?.[1];
      if (!scheme || !URI_SCHEMES.includes(scheme)) {
        fail(name, `a Neo4j URI such as bolt://host:7687 or neo4j+s://xxxx.databases.neo4j.io (schemes: ${URI_SCHEMES.join(', ')})`, value);
      }
      return value;
    },
  };
}
