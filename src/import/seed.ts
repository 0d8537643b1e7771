import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { SEED_RUN_LABEL } from '../model/index.js';
import { importDocument, DocumentInvalidError } from './load.js';
import type { ImportSummary, ProgressListener } from './writer.js';

/** The seed folder and its documents, in load order (the sample refers to the report's nodes). */
export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed');
export const SEED_FILES = ['leerkring-2018-03-14.json', 'illustrative-sample.json'];

/** Which seed: a folder and its files in load order (tests seed copies of their own). */
export interface SeedFiles {
  dir: string;
  files: readonly string[];
}

export const DEFAULT_SEED: SeedFiles = { dir: SEED_DIR, files: SEED_FILES };

/**
 * (Re)loads every seed document, one transaction each; idempotent (MERGE by id, unchanged rows untouched).
 * Each file's transaction also records its `SeedRun` marker, so the marker exists exactly when the file's
 * graph does.
 */
export async function loadSeed(
  db: Database,
  onProgress?: (file: string) => ProgressListener | undefined,
  seed: SeedFiles = DEFAULT_SEED,
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const file of seed.files) summaries.push(await loadSeedFile(db, seed.dir, file, onProgress?.(file)));
  return summaries;
}

/**
 * Brings the seed to whole on start: loads every seed file that has not finished (no `SeedRun` marker, or a
 * marker of another version of the file), as long as the database is empty or the seed was started on it
 * (some file of it has a marker). A start interrupted between, or inside, two files' transactions thus
 * ends whole at the next attempt, while a database holding other data and no seed markers (someone
 * else's graph, or one seeded before markers existed) is left alone. Returns the files it loaded.
 */
export async function completeSeed(db: Database, seed: SeedFiles = DEFAULT_SEED): Promise<string[]> {
  const [state] = await db.read(
    `CALL () { MATCH (n) WHERE NOT n:${SEED_RUN_LABEL} RETURN n LIMIT 1 }
     WITH count(n) = 0 AS empty
     OPTIONAL MATCH (r:${SEED_RUN_LABEL}) WHERE r.file IN $files
     RETURN empty, collect(properties(r)) AS finished`,
    { files: [...seed.files] },
  );
  // `properties(r)`, not `r.hash`: on a new store no marker exists yet, and Neo4j warns about a property name it
  // has never seen (the migrations' constraint on `file` makes the label and `file` known).
  const finished = new Map((state!.finished as Array<{ file: string; hash: string }>).map(({ file, hash }) => [file, hash]));
  if (!state!.empty && finished.size === 0) return [];
  const loaded: string[] = [];
  for (const file of seed.files) {
    const text = await readFile(join(seed.dir, file), 'utf8');
    if (finished.get(file) === hashOf(text)) continue;
    await importSeedText(db, file, text);
    loaded.push(file);
  }
  return loaded;
}

async function loadSeedFile(db: Database, dir: string, file: string, onProgress?: ProgressListener): Promise<ImportSummary> {
  return importSeedText(db, file, await readFile(join(dir, file), 'utf8'), onProgress);
}

/** Imports one seed file and, in the same transaction, records that it finished. */
async function importSeedText(db: Database, file: string, text: string, onProgress?: ProgressListener): Promise<ImportSummary> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DocumentInvalidError([`not valid JSON: ${(error as Error).message}`], file);
  }
  return importDocument(db, parsed, {
    file,
    by: 'seed',
    ...(onProgress ? { onProgress } : {}),
    finish: async (run) => {
      await run(`MERGE (r:${SEED_RUN_LABEL} {file: $file}) SET r.hash = $hash, r.at = datetime()`, { file, hash: hashOf(text) });
    },
  });
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');
