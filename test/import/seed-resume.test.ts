import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database, Params, Row } from '../../src/db/database.js';
import { completeSeed, loadSeed, SEED_DIR, SEED_FILES, type SeedFiles } from '../../src/import/seed.js';
import { NODE_SPECS, NODE_TYPES, SEED_RUN_LABEL } from '../../src/model/index.js';
import { openTestDatabase, tempDir, testLogger, uniqueId } from '../support/neo4j.js';

// The real seed files, copied with every id moved into a namespace of this file's own (`municipality:breda`
// → `municipality:<ns>-breda`), so the whole seed can be loaded, broken and completed in the shared test
// database without touching the seed the other files read. Everything is removed after.
const ns = uniqueId('s').slice(2);
const PREFIXES = NODE_TYPES.map((type) => NODE_SPECS[type].idPrefix);
const idInJson = new RegExp(`"(${PREFIXES.join('|')}):([a-z0-9]+(?:-[a-z0-9]+)*)"`, 'g');
const dir = tempDir('seed-resume');
const seed: SeedFiles = { dir: dir.path, files: SEED_FILES.map((file) => `${ns}-${file}`) };
const documents = SEED_FILES.map((file) => JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')) as { nodes: unknown[]; relationships: unknown[] });
// What the whole seed is, read from the files: each file's nodes and its Source; each file's relationships
// and one SOURCED_FROM per node.
const expected = {
  nodes: documents.reduce((n, doc) => n + doc.nodes.length + 1, 0),
  relationships: documents.reduce((n, doc) => n + doc.relationships.length + doc.nodes.length, 0),
};

// Loading the whole seed twice on a busy two-core machine takes well over the default 30 s.
const SEEDING_MS = 180_000;

let db: Database;
beforeAll(() => {
  db = openTestDatabase(inject('neo4jUri'), testLogger, { queryTimeoutMs: 120_000 });
  SEED_FILES.forEach((file, i) => {
    const text = readFileSync(join(SEED_DIR, file), 'utf8').replace(idInJson, (_, prefix: string, slug: string) => `"${prefix}:${ns}-${slug}"`);
    writeFileSync(join(dir.path, seed.files[i]!), text);
  });
});
afterAll(async () => {
  await db?.write(
    `MATCH (n) WHERE any(p IN $prefixes WHERE n.id STARTS WITH p + ':' + $ns + '-') DETACH DELETE n`,
    { prefixes: PREFIXES, ns },
  );
  await db?.write(`MATCH (r:${SEED_RUN_LABEL}) WHERE r.file IN $files DELETE r`, { files: [...seed.files] });
  await db?.close();
  dir.remove();
});

/** The namespaced seed graph as it is in the database now. */
async function counts(): Promise<{ nodes: number; relationships: number; markers: string[] }> {
  const [row] = await db.read(
    `MATCH (n) WHERE any(p IN $prefixes WHERE n.id STARTS WITH p + ':' + $ns + '-')
     WITH collect(n) AS nodes
     RETURN size(nodes) AS nodes,
            COUNT { MATCH (a)-[r]->(b) WHERE a IN nodes AND b IN nodes } AS relationships,
            COLLECT { MATCH (m:${SEED_RUN_LABEL}) WHERE m.file IN $files RETURN m.file ORDER BY m.file } AS markers`,
    { prefixes: PREFIXES, ns, files: [...seed.files] },
  );
  return row as { nodes: number; relationships: number; markers: string[] };
}

/**
 * The database, except that a write transaction fails at the first statement for which `breaks` holds (an
 * interruption the driver does not retry, like a timeout): what ran in that transaction is rolled back.
 */
function failingAt(breaks: (cypher: string) => boolean): Database {
  const failing = Object.create(db) as Database;
  failing.writeTransaction = <T,>(work: (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<T>, options?: { timeoutMs?: number }) =>
    db.writeTransaction((run) => work((cypher, params) => (breaks(cypher) ? Promise.reject(new Error('injected: seed interrupted')) : run(cypher, params))), options);
  return failing;
}

describe('seeding always ends whole', () => {
  it('a first attempt interrupted inside a file leaves nothing of that file', async () => {
    // The first relationship statement of the report file: its nodes were already sent in the same transaction.
    await expect(loadSeed(failingAt((cypher) => cypher.includes(':LED_BY]')), undefined, seed)).rejects.toThrow(/injected/);
    expect(await counts()).toEqual({ nodes: 0, relationships: 0, markers: [] });
  }, SEEDING_MS);

  it('an attempt interrupted midway through the second file is completed by the next one', async () => {
    // The sample's USES relationships come after its nodes: the report file has committed, the sample has not.
    await expect(loadSeed(failingAt((cypher) => cypher.includes(':USES]')), undefined, seed)).rejects.toThrow(/injected/);
    const broken = await counts();
    expect(broken.markers).toEqual([seed.files[0]]);
    expect(broken.nodes).toBe(documents[0]!.nodes.length + 1);
    expect(broken.nodes).toBeLessThan(expected.nodes);

    // The retry (main.ts calls completeSeed on every attempt) loads what is missing, and only that.
    expect(await completeSeed(db, seed)).toEqual([seed.files[1]]);
    expect(await counts()).toEqual({ ...expected, markers: [...seed.files].sort() });
    // Once whole, a further start loads nothing.
    expect(await completeSeed(db, seed)).toEqual([]);
  }, SEEDING_MS);

  it('a database holding other data and no seed marker is left alone', async () => {
    const other: SeedFiles = { dir: dir.path, files: [`${ns}-never-loaded.json`] };
    writeFileSync(join(dir.path, other.files[0]!), '{"source": {}, "nodes": []}');
    // The shared test database holds the seed (and other files' data): not empty, and this "seed" never started.
    expect(await completeSeed(db, other)).toEqual([]);
  });
});
