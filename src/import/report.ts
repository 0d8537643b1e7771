import type { ImportCounts, ImportSummary } from './writer.js';

/**
 * The summary of an import as a plain-text table (per label, per relationship type, totals), for the
 * command line. `title` is the first line.
 */
export function formatSummary(title: string, summary: ImportSummary): string {
  const rows: Array<[string, ImportCounts]> = [
    ...summary.byLabel.map((row): [string, ImportCounts] => [row.label, row]),
    ['nodes', summary.nodes],
    ...summary.byType.map((row): [string, ImportCounts] => [row.type, row]),
    ['relationships', summary.relationships],
  ];
  const width = Math.max('all relationships'.length, ...rows.map(([name]) => name.length));
  const line = (name: string, a: string, b: string, c: string) => `  ${name.padEnd(width)}  ${a.padStart(9)}  ${b.padStart(9)}  ${c.padStart(9)}`;
  const number = (n: number) => n.toLocaleString('en');
  const lines = [title, line('', 'created', 'updated', 'unchanged')];
  for (const [name, counts] of rows) {
    const total = name === 'nodes' || name === 'relationships';
    if (total) lines.push(line('', '-------', '-------', '---------'));
    lines.push(line(total ? `all ${name}` : name, number(counts.created), number(counts.updated), number(counts.unchanged)));
    if (name === 'nodes') lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A progress bar on a stream (stderr): redrawn in place on a terminal; on a pipe or file one line per
 * 10%, so logs stay readable. Nothing at all for small jobs (under `threshold` rows).
 */
export class ProgressBar {
  // The rate counts from the first update, not from start-up (connecting, validating).
  private started: number | undefined;
  private lastDecile = -1;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly threshold = 5_000,
    /** What is counted (`rows`, `sources`). */
    private readonly unit = 'rows',
  ) {}

  /** A line of its own (a phase that has no count, `reading x.qdpx (21.9 MB)`), ending a bar drawn before. */
  note(text: string): void {
    this.done();
    this.stream.write(`${text}\n`);
  }

  update(phase: string, done: number, total: number): void {
    if (total < this.threshold) return;
    this.started ??= Date.now();
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const text = `${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${this.unit} (${Math.floor(fraction * 100)}%, ${rate.toLocaleString('en')} ${this.unit}/s)`;
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}  `);
      this.drawn = true;
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== this.lastDecile) {
        this.lastDecile = decile;
        this.stream.write(`${text}\n`);
      }
    }
  }

  /** Ends the bar's line (on a terminal). */
  done(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
