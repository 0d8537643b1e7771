import { readFile } from 'node:fs/promises';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode } from '../errors.js';
import { validateDocument } from './document.js';
import { existingIdsIn, writeDocument, type WriteSummary } from './writer.js';

/** The document failed validation; `errors` lists every problem with its position. */
export class DocumentInvalidError extends AppError {
  constructor(readonly errors: string[], file?: string) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `${file ? `${file}: ` : ''}the document has ${errors.length} error(s); nothing was written:\n${errors.join('\n')}`,
      { errors },
    );
  }
}

/** Validates then writes a parsed document; throws `DocumentInvalidError` before writing anything if invalid. */
export async function importDocument(db: Database, input: unknown, file?: string): Promise<WriteSummary> {
  const result = await validateDocument(input, existingIdsIn(db));
  if (!result.ok) throw new DocumentInvalidError(result.errors, file);
  return writeDocument(db, result.document);
}

/** Reads a JSON document from disk and imports it. */
export async function importFile(db: Database, file: string): Promise<WriteSummary> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DocumentInvalidError([`not valid JSON: ${(error as Error).message}`], file);
  }
  return importDocument(db, parsed, file);
}
