import type { Database } from '../../db/database.js';
import { groupIdsByLabel, guidTable } from '../../model/index.js';
import { validateParts, type GraphParts, type ValidatedDocument } from '../document.js';
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
  /**
   * Progress before the writing (which `onProgress` reports): called as each phase starts (`done` 0) and,
   * while reading and translating, every few sources (`done` of `total` sources). A large project spends
   * half its time here, so a progress bar must not wait for the writing.
   */
  onPhase?: (phase: QdpxPhase, done: number, total: number) => void;
}

/** The phases of a REFI-QDA import, in order; `writing` is reported by `onProgress`. */
export type QdpxPhase = 'reading' | 'translating' | 'validating';

/** Milliseconds each phase took (`write` includes the commit, or the rollback of a dry run). */
export interface QdpxTimings {
  read: number;
  translate: number;
  validate: number;
  write: number;
}

/** What a REFI-QDA import did: the writer's summary and what the project held (`QdpxStats`). */
export interface QdpxImportResult {
  summary: ImportSummary;
  refi: QdpxStats;
  timings: QdpxTimings;
}

/**
 * Imports a `.qdpx` project or `.qdc` codebook (bytes) into the graph: read and checked (`readRefi`),
 * translated to our document format (`translate`), validated like a JSON import and written in one
 * transaction by the same writer. Any problem (a broken archive or XML, a reference to an unknown GUID,
 * positions outside a text, an unknown municipality, a value the model's text rules refuse) throws
 * `DocumentInvalidError` listing each, and nothing is written. Re-importing the same file changes nothing.
 */
export async function importQdpx(db: Database, bytes: Uint8Array, options: QdpxImportOptions = {}): Promise<QdpxImportResult> {
  const timings: QdpxTimings = { read: 0, translate: 0, validate: 0, write: 0 };
  let clock = Date.now();
  const lap = (phase: keyof QdpxTimings) => {
    const now = Date.now();
    timings[phase] = now - clock;
    clock = now;
  };
  // Each phase lets go of what it was given (the project and its texts, the entries) when it returns: a
  // large project holds only the validated rows while it is written.
  const { document, stats } = await validated(db, await translated(db, bytes, options, lap), options, lap);
  options.onValidated?.(document);
  const summary = await writeDocument(db, document, options.onProgress, options);
  lap('write');
  return { summary, refi: stats, timings };
}

/** Reads the project and translates it into the document's parts; throws `DocumentInvalidError`. */
async function translated(db: Database, bytes: Uint8Array, options: QdpxImportOptions, lap: (phase: keyof QdpxTimings) => void): Promise<{ parts: GraphParts; stats: QdpxStats }> {
  const mapping = options.mapping ?? DEFAULT_MAPPING;
  let project: RefiProject;
  try {
    options.onPhase?.('reading', 0, 0);
    project = readRefi(bytes, options.expect ?? 'any', (done, total) => options.onPhase?.('reading', done, total));
  } catch (error) {
    if (error instanceof RefiFormatError) throw new DocumentInvalidError(error.errors, options.file);
    throw error;
  }
  const known = await knownGraph(db, candidateIds(project, mapping));
  lap('read');
  options.onPhase?.('translating', 0, project.sources.length);
  const errors: string[] = [];
  const report = (m: string) => {
    if (errors.length < 200) errors.push(m);
  };
  const onProgress = (done: number, total: number) => options.onPhase?.('translating', done, total);
  const result = translate(project, known, { mapping, synthetic: options.synthetic ?? false, public: options.public ?? false }, report, onProgress);
  if (errors.length > 0) throw new DocumentInvalidError(errors, options.file);
  lap('translate');
  return result;
}

/** Validates the parts as any import's; throws `DocumentInvalidError`. */
async function validated(
  db: Database,
  { parts, stats }: { parts: GraphParts; stats: QdpxStats },
  options: QdpxImportOptions,
  lap: (phase: keyof QdpxTimings) => void,
): Promise<{ document: ValidatedDocument; stats: QdpxStats }> {
  options.onPhase?.('validating', 0, parts.nodes.length + parts.relationships.length);
  const result = await validateParts(parts, existingIdsIn(db));
  if (!result.ok) throw new DocumentInvalidError(result.errors, options.file);
  lap('validate');
  return { document: result.document, stats };
}

/**
 * What a project can attach to, in two reads: which candidate ids exist, and the ids (to match GUIDs our
 * export derived from them) of the codes, interviewees and sources, with the municipalities' names.
 */
export async function knownGraph(db: Database, candidates: string[]): Promise<KnownGraph> {
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
