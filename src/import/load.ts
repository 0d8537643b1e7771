import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode } from '../errors.js';
import { decodeUtf8 } from '../model/index.js';
import { EDGES_CSV, NODES_CSV, validateCsv, type CsvFile } from './csv.js';
import { validateDocument, type ValidatedDocument, type ValidationResult } from './document.js';
import { existingIdsIn, writeDocument, type ImportSummary, type ProgressListener, type WriteOptions } from './writer.js';

/** The document failed validation; `errors` lists every problem with its position (also in `extensions.errors`). */
export class DocumentInvalidError extends AppError {
  constructor(readonly errors: string[], file?: string) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `${file ? `${file}: ` : ''}the document has ${errors.length}${errors.length >= 200 ? '+' : ''} error(s); nothing was written:\n${errors.join('\n')}`,
      { errors },
    );
  }
}

/** How to write, and whom to tell about it. */
export interface ImportOptions extends WriteOptions {
  /** Named in error messages. */
  file?: string;
  /** Rows written so far, after every batch. */
  onProgress?: ProgressListener;
  /** Called once validation passed, before anything is written (the CLI prints the row counts). */
  onValidated?: (document: ValidatedDocument) => void;
}

/** Validates then writes a parsed JSON document; throws `DocumentInvalidError` before writing anything if invalid. */
export async function importDocument(db: Database, input: unknown, options: ImportOptions = {}): Promise<ImportSummary> {
  return write(db, await validateDocument(input, existingIdsIn(db)), options);
}

/** Validates then writes a nodes.csv (+ edges.csv) pair (see csv.ts for the columns); all or nothing. */
export async function importCsv(db: Database, nodes: CsvFile, edges: CsvFile | undefined, options: ImportOptions = {}): Promise<ImportSummary> {
  return write(db, await validateCsv(nodes, edges, existingIdsIn(db)), options);
}

function write(db: Database, result: ValidationResult, options: ImportOptions): Promise<ImportSummary> {
  if (!result.ok) throw new DocumentInvalidError(result.errors, options.file);
  options.onValidated?.(result.document);
  return writeDocument(db, result.document, options.onProgress, options);
}

/**
 * A file's text: UTF-8 only, a byte order mark stripped; any other encoding is refused naming what was
 * found and where (`decodeUtf8`), before anything is parsed (a Latin-1 `é` must not become U+FFFD).
 */
export async function readTextFile(file: string): Promise<string> {
  const decoded = decodeUtf8(await readFile(file));
  if (!decoded.ok) throw new DocumentInvalidError([`${file} ${decoded.problem}`]);
  return decoded.text;
}

/** Reads a JSON document from disk (UTF-8, see `readTextFile`) and imports it. */
export async function importFile(db: Database, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const text = await readTextFile(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DocumentInvalidError([`not valid JSON: ${(error as Error).message}`], file);
  }
  return importDocument(db, parsed, { file, ...options });
}

/** What the command line was given to import. */
export type ImportFiles = { kind: 'json'; file: string } | { kind: 'csv'; nodes: string; edges?: string };

/** The command line named files that cannot be imported; the message says what it takes. */
export class ImportUsageError extends Error {
  override name = 'ImportUsageError';
}

/**
 * Works out what to import from the paths given: a `.json` document; a `nodes.csv` (its `edges.csv` is
 * taken from beside it when there: `x/nodes.csv` → `x/edges.csv`, `graph-nodes.csv` → `graph-edges.csv`);
 * both CSV files; or a folder holding them.
 */
export function resolveImportFiles(paths: string[]): ImportFiles {
  const usage = 'give a .json document, a nodes.csv (with its edges.csv beside it), both CSV files, or a folder holding them';
  if (paths.length === 0 || paths.length > 2) throw new ImportUsageError(`Nothing to import: ${usage}.`);
  for (const path of paths) if (!existsSync(path)) throw new ImportUsageError(`${path}: no such file or folder.`);
  if (paths.length === 1) {
    const [path] = paths as [string];
    if (statSync(path).isDirectory()) {
      const nodes = join(path, NODES_CSV);
      if (!existsSync(nodes)) throw new ImportUsageError(`${path}: no ${NODES_CSV} in this folder; ${usage}.`);
      const edges = join(path, EDGES_CSV);
      return { kind: 'csv', nodes, ...(existsSync(edges) ? { edges } : {}) };
    }
    const extension = extname(path).toLowerCase();
    if (extension === '.json') return { kind: 'json', file: path };
    if (extension === '.csv') {
      const name = basename(path);
      if (/edges/i.test(name)) {
        const nodes = join(dirname(path), swapLast(name, /edges/i, 'nodes'));
        if (!existsSync(nodes)) throw new ImportUsageError(`${path}: edges need their nodes file (${nodes} not found).`);
        return { kind: 'csv', nodes, edges: path };
      }
      const edges = /nodes/i.test(name) ? join(dirname(path), swapLast(name, /nodes/i, 'edges')) : undefined;
      return { kind: 'csv', nodes: path, ...(edges && existsSync(edges) ? { edges } : {}) };
    }
    throw new ImportUsageError(`${path}: unknown kind of file; ${usage}.`);
  }
  const [a, b] = paths as [string, string];
  if (![a, b].every((path) => extname(path).toLowerCase() === '.csv')) throw new ImportUsageError(`Two files must both be .csv; ${usage}.`);
  return /edges/i.test(basename(a)) && !/edges/i.test(basename(b)) ? { kind: 'csv', nodes: b, edges: a } : { kind: 'csv', nodes: a, edges: b };
}

/** Imports what `resolveImportFiles` found. */
export async function importFiles(db: Database, files: ImportFiles, options: ImportOptions = {}): Promise<ImportSummary> {
  if (files.kind === 'json') return importFile(db, files.file, options);
  const nodes = { name: files.nodes, text: await readTextFile(files.nodes) };
  const edges = files.edges ? { name: files.edges, text: await readTextFile(files.edges) } : undefined;
  return importCsv(db, nodes, edges, options);
}

function swapLast(name: string, pattern: RegExp, replacement: string): string {
  const matches = [...name.matchAll(new RegExp(pattern.source, 'gi'))];
  const last = matches.at(-1)!;
  return name.slice(0, last.index) + replacement + name.slice(last.index! + last[0].length);
}
