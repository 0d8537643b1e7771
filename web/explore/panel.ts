import type { GraphNode, QuotedLink, Subgraph } from './api.js';
import { escapeHtml } from './heatmap.js';
import { legendSymbol, lookOf } from './style.js';

/** A property value as text: strings as they are, everything else as JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The side panel for one node: type, label, id, whether it is illustrative (synthetic) data, its
 * properties and the sources it comes from. Buttons carry `data-action` (focus, expand) for main.ts.
 */
export function renderNodePanel(node: GraphNode): string {
  const look = lookOf(node.type);
  const properties = Object.entries(node.properties)
    .filter(([key, value]) => key !== 'id' && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(show(value))}</td></tr>`)
    .join('');
  const sources = node.sources
    .map(
      (source) => `<li>
        <span class="source-title">${escapeHtml(source.title)}</span>
        <span class="tag">${escapeHtml(source.kind)}</span>${source.synthetic ? '<span class="tag synthetic">synthetic</span>' : ''}
        ${source.locator ? `<div class="locator">${escapeHtml(source.locator)}</div>` : ''}
      </li>`,
    )
    .join('');
  const provenance = node.synthetic
    ? `<p class="badge synthetic" data-synthetic="true">Illustrative, made-up data: not a research finding.</p>`
    : `<p class="badge factual" data-synthetic="false">From the sources (not synthetic).</p>`;
  return `
    <div class="node-head">${legendSymbol(node.type)} <span class="type">${escapeHtml(look.label)}</span></div>
    <h2 class="node-label">${escapeHtml(node.label)}</h2>
    <code class="node-id">${escapeHtml(node.id)}</code>
    ${provenance}
    <div class="actions">
      <button type="button" data-action="focus" data-id="${escapeHtml(node.id)}" title="Open the explorer around this node">Focus here</button>
      <button type="button" data-action="expand" data-id="${escapeHtml(node.id)}" title="Add its neighbours (or double-click the node)">Expand</button>
    </div>
    <h3>Properties</h3>
    ${properties ? `<table class="properties">${properties}</table>` : '<p class="muted">None.</p>'}
    <div data-links>${renderLinksSection(node, 'loading')}</div>
    <h3>Sources</h3>
    ${sources ? `<ul class="sources">${sources}</ul>` : '<p class="muted">None recorded.</p>'}
  `;
}

/** How many quotations a link rests on, in words. */
export function quotationText(n: number): string {
  return n === 0 ? 'no quotations' : n === 1 ? '1 quotation' : `${n} quotations`;
}

/**
 * The panel's section on a practice's dilemmas (or a dilemma's practices): each ADDRESSES link with the
 * quotations it rests on. Empty for other node types; `data-links` is where main.ts puts the answer.
 */
export function renderLinksSection(node: GraphNode, links: QuotedLink[] | 'loading' | Error): string {
  if (node.type !== 'PRACTICE' && node.type !== 'DILEMMA') return '';
  const heading = node.type === 'PRACTICE' ? 'Addresses these dilemmas' : 'Addressed by these practices';
  const other = node.type === 'PRACTICE' ? 'DILEMMA' : 'PRACTICE';
  let body: string;
  if (links === 'loading') body = '<p class="muted">Loading…</p>';
  else if (links instanceof Error) body = `<p class="error">${escapeHtml(links.message)}</p>`;
  else if (!links.length) body = '<p class="muted">None.</p>';
  else
    body = `<ul class="links">${links
      .map(
        (link) => `<li data-link="${escapeHtml(link.id)}" data-quotations="${link.quotations}">
          ${legendSymbol(other)} <button type="button" class="link-node" data-action="focus" data-id="${escapeHtml(link.id)}">${escapeHtml(link.name)}</button>
          <span class="${link.quotations ? 'quoted' : 'muted'}">— ${link.quotations ? `rests on ${quotationText(link.quotations)}` : 'no quotations'}</span>
        </li>`,
      )
      .join('')}</ul>`;
  return `<h3>${heading}</h3>${body}`;
}

/** The path section: loading, the path hop by hop, or that the two nodes are not connected. */
export function renderPathPanel(from: GraphNode | undefined, to: GraphNode | undefined, path: Subgraph | null | 'loading' | Error): string {
  const names = `<strong>${escapeHtml(from?.label ?? '?')}</strong> → <strong>${escapeHtml(to?.label ?? '?')}</strong>`;
  if (path === 'loading') return `<h3>Shortest path</h3><p>${names}: searching…</p>`;
  if (path instanceof Error) return `<h3>Shortest path</h3><p class="error">${names}: ${escapeHtml(path.message)}</p>`;
  if (!path) return `<h3>Shortest path</h3><p data-path-length="none">${names}: not connected (within 8 steps).</p>`;
  const byId = new Map(path.nodes.map((node) => [node.id, node]));
  const steps = path.nodes
    .map((node, i) => {
      const edge = path.edges[i];
      // The relationship to the next node, drawn in its own direction: –TYPE→ forward, ←TYPE– backward.
      // Each step says when it is made up or, for a relationship, inferred rather than stated by a source.
      const via = edge
        ? `<div class="via" data-synthetic="${edge.synthetic}">${edge.source === node.id ? `–${escapeHtml(edge.type)}→` : `←${escapeHtml(edge.type)}–`}${provenanceTags(edge.synthetic, edge.properties.inferred === true)}</div>`
        : '';
      return `<li data-synthetic="${node.synthetic}">${legendSymbol(node.type)} ${escapeHtml(byId.get(node.id)?.label ?? node.id)}${provenanceTags(node.synthetic, false)}${via}</li>`;
    })
    .join('');
  return `<h3>Shortest path</h3><p data-path-length="${path.edges.length}">${names}: ${path.edges.length} step${path.edges.length === 1 ? '' : 's'}.</p><ol class="path">${steps}</ol>`;
}

/** The tags after a path step: `synthetic` for made-up data, `inferred` for a relationship no source states. */
function provenanceTags(synthetic: boolean, inferred: boolean): string {
  return `${synthetic ? ' <span class="tag synthetic">synthetic</span>' : ''}${inferred ? ' <span class="tag inferred">inferred</span>' : ''}`;
}

/** What the panel says when nothing is selected. */
export const EMPTY_PANEL = `
  <h2>Nothing selected</h2>
  <p>Click a node to see its properties and sources.</p>
  <ul class="help">
    <li><b>Double-click</b> a node to add its neighbours.</li>
    <li><b>Shift-click</b> a second node to show the shortest path between the two.</li>
    <li>Search above to start from another node.</li>
    <li>Drag with <b>Shift</b> held to select several nodes.</li>
  </ul>`;
