import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentInvalidError, formatSummary, ProgressBar } from '../import/index.js';
import { DEFAULT_MAPPING, importQdpx, parseMapping, type QdpxMapping, type QdpxPhase, type QdpxStats } from '../import/qdpx/index.js';
import { ImportFailedError, openImportConnection, whoRuns } from './import-session.js';

export const QDPX_USAGE = `Usage: npm run import -- FILE.qdpx|FILE.qdc [--mapping FILE.json] [--synthetic] [--public] [--dry-run] [--json]

  FILE.qdpx      a REFI-QDA project (ATLAS.ti, NVivo, MAXQDA, QualCoder, Taguette: "export as REFI-QDA project")
  FILE.qdc       a REFI-QDA codebook (codes only)
  --mapping F    JSON overriding the default mapping: { "groups": { "practices": [...], "dilemmas": [...],
                 "conclusions": [...] }, "variables": { "municipality": [...], "role": [...] },
                 "cases": "employee" | "ignore", "practiceKind": "SKILL" (default none) }
  --synthetic    the project is made up: mark what it brings as synthetic
  --public       quotations (and the evidence they give) readable by everyone; default editors and admins only
  --dry-run      validate and count what would change; write nothing
  --json         print the summary as JSON

Children of the top-level codes (or sets) Werkpraktijken/Praktijken/Practices, Dilemma's/Dilemmas/Dilemma and
Conclusies/Conclusions become practices, dilemmas and conclusions; a code named like an existing node is that
node. Cases are interviewees (variables Gemeente/Municipality, Functie/Role). Each coded selection becomes a
quotation; uncoded text is never stored. One transaction: all or nothing; re-importing changes nothing.
`;

/**
 * `npm run import -- FILE.qdpx …`: the command line of the REFI-QDA import (cli/import.ts hands over any
 * argument list naming a .qdpx or .qdc file). Exit codes as the JSON import's: 0 imported (or dry run
 * passed), 1 the file is invalid or the import failed, 2 wrong arguments.
 */
export async function runQdpxCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        synthetic: { type: 'boolean', default: false },
        public: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${QDPX_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(QDPX_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Give one .qdpx or .qdc file.\n\n${QDPX_USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  let bytes: Uint8Array;
  let mapping: QdpxMapping = DEFAULT_MAPPING;
  try {
    bytes = await readFile(file);
    if (values.mapping) mapping = parseMapping(JSON.parse(await readFile(values.mapping, 'utf8')));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }

  const connection = await openImportConnection();
  const dryRun = values['dry-run'];
  const progress = new ProgressBar(process.stderr);
  const started = Date.now();
  const phase = phaseProgress(file, bytes.length);
  try {
    const { summary, refi, timings } = await importQdpx(connection.db, bytes, {
      file,
      expect: extname(file).toLowerCase() === '.qdc' ? 'qdc' : 'qdpx',
      mapping,
      synthetic: values.synthetic,
      public: values.public,
      dryRun,
      by: whoRuns(),
      onPhase: phase.update,
      onValidated: (doc) => {
        phase.done();
        progress.update('validated; writing', 0, doc.nodeCount + doc.relationshipCount + 1);
      },
      onProgress: (written, total) => progress.update(dryRun ? 'checking' : 'writing', written, total),
    });
    progress.done();
    const seconds = (Date.now() - started) / 1000;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...summary, refi, file, target: connection.uri, seconds, timings })}\n`);
    } else {
      const verb = dryRun ? 'Dry run (nothing written) of' : 'Imported';
      process.stdout.write(formatSummary(`${verb} ${file} into ${connection.uri} in ${seconds.toFixed(1)} s`, summary));
      process.stdout.write(formatStats(refi));
    }
    return 0;
  } catch (error) {
    phase.done();
    progress.done();
    if (error instanceof DocumentInvalidError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw new ImportFailedError(error);
  } finally {
    await connection.close();
  }
}

/** Files from this size on show their reading, translating and validating on stderr, not only the writing. */
const PHASES_FROM_BYTES = 1_000_000;

/**
 * Progress before the writing, for a large project (half of its import time is spent here): a line as
 * reading starts (unpacking and parsing project.qde has no count), then a bar per phase counting sources.
 */
function phaseProgress(file: string, bytes: number): { update: (phase: QdpxPhase, done: number, total: number) => void; done: () => void } {
  let current: { phase: QdpxPhase; bar: ProgressBar } | undefined;
  const done = () => current?.bar.done();
  const update = (phase: QdpxPhase, count: number, total: number) => {
    if (bytes < PHASES_FROM_BYTES) return;
    if (current?.phase !== phase) {
      done();
      current = { phase, bar: new ProgressBar(process.stderr, 0, phase === 'validating' ? 'rows' : 'sources') };
      if (phase === 'reading') current.bar.note(`reading ${file} (${(bytes / 1e6).toFixed(1)} MB)${/\.qdc$/i.test(file) ? '' : ': unpacking and parsing project.qde'}`);
      if (phase === 'validating') current.bar.note(`validating ${total.toLocaleString('en')} nodes and relationships`);
    }
    if (total > 0 && phase !== 'validating') current.bar.update(phase, count, total);
  };
  return { update, done };
}

/** What the project held besides the rows written: mapped and skipped codes, quotations, what was left out. */
export function formatStats(stats: QdpxStats): string {
  const { codes } = stats;
  return [
    `  codes: ${codes.practices} practices, ${codes.dilemmas} dilemmas, ${codes.conclusions} conclusions (${codes.attached} attached to existing nodes); ${codes.skipped} outside the groups, skipped`,
    `  ${stats.cases} cases (interviewees), ${stats.sources} interviews, ${stats.quotations} quotations`,
    `  left out: ${stats.skippedSelections} selections without a mapped code, ${stats.skippedSourceCodings} codings of whole sources, ${stats.skippedSources} sources with nothing mapped or not text`,
    '',
  ].join('\n');
}
