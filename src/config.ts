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
    neo4j: {
      uri: read.optionalUri('NEO4J_URI'),
      user: read.string('NEO4J_USER', 'neo4j'),
      password: read.string('NEO4J_PASSWORD', '', { allowEmpty: true }),
      database: read.string('NEO4J_DATABASE', 'neo4j'),
      embeddedPort: read.integer('NEO4J_EMBEDDED_PORT', 7687, 1, 65535),
      embeddedData: read.string('NEO4J_EMBEDDED_DATA', '.data/neo4j'),
      embeddedStartTimeoutMs: read.integer('NEO4J_EMBEDDED_START_TIMEOUT_MS', 180_000, 1_000, 3_600_000),
      queryTimeoutMs: read.integer('NEO4J_QUERY_TIMEOUT_MS', 10_000, 100, 600_000),
      connectTimeoutMs: read.integer('NEO4J_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
    },
  };
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
      const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
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
