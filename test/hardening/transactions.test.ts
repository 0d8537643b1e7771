import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 7: managed transactions everywhere, so transient errors are retried. Only src/db/database.ts may
 * open sessions or transactions on the driver; it does so with `executeRead`/`executeWrite` only.
 */
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('where Cypher runs', () => {
  it('no module but src/db/database.ts opens a session, a transaction or runs Cypher on the driver', () => {
    const offenders = sources(SRC)
      .filter((file) => relative(SRC, file) !== join('db', 'database.ts'))
      .filter((file) => /\.session\(|beginTransaction\(|executeQuery\(|\.executeRead\(|\.executeWrite\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('src/db/database.ts runs every statement in a managed transaction', () => {
    const text = readFileSync(join(SRC, 'db', 'database.ts'), 'utf8');
    expect(text).toMatch(/session\.executeRead\(work, txConfig\)/);
    expect(text).toMatch(/session\.executeWrite\(work, txConfig\)/);
    expect(text).not.toMatch(/beginTransaction\(|session\.run\(|executeQuery\(/);
  });
});
