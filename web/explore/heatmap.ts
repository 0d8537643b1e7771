import type { CooccurrenceMatrix } from './api.js';

export type HeatmapMetric = 'counts' | 'coefficients';

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A white → deep blue scale; `t` in 0..1. */
function shade(t: number): string {
  const clamp = Math.max(0, Math.min(1, t));
  const from = [247, 251, 255];
  const to = [8, 48, 107];
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * clamp));
  return `rgb(${mix.join(',')})`;
}

/**
 * The cell's made-up note for its tooltip, empty when nothing it rests on is made up: of its shared cases
 * (`syntheticCounts`), and of its row's and column's cases, which the c-coefficient divides by. Any of the
 * three above 0 gives a note, whichever metric is shown, so the picture never hides that made-up data is in it.
 * The totals are null where the answer has none (not asked for).
 */
export function madeUpNote(matrix: CooccurrenceMatrix, r: number, c: number): string {
  const cell = matrix.syntheticCounts?.[r]?.[c] ?? 0;
  const row = matrix.rowSyntheticTotals?.[r] ?? 0;
  const column = matrix.columnSyntheticTotals?.[c] ?? 0;
  const notes = [
    cell > 0 ? `${cell} of them made up` : '',
    row > 0 || column > 0 ? `the c-coefficient's totals include made-up cases (row ${row}, column ${column})` : '',
  ].filter((note) => note !== '');
  return notes.length === 0 ? '' : `, ${notes.join('; ')}`;
}

/**
 * Draws the co-occurrence matrix as a table heat map: one row per row node, one column per column
 * node, the cell's colour proportional to its value (counts of shared cases, or the c-coefficient
 * n12 / (n1 + n2 − n12)). Row and column headers are buttons carrying the node id (`data-focus`), so
 * a click can open that node in the graph view.
 */
export function renderHeatmap(matrix: CooccurrenceMatrix, metric: HeatmapMetric): string {
  const values = metric === 'counts' ? matrix.counts : matrix.coefficients;
  const max = Math.max(0, ...values.flat());
  const format = (value: number) => (metric === 'counts' ? String(value) : value.toFixed(2));
  const head = matrix.columnLabels
    .map(
      (label, c) =>
        `<th scope="col" class="col"><button type="button" data-focus="${escapeHtml(matrix.columns[c]?.id ?? '')}" title="${escapeHtml(label)}"><span>${escapeHtml(label)}</span></button></th>`,
    )
    .join('');
  const body = matrix.rowLabels
    .map((label, r) => {
      const cells = (values[r] ?? [])
        .map((value, c) => {
          const t = max > 0 ? value / max : 0;
          const title = `${label} × ${matrix.columnLabels[c]}: ${format(value)}${metric === 'coefficients' ? ` (c-coefficient; ${matrix.counts[r]?.[c] ?? 0} cases)` : ' cases'}${madeUpNote(matrix, r, c)}`;
          return `<td style="background:${shade(t)};color:${t > 0.55 ? '#fff' : '#1d2330'}" title="${escapeHtml(title)}">${value === 0 ? '' : format(value)}</td>`;
        })
        .join('');
      return `<tr><th scope="row"><button type="button" data-focus="${escapeHtml(matrix.rows[r]?.id ?? '')}" title="${escapeHtml(label)}">${escapeHtml(label)}</button></th>${cells}</tr>`;
    })
    .join('');
  // Said in the picture itself, so a screenshot cannot hide how much of the matrix is illustrative data.
  const share = `<p class="muted small" data-synthetic-share="${matrix.syntheticShare ?? 0}">${Math.round((matrix.syntheticShare ?? 0) * 100)}% of these co-occurrences come from made-up (illustrative) data.</p>`;
  const legend = `<div class="heat-legend"><span>0</span><span class="heat-scale"></span><span>${escapeHtml(format(max))}</span></div>${share}`;
  return `<table class="heatmap"><thead><tr><th></th>${head}</tr></thead><tbody>${body}</tbody></table>${legend}`;
}
