import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import { describeFailure } from './run.js';

describe('describeFailure', () => {
  it('names a coded error and the Neo4j error behind it, on one line', () => {
    const cause = new Neo4jError('Failed to connect to server.\nCaused by: connect ECONNREFUSED 127.0.0.1:7687', 'ServiceUnavailable', 'N/A', 'N/A');
    const error = new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is not reachable right now; try again shortly.', {}, { cause });
    expect(describeFailure(error)).toBe(
      'The database is not reachable right now; try again shortly. (Neo4j error ServiceUnavailable: Failed to connect to server.) [SERVICE_UNAVAILABLE]',
    );
  });

  it('gives a raw Neo4j error its code and first line, any other error its name and message', () => {
    const neo4jError = new Neo4jError('Unable to load NODE 4:abc:12.\nmore detail', 'Neo.ClientError.Statement.EntityNotFound', 'N/A', 'N/A');
    expect(describeFailure(neo4jError)).toBe('Neo4j error Neo.ClientError.Statement.EntityNotFound: Unable to load NODE 4:abc:12.');
    expect(describeFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('Error ECONNRESET: read ECONNRESET');
    expect(describeFailure(new TypeError('x is not a function\n    at y'))).toBe('TypeError: x is not a function');
    for (const error of [neo4jError, new TypeError('a\nb')]) expect(describeFailure(error)).not.toContain('\n');
  });

  it('keeps the whole message of errors that explain themselves', () => {
    const message = 'NEO4J_URI is not a URI.\nSet it to bolt://host:7687 or leave it empty for the embedded Neo4j.';
    expect(describeFailure(new ConfigError(message))).toBe(message);
  });
});
