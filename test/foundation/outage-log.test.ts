import { describe, expect, it } from 'vitest';
import { OutageLog } from '../../src/db/outage-log.js';
import { createTestLogger, openTestDatabase } from '../support/neo4j.js';
import { anyFreePort } from '../support/ports.js';

/**
 * Issue 15, point 7: while Neo4j is away the log took ~100 "Failed to connect" lines a minute (one per failed
 * statement). Now: one line when it goes, one per minute while it stays away, one when it is back.
 */
describe('OutageLog', () => {
  it('one line when Neo4j goes away, one a minute while away, one when back', () => {
    const logger = createTestLogger();
    let now = 1_000_000;
    const log = new OutageLog(logger, 60_000, () => now);
    log.reachable(); // nothing was down: nothing to say
    expect(logger.lines).toEqual([]);

    // 100 failed statements a minute for 3 minutes and a half.
    for (let i = 0; i < 350; i++) {
      log.unreachable('ServiceUnavailable', 'Failed to connect to server');
      now += 600;
    }
    log.reachable();
    log.reachable();
    const messages = logger.lines.map((line) => `${line.level} ${line.message}`);
    expect(messages).toEqual([
      'warn Neo4j unreachable: statements fail with SERVICE_UNAVAILABLE until it answers again',
      'warn Neo4j still unreachable',
      'warn Neo4j still unreachable',
      'warn Neo4j still unreachable',
      'info Neo4j reachable again',
    ]);
    expect(logger.lines[1]!.fields).toMatchObject({ downForMs: 60_000, failedStatements: 101 });
    expect(logger.lines[4]!.fields).toMatchObject({ downForMs: 350 * 600, failedStatements: 350 });

    // A second outage starts its own count.
    log.unreachable('ServiceUnavailable', 'Failed to connect to server');
    expect(logger.lines.at(-1)!.message).toMatch(/^Neo4j unreachable/);
    expect(log.down).toBe(true);
  });

  it('the Database logs one line for many statements failing on an unreachable Neo4j', async () => {
    const logger = createTestLogger();
    const db = openTestDatabase(`bolt://127.0.0.1:${await anyFreePort()}`, logger, { connectTimeoutMs: 1_000 });
    try {
      const failures = await Promise.all(Array.from({ length: 30 }, () => db.read('RETURN 1').then(() => 'answered', (error: { extensions?: { code?: string } }) => error.extensions?.code)));
      expect(failures).toEqual(Array.from({ length: 30 }, () => 'SERVICE_UNAVAILABLE'));
      expect(await db.ping()).toBe(false);
    } finally {
      await db.close();
    }
    expect(logger.lines.map((line) => line.message)).toEqual(['Neo4j unreachable: statements fail with SERVICE_UNAVAILABLE until it answers again']);
  });
});
