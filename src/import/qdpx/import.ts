import type { Database } from '../../db/database.js';
import { groupIdsByLabel, guidTable } from '../../model/index.js';
import { validateParts } from '../document.js';
import { DocumentInvalidError, type ImportOptions } from '../load.js';
import { existingIdsIn, writeDocument, type ImportSummary } from '../writer.js';
import { DEFAULT_MAPPING, nameKey, type QdpxMapping } from './mapping.js';
import { readRefi, RefiFormatError, type RefiProject } from './read.js';
import { candidateIds, translate, type KnownGraph, type QdpxStats } from './translate.js';

export interface QdpxImportOptions extends ImportOptions {
  /** Default: `DEFAULT_MAPPING`. */
  mapping?: QdpxMapping;
  /** The project is made up: its sources (and so what they support) are `synthetic`. Default false. */
  synthetic?: boolean;
  /** Quotations and the evidence they give readable by everyone. Default false (editors and admins only). */
  public?: boolean;
  /** What the file must be: a zip (`qdpx`), a codebook (`qdc`), or either (`any`, the default). */
  expect?: 'qdpx' | 'qdc' | 'any';
}

/** What a REFI-QDA import did: the writer's summary and what the project held (`QdpxStats`). */
export interface QdpxImportResult {
  summary: ImportSummary;
  refi: QdpxStats;
}

/**
 * Imports a `.qdpx` project or `.qdc` codebook (bytes) into the graph: read and checked (`readRefi`),
 * translated to our document format (`translate`), validated like a JSON import and written in one
 * transaction by the same writer. Any problem (a broken archive or XML, a reference to an unknown GUID,
 * positions outside a text, an unknown municipality, a value the model's text rules refuse) throws
 * `DocumentInvalidError` listing each, and nothing is written. Re-importing the same file changes nothing.
 */
export async function importQdpx(db: Database, bytes: Uint8Array, options: QdpxImportOptions = {}): Promise<QdpxImportResult> {
  const mapping = options.mapping ?? DEFAULT_MAPPING;
  let project: RefiProject;
  try {
    project = readRefi(bytes, options.expect ?? 'any');
  } catch (error) {
    if (error instanceof RefiFormatError) throw new DocumentInvalidError(error.errors, options.file);
    throw error;
  }
  const known = await knownGraph(db, candidateIds(project, mapping));
  const errors: string[] = [];
  const { parts, stats } = translate(project, known, { mapping, synthetic: options.synthetic ?? false, public: options.public ?? false }, (m) => {
    if (errors.length < 200) errors.push(m);
  });
  if (errors.length > 0) throw new DocumentInvalidError(errors, options.file);
  const result = await validateParts(parts, existingIdsIn(db));
  if (!result.ok) throw new DocumentInvalidError(result.errors, options.file);
  options.onValidated?.(result.document);
  const summary = await writeDocument(db, result.document, options.onProgress, options);
  return { summary, refi: stats };
}

/**
 * What a project can attach to, in two reads: which candidate ids exist, and the ids (to match GUIDs our
 * export derived from them) of the codes, interviewees and sources, with the municipalities' names.
 */
async function knownGraph(db: Database, candidates: string[]): Promise<KnownGraph> {
  const existing = candidates.length > 0 ? await existingIdsIn(db)(groupIdsByLabel(candidates)) : new Set<string>();
  const [row] = await db.read(
    `CALL () { MATCH (n) WHERE n:Practice OR n:Dilemma OR n:Conclusion OR n:Employee OR n:Source RETURN collect(n.id) AS ids }
     CALL () { MATCH (m:Municipality) RETURN collect([m.id, m.name]) AS municipalities }
     RETURN ids, municipalities`,
  );
  const municipalities = new Map<string, string>();
  for (const [id, name] of row!.municipalities as Array<[string, string]>) municipalities.set(nameKey(name), id);
  return { existing, byGuid: guidTable(row!.ids as string[]), municipalities };
}
