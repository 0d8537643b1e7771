import { LABELS, type Label } from '../model/index.js';
import type { Database } from './database.js';

/** Name of the full-text index over names, descriptions, statements, summaries and titles. */
export const FULLTEXT_INDEX = 'practiceGraphText';

/** Properties the full-text index covers (a node type has only some of them). */
export const FULLTEXT_PROPERTIES = ['name', 'title', 'pseudonym', 'statement', 'description', 'summary', 'gloss'];

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
 * ordering fields, and the full-text index. The analyzer folds diacritics, so `geinterviewd` finds
 * `geïnterviewd` and the reverse.
 */
export function migrationStatements(): string[] {
  const statements: string[] = [];
  for (const label of LABELS) {
    statements.push(`CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    statements.push(`CREATE TEXT INDEX ${snake(label)}_search_key IF NOT EXISTS FOR (n:${label}) ON (n.searchKey)`);
    for (const property of RANGE_INDEXED[label] ?? []) {
      statements.push(`CREATE INDEX ${snake(label)}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`);
    }
  }
  statements.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${LABELS.join('|')}) ` +
      `ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
  );
  return statements;
}

/**
 * Applies every migration statement (schema commands run one per transaction, as Neo4j requires)
 * and waits until the indexes are online. Safe to run at every start-up.
 */
export async function applyMigrations(db: Database): Promise<void> {
  for (const statement of migrationStatements()) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
}
