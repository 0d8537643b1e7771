import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { retryTransient } from '../../src/db/database.js';

/**
 * Issue 7: transient errors are retried on every path. Only src/db/database.ts may open sessions or
 * transactions on the driver. Writes of several statements are managed transactions (`executeWrite`, retried
 * by the driver); reads, and writes that are one statement (`writeStatement`), are single auto-commit
 * statements (issue 18: a third of the Bolt traffic of a managed one), retried by `retryTransient` on the
 * driver's schedule (a read is always safe to repeat; such a write is written to be).
 */
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

const transient = () => new Neo4jError('the leader changed', 'Neo.TransientError.Cluster.NotALeader', '50N42', 'error: general processing exception');
const noWait = () => Promise.resolve();

describe('where Cypher runs', () => {
  it('no module but src/db/database.ts opens a session, a transaction or runs Cypher on the driver', () => {
    const offenders = sources(SRC)
      .filter((file) => relative(SRC, file) !== join('db', 'database.ts'))
      .filter((file) => /\.session\(|beginTransaction\(|executeQuery\(|\.executeRead\(|\.executeWrite\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('writes of several statements run in managed transactions; auto-commit statements are reads, the version probe and one-statement writes', () => {
    const text = readFileSync(join(SRC, 'db', 'database.ts'), 'utf8');
    expect(text).toMatch(/session\.executeWrite\(once, txConfig\)/);
    expect(text).not.toMatch(/beginTransaction\(|executeQuery\(/);
    expect(text.match(/session\.run[<(]/g)).toHaveLength(1);
    // The one auto-commit statement runs in a session of the mode it is given (a write in a READ session is refused) …
    expect(text).toMatch(/autoCommitOnce<T>\([^{]*\): Promise<T> \{\s*const accessMode = mode === 'read' \? neo4j\.session\.READ : neo4j\.session\.WRITE;\s*const session = this\.driver\.session\(\{[^}]*defaultAccessMode: accessMode/);
    // … retried for every read and every one-statement write; only the version probe (`RETURN 1`, whose caller does without it on failure) is not.
    expect(text.match(/this\.autoCommitOnce\(/g)).toHaveLength(3);
    expect(text).toMatch(/retryTransient\(this\.retryWindowMs\(\), \(\) =>\s*this\.autoCommitOnce\('read', cypher, params/);
    expect(text).toMatch(/retryTransient\(this\.retryWindowMs\(\), \(\) =>\s*this\.autoCommitOnce\('write', cypher, params/);
    expect(text).toMatch(/this\.autoCommitOnce\('read', 'RETURN 1 AS version'/);
  });
});

describe('retryTransient: reads retry what a managed transaction would', () => {
  it('retries a transient error and returns the answer of the attempt that succeeded', async () => {
    let attempts = 0;
    const answer = await retryTransient(2_000, async () => {
      attempts += 1;
      if (attempts < 3) throw transient();
      return 'rows';
    }, noWait);
    expect(answer).toBe('rows');
    expect(attempts).toBe(3);
  });

  it('does not retry an error that is not transient (a syntax error, a bug of ours)', async () => {
    let attempts = 0;
    const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error: syntax error');
    await expect(
      retryTransient(2_000, async () => {
        attempts += 1;
        throw syntax;
      }, noWait),
    ).rejects.toBe(syntax);
    expect(attempts).toBe(1);
  });

  it('gives up once the window since the first failure has passed, with the last error', async () => {
    const delays: number[] = [];
    let attempts = 0;
    const started = Date.now();
    await expect(
      retryTransient(250, async () => {
        attempts += 1;
        throw transient();
      }, (ms) => {
        delays.push(ms);
        return new Promise((resolve) => setTimeout(resolve, 150));
      }),
    ).rejects.toMatchObject({ code: 'Neo.TransientError.Cluster.NotALeader' });
    // Failures at 0 and ~150 ms are retried; the one at ~300 ms is past the 250 ms window.
    expect(attempts).toBe(3);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The driver's schedule: 1 s, then 2 s, each ±20 %.
    expect(delays[0]).toBeGreaterThanOrEqual(800);
    expect(delays[0]).toBeLessThanOrEqual(1_200);
    expect(delays[1]).toBeGreaterThanOrEqual(1_600);
    expect(delays[1]).toBeLessThanOrEqual(2_400);
  });
});
