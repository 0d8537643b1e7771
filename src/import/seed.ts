import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { importFile } from './load.js';
import type { ImportSummary, ProgressListener } from './writer.js';

/** The seed folder and its documents, in load order (the sample refers to the report's nodes). */
export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed');
export const SEED_FILES = ['leerkring-2018-03-14.json', 'illustrative-sample.json'];

/** (Re)loads every seed document, one transaction each; idempotent (MERGE by id, unchanged rows untouched). */
export async function loadSeed(db: Database, onProgress?: (file: string) => ProgressListener | undefined): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const file of SEED_FILES) summaries.push(await importFile(db, join(SEED_DIR, file), { by: 'seed', onProgress: onProgress?.(file) }));
  return summaries;
}

/** Loads the seed only into an empty database; returns whether it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read('MATCH (n) RETURN count(n) = 0 AS empty');
  if (!row?.empty) return false;
  await loadSeed(db);
  return true;
}
