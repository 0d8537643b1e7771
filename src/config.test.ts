import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The ConfigError thrown for `env`, or a failure if none is thrown. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  // toMatchObject at the top level: other modules add their own sections (auth, …) with their own tests;
  // the Neo4j section is compared whole.
  it('has working defaults for an empty environment (embedded Neo4j, port 4000, loopback)', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({
      uri: undefined,
      user: 'neo4j',
      password: '',
      database: 'neo4j',
      embeddedPort: 7687,
      embeddedData: '.data/neo4j',
      embeddedStartTimeoutMs: 180_000,
      embeddedJavaOptions: [],
      queryTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
    });
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      production: false,
      logLevel: 'info',
      seedOnStart: true,
      heapGrowthPercent: 50,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      SEED_ON_START: 'false',
      HEAP_GROWTH_PERCENT: '0',
      NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 's3cret',
      NEO4J_DATABASE: 'practice',
      NEO4J_EMBEDDED_PORT: '7700',
      NEO4J_EMBEDDED_DATA: '/var/lib/pg',
      NEO4J_EMBEDDED_START_TIMEOUT_MS: '60000',
      NEO4J_EMBEDDED_JAVA_OPTS: ' -Xmx2g  -XX:TieredStopAtLevel=1 ',
      NEO4J_QUERY_TIMEOUT_MS: '2500',
      NEO4J_CONNECT_TIMEOUT_MS: '1500',
    });
    expect(Object.keys(config.neo4j)).toHaveLength(10);
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      production: true,
      logLevel: 'debug',
      seedOnStart: false,
      heapGrowthPercent: 0,
      neo4j: {
        uri: 'neo4j+s://abcd1234.databases.neo4j.io',
        user: 'reader',
        password: 's3cret',
        database: 'practice',
        embeddedPort: 7700,
        embeddedData: '/var/lib/pg',
        embeddedStartTimeoutMs: 60_000,
        embeddedJavaOptions: ['-Xmx2g', '-XX:TieredStopAtLevel=1'],
        queryTimeoutMs: 2_500,
        connectTimeoutMs: 1_500,
      },
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '  ', NEO4J_URI: '', LOG_LEVEL: '' })).toMatchObject({ port: 4000, logLevel: 'info', neo4j: { uri: undefined } });
  });

  it('NEO4J_EMBEDDED_JAVA_OPTS: refuses a word that is no option, and options that would replace the classpath or main class', () => {
    expect(configError({ NEO4J_EMBEDDED_JAVA_OPTS: '-Xmx2g 2g' }).message).toBe(
      'NEO4J_EMBEDDED_JAVA_OPTS must be JVM options, each starting with - (such as -Xmx2g) (got "2g")',
    );
    for (const option of ['-cp', '-classpath', '--class-path=/tmp', '-jar']) {
      expect(configError({ NEO4J_EMBEDDED_JAVA_OPTS: `-Xmx1g ${option}` }).message).toBe(
        `NEO4J_EMBEDDED_JAVA_OPTS must be JVM options other than the classpath or main class, which the launcher sets (got "${option}")`,
      );
    }
  });

  it('PORT=abc: one line naming PORT and what it expects', () => {
    const error = configError({ PORT: 'abc' });
    expect(error.message).toBe('PORT must be an integer from 1 to 65535 (got "abc")');
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '40.5'],
    ['PORT', '1e3'],
    ['NEO4J_EMBEDDED_PORT', '70000'],
    ['NEO4J_QUERY_TIMEOUT_MS', '99'],
    ['NEO4J_CONNECT_TIMEOUT_MS', '60001'],
    ['NEO4J_EMBEDDED_START_TIMEOUT_MS', '999'],
  ])('%s=%s is out of range or not an integer', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^${name} must be an integer from \\d+ to \\d+ \\(got "${value.replace('.', '\\.')}"\\)$`));
  });

  it('accepts the range bounds', () => {
    expect(loadConfig({ PORT: '1' }).port).toBe(1);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(loadConfig({ NEO4J_QUERY_TIMEOUT_MS: '100' }).neo4j.queryTimeoutMs).toBe(100);
  });

  it.each(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'])('accepts the %s:// scheme', (scheme) => {
    expect(loadConfig({ NEO4J_URI: `${scheme}://db.example.org:7687` }).neo4j.uri).toBe(`${scheme}://db.example.org:7687`);
  });

  it.each(['http://localhost:7474', 'localhost:7687', 'bolt://', 'mongodb://db:27017'])('rejects NEO4J_URI=%s naming the variable and the schemes', (uri) => {
    const error = configError({ NEO4J_URI: uri });
    expect(error.message).toMatch(/^NEO4J_URI must be a Neo4j URI such as bolt:\/\/host:7687/);
    expect(error.message).toContain('schemes: bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc');
    expect(error.message).toContain(`(got "${uri}")`);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
  ])('SEED_ON_START=%s is %s', (value, expected) => {
    expect(loadConfig({ SEED_ON_START: value }).seedOnStart).toBe(expected);
  });

  it('rejects a boolean that is neither', () => {
    expect(configError({ SEED_ON_START: 'maybe' }).message).toBe('SEED_ON_START must be true or false (got "maybe")');
  });

  it('rejects an unknown LOG_LEVEL, listing the allowed ones', () => {
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toBe('LOG_LEVEL must be one of debug, info, warn, error (got "verbose")');
  });

  it('only NODE_ENV=production turns production on', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
  });

  it('keeps an explicitly empty NEO4J_PASSWORD (no auth) and a password with spaces as given', () => {
    expect(loadConfig({ NEO4J_PASSWORD: '' }).neo4j.password).toBe('');
    expect(loadConfig({ NEO4J_PASSWORD: ' pass word ' }).neo4j.password).toBe(' pass word ');
  });
});
