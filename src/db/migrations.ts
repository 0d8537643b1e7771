import { LABELS, RELATIONSHIP_TYPES, SEED_RUN_LABEL, type Label } from '../model/index.js';
import type { Database } from './database.js';
import { applySyntheticFlags } from './synthetic.js';

/** Name of the full-text index over names, descriptions, statements, summaries and titles. */
export const FULLTEXT_INDEX = 'practiceGraphText';

/** Properties the full-text index covers (a node type has only some of them). */
export const FULLTEXT_PROPERTIES = ['name', 'title', 'pseudonym', 'statement', 'description', 'summary', 'gloss', 'text'];

/** Filter and ordering fields that get a range index, per label. */
const RANGE_INDEXED: Partial<Record<Label, string[]>> = {
  Organisation: ['name', 'kind'],
  Person: ['name'],
  Municipality: ['name', 'province'],
  Employee: ['pseudonym', 'role'],
  Practice: ['name', 'kind'],
  Dilemma: ['name'],
  Meeting: ['date', 'kind'],
  // `restricted`: search finds the few restricted cases through it (see analytics/search.ts).
  Case: ['title', 'year', 'restricted'],
  Source: ['kind', 'synthetic'],
};

const snake = (label: string) => label.toLowerCase();

/**
 * The schema statements, all idempotent (`IF NOT EXISTS`): a uniqueness constraint on `id` for every
 * label, a text index on `searchKey` (what `nameContains` compares), range indexes for the filter and
 * ordering fields, a uniqueness constraint on the seed marker's `file`, and the full-text index. The analyzer
 * folds diacritics, so `geinterviewd` finds `geïnterviewd` and the reverse.
 */
export function migrationStatements(): string[] {
  const statements: string[] = [];
  for (const label of LABELS) {
    statements.push(`CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    statements.push(`CREATE TEXT INDEX ${snake(label)}_search_key IF NOT EXISTS FOR (n:${label}) ON (n.searchKey)`);
    // Every label: scopes (`scope: REAL`) test `synthetic` on list pages.
    for (const property of [...new Set([...(RANGE_INDEXED[label] ?? []), 'synthetic'])]) {
      statements.push(`CREATE INDEX ${snake(label)}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`);
    }
  }
  // One index per relationship type on `synthetic` (scopes test it on every relationship they walk). It also
  // makes every type of the model known to Neo4j from the first start: a statement naming a type no
  // relationship has yet (QUOTED_FROM before the first QDPX import) would otherwise draw a warning.
  for (const type of RELATIONSHIP_TYPES) {
    statements.push(`CREATE INDEX rel_${type.toLowerCase()}_synthetic IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.synthetic)`);
  }
  // The seed's marker (one per seed file, merged by file). The constraint also makes its label and `file` known
  // from the first start: the seed's first question names them before any marker exists, and drew two warnings.
  statements.push(`CREATE CONSTRAINT seed_run_file IF NOT EXISTS FOR (r:${SEED_RUN_LABEL}) REQUIRE r.file IS UNIQUE`);
  statements.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${LABELS.join('|')}) ` +
      `ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
  );
  return statements;
}

/**
 * Applies every migration statement (schema commands run one per transaction, as Neo4j requires)
 * and waits until the indexes are online; then backfills the `synthetic` flag of every node and
 * relationship that lacks it or has a stale one (see db/synthetic.ts). Safe to run at every start-up.
 */
export async function applyMigrations(db: Database): Promise<void> {
  await dropStaleFulltextIndex(db);
  for (const statement of migrationStatements()) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
  await applySyntheticFlags(db);
}

/**
 * `CREATE … IF NOT EXISTS` keeps an index whose definition is older than the model (a database created
 * before Talk or Quotation existed would never find them by search): such a full-text index is dropped,
 * to be created anew by the statements that follow.
 */
async function dropStaleFulltextIndex(db: Database): Promise<void> {
  const rows = await db.read(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties',
    { name: FULLTEXT_INDEX },
  );
  const existing = rows[0];
  if (!existing) return;
  const same = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (same(existing.labelsOrTypes, LABELS) && same(existing.properties, FULLTEXT_PROPERTIES)) return;
  await db.write(`DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`);
}
