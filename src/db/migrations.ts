import { LABELS, RELATIONSHIP_TYPES, SEED_RUN_LABEL, type Label } from '../model/index.js';
import type { Database } from './database.js';
import { FULLTEXT_INDEX, FULLTEXT_PROPERTIES, PUBLIC_FULLTEXT_INDEX, PUBLIC_FULLTEXT_PROPERTIES, applyPublicCopies } from './fulltext.js';
import { applySyntheticFlags } from './synthetic.js';

/** The two full-text indexes (see fulltext.ts): everything, and what every viewer may read. */
const FULLTEXT_INDEXES = [
  { name: FULLTEXT_INDEX, properties: FULLTEXT_PROPERTIES },
  { name: PUBLIC_FULLTEXT_INDEX, properties: PUBLIC_FULLTEXT_PROPERTIES },
];

/** Filter and ordering fields that get a range index, per label. */
const RANGE_INDEXED: Partial<Record<Label, string[]>> = {
  Organisation: ['name', 'kind'],
  Person: ['name'],
  Municipality: ['name', 'province'],
  Employee: ['pseudonym', 'role'],
  Practice: ['name', 'kind'],
  Dilemma: ['name'],
  Meeting: ['date', 'kind'],
  // `restricted`: search asks whether anything is restricted through it (see analytics/search.ts).
  Case: ['title', 'year', 'restricted'],
  Quotation: ['restricted'],
  Source: ['kind', 'synthetic'],
};

const snake = (label: string) => label.toLowerCase();

/** One schema statement and the name of the constraint or index it creates. */
export interface SchemaStatement {
  name: string;
  cypher: string;
}

/**
 * The schema statements, all idempotent (`IF NOT EXISTS`): a uniqueness constraint on `id` for every
 * label, a text index on `searchKey` (what `nameContains` compares), range indexes for the filter and
 * ordering fields, a uniqueness constraint on the seed marker's `file`, and the two full-text indexes (all
 * text, and the text every viewer may read: see fulltext.ts). The analyzer folds diacritics, so `geinterviewd`
 * finds `geïnterviewd` and the reverse.
 */
export function migrationStatements(): SchemaStatement[] {
  const statements: SchemaStatement[] = [];
  const add = (kind: string, name: string, rest: string) => statements.push({ name, cypher: `CREATE ${kind} ${name} IF NOT EXISTS ${rest}` });
  for (const label of LABELS) {
    add('CONSTRAINT', `${snake(label)}_id`, `FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    add('TEXT INDEX', `${snake(label)}_search_key`, `FOR (n:${label}) ON (n.searchKey)`);
    // Every label: scopes (`scope: REAL`) test `synthetic` on list pages.
    for (const property of [...new Set([...(RANGE_INDEXED[label] ?? []), 'synthetic'])]) {
      add('INDEX', `${snake(label)}_${property}`, `FOR (n:${label}) ON (n.${property})`);
    }
  }
  // One index per relationship type on `synthetic` (scopes test it on every relationship they walk). It also
  // makes every type of the model known to Neo4j from the first start: a statement naming a type no
  // relationship has yet (QUOTED_FROM before the first QDPX import) would otherwise draw a warning.
  for (const type of RELATIONSHIP_TYPES) {
    add('INDEX', `rel_${type.toLowerCase()}_synthetic`, `FOR ()-[r:${type}]-() ON (r.synthetic)`);
  }
  // The seed's marker (one per seed file, merged by file). The constraint also makes its label and `file` known
  // from the first start: the seed's first question names them before any marker exists, and drew two warnings.
  add('CONSTRAINT', 'seed_run_file', `FOR (r:${SEED_RUN_LABEL}) REQUIRE r.file IS UNIQUE`);
  for (const { name, properties } of FULLTEXT_INDEXES) {
    add(
      'FULLTEXT INDEX',
      name,
      `FOR (n:${LABELS.join('|')}) ON EACH [${properties.map((p) => `n.${p}`).join(', ')}] ` +
        "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
    );
  }
  return statements;
}

/**
 * Applies the migration statements whose constraint or index does not exist yet (schema commands run one per
 * transaction, as Neo4j requires) and waits until the indexes are online; then backfills the `synthetic` flag
 * of every node and relationship that lacks it or has a stale one (see db/synthetic.ts), and the public copies
 * of hideable text that are missing or stale (see db/fulltext.ts). Safe to run at every start-up.
 *
 * Why not send them all (each is `IF NOT EXISTS`): right after a start, on a store migrated before, the 128
 * no-op commands took ~3 s (each planned for the first time on a cold JVM: the whole of this function went
 * from 12.2 to 9.1 s without them, and to 2.8 s with the backfill's statements folded), and every `npm start`
 * waited for them before /ready; one look at the names present replaces them. A constraint or index of the
 * same name is what `IF NOT EXISTS` would have kept too; the full-text indexes, whose definitions change with
 * the model, are compared first and dropped when stale.
 */
export async function applyMigrations(db: Database): Promise<void> {
  await dropStaleFulltextIndexes(db);
  const present = await schemaNames(db);
  for (const { name, cypher } of migrationStatements()) if (!present.has(name)) await db.write(cypher);
  await db.write('CALL db.awaitIndexes(300)');
  await applySyntheticFlags(db);
  await applyPublicCopies(db);
}

/**
 * Names of the indexes the database has. They name the constraints too: each uniqueness constraint is backed by
 * an index of its own name (were one not, its `CREATE … IF NOT EXISTS` would be sent and change nothing).
 */
async function schemaNames(db: Database): Promise<Set<string>> {
  const indexes = await db.read('SHOW INDEXES YIELD name RETURN name');
  return new Set(indexes.map((row) => row.name as string));
}

/**
 * `CREATE … IF NOT EXISTS` keeps an index whose definition is older than the model (a database created
 * before Talk or Quotation existed would never find them by search): such a full-text index is dropped,
 * to be created anew by the statements that follow.
 */
async function dropStaleFulltextIndexes(db: Database): Promise<void> {
  const rows = await db.read(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name IN $names RETURN name, labelsOrTypes, properties',
    { names: FULLTEXT_INDEXES.map((index) => index.name) },
  );
  const same = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && [...a].sort().join() === [...b].sort().join();
  for (const existing of rows) {
    const wanted = FULLTEXT_INDEXES.find((index) => index.name === existing.name)!;
    if (same(existing.labelsOrTypes, LABELS) && same(existing.properties, wanted.properties)) continue;
    // The name comes from the list above, never from input.
    await db.write(`DROP INDEX ${wanted.name} IF EXISTS`);
  }
}
