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
          const madeUp = matrix.syntheticCounts?.[r]?.[c] ?? 0;
          const title = `${label} × ${matrix.columnLabels[c]}: ${format(value)}${metric === 'coefficients' ? ` (c-coefficient; ${matrix.counts[r]?.[c] ?? 0} cases)` : ' cases'}${madeUp > 0 ? `, ${madeUp} of them made up` : ''}`;
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
