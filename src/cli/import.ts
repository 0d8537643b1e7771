import { parseArgs } from 'node:util';
import {
  DocumentInvalidError,
  formatSummary,
  importFiles,
  ImportUsageError,
  ProgressBar,
  resolveImportFiles,
  type ImportFiles,
} from '../import/index.js';
import { runQdpxCommand } from './import-qdpx.js';
import { ImportFailedError, openImportConnection, whoRuns } from './import-session.js';
import { exitWith } from './run.js';

const USAGE = `Usage: npm run import -- FILE [FILE] [--dry-run] [--json]

  FILE        a .json document in the seed format ({ source, nodes, relationships }; see seed/README.md),
              or a nodes.csv (its edges.csv is taken from beside it), or both CSV files, or a folder
              holding nodes.csv and edges.csv (the columns the /export/*.csv files have)
  --dry-run   validate and count what would change; write nothing
  --json      print the summary as JSON

The whole file is validated first (every error listed with its position and id), then written in one
transaction: all or nothing. Re-importing the same file changes nothing. Neo4j: NEO4J_URI when set, else
the embedded Neo4j that \`npm start\` runs, else one started for this command.
`;

/** Exit codes: 0 imported (or dry run passed), 1 the file is invalid or the import failed, 2 wrong arguments. */
async function main(): Promise<number> {
  // REFI-QDA projects and codebooks have options of their own (--mapping, --synthetic, --public).
  if (process.argv.slice(2).some((arg) => /\.(qdpx|qdc)$/i.test(arg))) return runQdpxCommand(process.argv.slice(2));
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let files: ImportFiles;
  try {
    files = resolveImportFiles(positionals);
  } catch (error) {
    if (!(error instanceof ImportUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }

  // One transaction for the whole file: a large one runs longer than the API's per-request timeout.
  const connection = await openImportConnection();
  const dryRun = values['dry-run'];
  const progress = new ProgressBar(process.stderr);
  const started = Date.now();
  try {
    let rows = 0;
    const summary = await importFiles(connection.db, files, {
      dryRun,
      by: whoRuns(),
      onValidated: (doc) => {
        rows = (doc.source ? 1 : 0) + doc.nodeCount + doc.relationshipCount;
        progress.update('validated; writing', 0, rows);
      },
      onProgress: (written, total) => progress.update(dryRun ? 'checking' : 'writing', written, total),
    });
    progress.done();
    const seconds = (Date.now() - started) / 1000;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...summary, files, target: connection.uri, rows, seconds })}\n`);
    } else {
      const what = files.kind === 'json' ? files.file : [files.nodes, files.edges].filter(Boolean).join(' + ');
      const verb = dryRun ? 'Dry run (nothing written) of' : 'Imported';
      process.stdout.write(formatSummary(`${verb} ${what} into ${connection.uri}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`, summary));
    }
    return 0;
  } catch (error) {
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

// Any other failure (Neo4j unreachable or gone during the import, a bug) is one line naming the cause.
main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => exitWith(error, [ImportFailedError]));
