import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { FULLTEXT_INDEX, PUBLIC_FULLTEXT_INDEX } from '../../src/db/fulltext.js';
import { applyMigrations, migrationStatements } from '../../src/db/migrations.js';
import { openTestDatabase, testLogger } from '../support/neo4j.js';

/** The labels of DESIGN.md's model: every one gets a uniqueness constraint on `id`. */
const DESIGN_LABELS = ['Research', 'Organisation', 'Person', 'Municipality', 'Employee', 'Practice', 'Dilemma', 'Conclusion', 'Meeting', 'Case', 'Source'];

interface SchemaSnapshot {
  constraints: Array<{ name: string; type: string; labelsOrTypes: string[]; properties: string[] }>;
  indexes: Array<{ name: string; type: string; state: string; labelsOrTypes: string[] | null; properties: string[] | null }>;
}

async function snapshot(db: Database): Promise<SchemaSnapshot> {
  const constraints = await db.read('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name');
  const indexes = await db.read('SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties RETURN * ORDER BY name');
  return { constraints, indexes } as unknown as SchemaSnapshot;
}

describe('migrations', () => {
  let db: Database;
  beforeAll(() => {
    db = openTestDatabase(inject('neo4jUri'), testLogger);
  });
  afterAll(() => db?.close());

  it('are idempotent statements', () => {
    for (const { cypher } of migrationStatements()) expect(cypher).toContain('IF NOT EXISTS');
  });

  it('applied twice leave the same constraints and indexes (the global setup applied them once already)', async () => {
    const before = await snapshot(db);
    await applyMigrations(db);
    await applyMigrations(db);
    const after = await snapshot(db);
    expect(after).toEqual(before);
    expect(after.constraints.length).toBeGreaterThanOrEqual(DESIGN_LABELS.length);
  });

  it('on a migrated store send only what is missing: a dropped index is created again, nothing else', async () => {
    await db.write('DROP INDEX meeting_kind');
    const sent: string[] = [];
    const stop = db.observe(({ cypher }) => sent.push(cypher));
    try {
      await applyMigrations(db);
    } finally {
      stop();
    }
    expect(sent.filter((cypher) => cypher.startsWith('CREATE'))).toEqual([migrationStatements().find(({ name }) => name === 'meeting_kind')!.cypher]);
    const { indexes } = await snapshot(db);
    expect(indexes.find((index) => index.name === 'meeting_kind')).toMatchObject({ state: 'ONLINE', labelsOrTypes: ['Meeting'], properties: ['kind'] });
  });

  it('put a uniqueness constraint on id for every label of the model', async () => {
    const { constraints } = await snapshot(db);
    for (const label of DESIGN_LABELS) {
      expect(
        constraints.some((c) => c.type === 'UNIQUENESS' && c.labelsOrTypes.length === 1 && c.labelsOrTypes[0] === label && c.properties.join() === 'id'),
        `uniqueness constraint on (:${label}).id`,
      ).toBe(true);
    }
  });

  it('create the full-text index over names, descriptions and statements, and it is ONLINE', async () => {
    const { indexes } = await snapshot(db);
    const fulltext = indexes.find((index) => index.name === FULLTEXT_INDEX);
    expect(fulltext).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
    expect(fulltext!.labelsOrTypes).toEqual(expect.arrayContaining(DESIGN_LABELS));
    expect(fulltext!.properties).toEqual(expect.arrayContaining(['name', 'description', 'statement']));
  });

  it('create the viewers\' full-text index, ONLINE, over the public copies instead of the hideable text', async () => {
    const { indexes } = await snapshot(db);
    const open = indexes.find((index) => index.name === PUBLIC_FULLTEXT_INDEX);
    expect(open).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
    expect(open!.labelsOrTypes).toEqual(expect.arrayContaining(DESIGN_LABELS));
    expect(open!.properties).toEqual(expect.arrayContaining(['name', 'description', 'statement', 'publicSummary', 'publicText']));
    expect(open!.properties).not.toContain('summary');
    expect(open!.properties).not.toContain('text');
  });

  it('leave every index ONLINE', async () => {
    const { indexes } = await snapshot(db);
    expect(indexes.filter((index) => index.state !== 'ONLINE')).toEqual([]);
  });

  it('make the id constraint bite: a duplicate id is refused with BAD_USER_INPUT', async () => {
    // Both creates run in one transaction that the violation rolls back: nothing is ever committed,
    // so concurrent tests that count practices never see this node.
    const id = `practice:migration-test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const attempt = db.writeTransaction(async (run) => {
      await run('CREATE (:Practice {id: $id, name: "migration test"})', { id });
      await run('CREATE (:Practice {id: $id, name: "duplicate"})', { id });
    });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'CONFLICT' } });
    expect(await db.read('MATCH (n:Practice {id: $id}) RETURN n', { id })).toEqual([]);
  });
});
