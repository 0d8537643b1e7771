/**
 * The visual explorer at /explore: draws the graph around a focus node (`?focus=<id>&depth=<n>`) with
 * Cytoscape.js, fed by the `neighbourhood`, `shortestPath`, `search` and `cooccurrence` queries over
 * /graphql; exports go through /export. See README/docs for a screenshot.
 */
import './explore.css';
import {
  ApiError,
  exportUrl,
  fetchCooccurrence,
  fetchLinkQuotations,
  fetchNeighbourhood,
  fetchNetworkMetrics,
  fetchQuotedLinks,
  fetchShortestPath,
  fetchStart,
  NODE_TYPES,
  search,
  type NodeType,
  type Scope,
  type DataScope,
  DATA_SCOPES,
  type SearchHit,
  type GraphNode,
} from './api.js';
import { GraphView, type LayoutName } from './graph.js';
import { escapeHtml, renderHeatmap, type HeatmapMetric } from './heatmap.js';
import { EMPTY_PANEL, renderLinksSection, renderNodePanel, renderPathPanel } from './panel.js';
import { LARGE_GRAPH, communityColour, legendSymbol, lookOf, pageRankSize } from './style.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`explorer page: #${id} is missing`);
  return found as T;
}

const ui = {
  cy: element<HTMLDivElement>('cy'),
  status: element<HTMLDivElement>('status'),
  search: element<HTMLInputElement>('search'),
  results: element<HTMLUListElement>('search-results'),
  depth: element<HTMLSelectElement>('depth'),
  limit: element<HTMLSelectElement>('limit'),
  layout: element<HTMLSelectElement>('layout'),
  measures: element<HTMLSelectElement>('measures'),
  dataScope: element<HTMLSelectElement>('data-scope'),
  legend: element<HTMLUListElement>('legend'),
  relationships: element<HTMLUListElement>('relationships'),
  panel: element<HTMLDivElement>('panel-node'),
  pathPanel: element<HTMLDivElement>('panel-path'),
  png: element<HTMLButtonElement>('export-png'),
  graphml: element<HTMLAnchorElement>('export-graphml'),
  json: element<HTMLAnchorElement>('export-json'),
  viewGraph: element<HTMLButtonElement>('view-graph'),
  viewHeatmap: element<HTMLButtonElement>('view-heatmap'),
  graphView: element<HTMLElement>('graph-view'),
  heatmapView: element<HTMLElement>('heatmap-view'),
  heatmap: element<HTMLDivElement>('heatmap'),
  heatRows: element<HTMLSelectElement>('heat-rows'),
  heatColumns: element<HTMLSelectElement>('heat-columns'),
  heatMetric: element<HTMLSelectElement>('heat-metric'),
  fit: element<HTMLButtonElement>('fit'),
};

const params = new URLSearchParams(window.location.search);
const state = {
  focus: params.get('focus') ?? '',
  depth: clampInt(params.get('depth'), 1, 3, 1),
  limit: clampInt(params.get('limit'), 1, 2000, 200),
  /** Which data is drawn, searched and counted (`?scope=real|synthetic`); the drawing says how much is made up. */
  dataScope: dataScopeOf(params.get('scope')),
  syntheticShare: 0,
  layout: 'fcose' as LayoutName,
  view: params.get('view') === 'heatmap' ? ('heatmap' as const) : ('graph' as const),
  /** Node types the user unchecked (fetched without them). */
  hiddenTypes: new Set<string>(),
  /** Every relationship type of the graph (from `stats`) and whether it is fetched. */
  relationships: new Map<string, boolean>(),
  truncated: false,
  /** Size nodes by PageRank and colour them by Louvain community (`?measures=network`). */
  measures: params.get('measures') === 'network',
};

/** Relationship types fetched unless asked for: the API's default leaves provenance out. */
const OFF_BY_DEFAULT = new Set(['SOURCED_FROM']);

/**
 * What to fetch, from the controls: filters are parameters of the `neighbourhood` query (and of the
 * export links), so the drawing and the exported files hold the same subgraph.
 */
function scope(): Scope {
  const types = state.hiddenTypes.size ? NODE_TYPES.filter((type) => !state.hiddenTypes.has(type)) : undefined;
  const relationships = [...state.relationships];
  const isDefault = relationships.every(([type, on]) => on === !OFF_BY_DEFAULT.has(type));
  const relationshipTypes = isDefault ? undefined : relationships.filter(([, on]) => on).map(([type]) => type);
  return { depth: state.depth, limit: state.limit, types, relationshipTypes, dataScope: state.dataScope };
}

function dataScopeOf(text: string | null): DataScope {
  const upper = (text ?? '').toUpperCase();
  return (DATA_SCOPES as readonly string[]).includes(upper) ? (upper as DataScope) : 'ALL';
}
ui.dataScope.value = state.dataScope;
ui.depth.value = String(state.depth);
if (![...ui.limit.options].some((option) => option.value === String(state.limit))) ui.limit.add(new Option(String(state.limit)));
ui.limit.value = String(state.limit);

function clampInt(text: string | null, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The status line; `data-state` (loading | idle | error) is what tests and screen readers follow. */
function setStatus(kind: 'loading' | 'idle' | 'error', text: string): void {
  ui.status.dataset.state = kind;
  ui.status.textContent = text;
}

function summary(): string {
  const focus = view.node(state.focus)?.label ?? state.focus;
  const data = state.dataScope === 'REAL' ? 'real data only' : state.dataScope === 'SYNTHETIC' ? 'made-up data only' : `${Math.round(state.syntheticShare * 100)}% made up`;
  return `${view.nodeCount} nodes · ${view.edgeCount} edges · around “${focus}”, depth ${state.depth} · ${data}${state.truncated ? ' · truncated at the limit' : ''}`;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.code ? `${error.message} (${error.code})` : error.message;
  return error instanceof Error ? error.message : String(error);
}

const view = new GraphView(ui.cy, {
  selection: (ordered) => void showSelection(ordered.map((node) => node.id())),
  expand: (id) => void expand(id),
});
// For tests and the curious: the Cytoscape instance and the explorer's state.
Object.assign(window, { explorer: { cy: view.cy, view, state } });

// ---- loading and expanding -------------------------------------------------------------------------

let loadToken = 0;

/** Draws the neighbourhood of `focus` afresh; `push` adds a browser history entry. */
async function load(focus: string, { push = false } = {}): Promise<void> {
  const token = ++loadToken;
  state.focus = focus;
  updateUrl(push);
  updateExports();
  setStatus('loading', `Loading the neighbourhood of ${focus}…`);
  try {
    const subgraph = await fetchNeighbourhood(focus, scope());
    if (token !== loadToken) return;
    state.truncated = Boolean(subgraph.truncated);
    state.syntheticShare = subgraph.syntheticShare ?? 0;
    view.replace(subgraph, focus);
    renderFilters();
    await view.layout(state.layout, focus);
    if (token !== loadToken) return;
    view.cy.getElementById(focus).select();
    setStatus('idle', summary());
    void labelLinks();
    if (state.measures) await applyMeasures();
  } catch (error) {
    if (token === loadToken) setStatus('error', `Could not load ${focus}: ${messageOf(error)}`);
  }
}

/** Adds the neighbours of `id` to the drawing (double-click). */
async function expand(id: string): Promise<void> {
  const token = loadToken;
  setStatus('loading', `Expanding ${view.node(id)?.label ?? id}…`);
  try {
    const subgraph = await fetchNeighbourhood(id, { ...scope(), depth: 1 });
    if (token !== loadToken) return;
    const added = view.merge(subgraph, id);
    renderFilters();
    if (view.nodeCount > LARGE_GRAPH) view.placeAround(id, added);
    else if (added.length) await view.layout(state.layout, state.focus, { incremental: state.layout === 'fcose', fit: false });
    if (token !== loadToken) return;
    setStatus('idle', `${summary()} · +${added.length} from ${view.node(id)?.label ?? id}`);
    void labelLinks();
    if (state.measures) await applyMeasures();
  } catch (error) {
    setStatus('error', `Could not expand ${id}: ${messageOf(error)}`);
  }
}

// ---- selection: side panel and shortest path ---------------------------------------------------------

let pathToken = 0;

async function showSelection(ids: string[]): Promise<void> {
  const last = ids.at(-1);
  const node = last ? view.node(last) : undefined;
  ui.panel.innerHTML = node ? renderNodePanel(node) : EMPTY_PANEL;
  if (node) void showLinks(node);
  const token = ++pathToken;
  if (ids.length < 2) {
    ui.pathPanel.innerHTML = '';
    ui.pathPanel.hidden = true;
    view.showPath(null);
    return;
  }
  const [from, to] = ids.slice(-2) as [string, string];
  ui.pathPanel.hidden = false;
  ui.pathPanel.innerHTML = renderPathPanel(view.node(from), view.node(to), 'loading');
  try {
    const path = await fetchShortestPath(from, to, state.dataScope);
    if (token !== pathToken) return;
    view.showPath(path);
    renderFilters();
    void labelLinks();
    ui.pathPanel.innerHTML = renderPathPanel(view.node(from), view.node(to), path);
    ui.pathPanel.dataset.state = path ? 'found' : 'none';
  } catch (error) {
    if (token !== pathToken) return;
    ui.pathPanel.innerHTML = renderPathPanel(view.node(from), view.node(to), new Error(messageOf(error)));
    ui.pathPanel.dataset.state = 'error';
  }
}

let linksToken = 0;

/** Fills the panel's links section of a practice or dilemma: its ADDRESSES links and the quotations each rests on. */
async function showLinks(node: GraphNode): Promise<void> {
  const token = ++linksToken;
  const section = () => (token === linksToken ? ui.panel.querySelector<HTMLElement>('[data-links]') : null);
  if (node.type !== 'PRACTICE' && node.type !== 'DILEMMA') return;
  try {
    const links = await fetchQuotedLinks(node.id, state.dataScope);
    const target = section();
    if (!target) return;
    target.innerHTML = renderLinksSection(node, links);
    target.dataset.state = 'idle';
  } catch (error) {
    const target = section();
    if (!target) return;
    target.innerHTML = renderLinksSection(node, new Error(messageOf(error)));
    target.dataset.state = 'error';
  }
}

let edgeLinksToken = 0;

/**
 * Labels the drawn ADDRESSES edges with the quotations each link rests on. Large drawings show no edge
 * labels, so they are not asked; without an answer the edges keep their plain look.
 */
async function labelLinks(): Promise<void> {
  const token = ++edgeLinksToken;
  const practices = view.nodeCount > LARGE_GRAPH ? [] : view.linkedPractices();
  if (!practices.length) return;
  try {
    const counts = await fetchLinkQuotations(practices, state.dataScope);
    if (token === edgeLinksToken) view.setLinkQuotations(counts);
  } catch {
    // The counts only add to the drawing; the graph itself is drawn and usable without them.
  }
}

document.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!target?.dataset.id) return;
  if (target.dataset.action === 'focus') void load(target.dataset.id, { push: true });
  if (target.dataset.action === 'expand') void expand(target.dataset.id);
});

// ---- filters and legend --------------------------------------------------------------------------------

/**
 * The legend doubles as the node type filter; the relationship list holds every type of the graph.
 * Counts are of what is drawn. Changing a filter fetches the focus neighbourhood again.
 */
function renderFilters(): void {
  const present = view.nodeTypes();
  ui.legend.innerHTML = NODE_TYPES.map((type) => {
    const count = present.get(type) ?? 0;
    return `<li class="${count ? '' : 'absent'}"><label>
      <input type="checkbox" data-node-type="${type}" ${state.hiddenTypes.has(type) ? '' : 'checked'} />
      ${legendSymbol(type)} <span>${escapeHtml(lookOf(type).label)}</span> <span class="count">${count}</span>
    </label></li>`;
  }).join('');
  const drawn = new Map(view.relationshipTypes());
  for (const type of drawn.keys()) if (!state.relationships.has(type)) state.relationships.set(type, true);
  ui.relationships.innerHTML = [...state.relationships]
    .map(
      ([type, on]) => `<li class="${drawn.get(type) ? '' : 'absent'}"><label>
        <input type="checkbox" data-relationship="${escapeHtml(type)}" ${on ? 'checked' : ''} />
        <span>${escapeHtml(type)}</span> <span class="count">${drawn.get(type) ?? 0}</span>
      </label></li>`,
    )
    .join('');
}

ui.legend.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const type = input.dataset.nodeType;
  if (!type) return;
  if (input.checked) state.hiddenTypes.delete(type);
  else state.hiddenTypes.add(type);
  if (state.focus) void load(state.focus);
});

ui.relationships.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const type = input.dataset.relationship;
  if (!type) return;
  // At least one relationship type stays on: with none, only the focus would remain.
  if (!input.checked && [...state.relationships.values()].filter(Boolean).length <= 1) {
    input.checked = true;
    return;
  }
  state.relationships.set(type, input.checked);
  if (state.focus) void load(state.focus);
});

// ---- controls ---------------------------------------------------------------------------------------------

ui.depth.addEventListener('change', () => {
  state.depth = clampInt(ui.depth.value, 1, 3, 1);
  if (state.focus) void load(state.focus);
});

ui.dataScope.addEventListener('change', () => {
  state.dataScope = dataScopeOf(ui.dataScope.value);
  if (state.focus) void load(state.focus);
  if (state.view === 'heatmap') void loadHeatmap();
});

ui.limit.addEventListener('change', () => {
  state.limit = clampInt(ui.limit.value, 1, 2000, 200);
  if (state.focus) void load(state.focus);
});

ui.layout.addEventListener('change', async () => {
  state.layout = ui.layout.value as LayoutName;
  setStatus('loading', 'Laying out…');
  await view.layout(state.layout, state.focus);
  setStatus('idle', summary());
});

ui.fit.addEventListener('click', () => void view.fit());

ui.measures.value = state.measures ? 'network' : '';
ui.measures.addEventListener('change', () => {
  state.measures = ui.measures.value === 'network';
  updateUrl(false);
  void applyMeasures();
});

let measuresToken = 0;

/**
 * Sizes the drawn nodes by PageRank and colours them by community (or back to type colours): the measures
 * of the whole graph with the current filters, from the API (cached there until the data changes).
 */
async function applyMeasures(): Promise<void> {
  const token = ++measuresToken;
  const nodes = view.cy.nodes();
  if (!state.measures) {
    nodes.removeClass('measured');
    return;
  }
  setStatus('loading', 'Computing PageRank and communities…');
  try {
    const { types, relationshipTypes, dataScope } = scope();
    const metrics = await fetchNetworkMetrics({ depth: 1, limit: 1, types, relationshipTypes, dataScope });
    if (token !== measuresToken) return;
    const byId = new Map(metrics.nodes.map((node) => [node.id, node]));
    const ranks = metrics.nodes.map((node) => node.pageRank);
    const [min, max] = [Math.min(...ranks), Math.max(...ranks)];
    view.cy.batch(() => {
      for (const node of nodes) {
        const measured = byId.get(node.id());
        if (!measured) continue;
        node.data({ pageRank: measured.pageRank, community: measured.community, measuredSize: pageRankSize(measured.pageRank, min, max), communityColour: communityColour(measured.community) });
        node.addClass('measured');
      }
    });
    setStatus('idle', `${summary()} · sized by PageRank, ${metrics.communityCount} communities`);
  } catch (error) {
    if (token === measuresToken) setStatus('error', `Could not compute the measures: ${messageOf(error)}`);
  }
}

// ---- search -------------------------------------------------------------------------------------------------

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchToken = 0;
let hits: SearchHit[] = [];

ui.search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void runSearch(ui.search.value.trim()), 200);
});

ui.search.addEventListener('keydown', async (event) => {
  if (event.key === 'Escape') closeResults();
  if (event.key !== 'Enter') return;
  event.preventDefault();
  clearTimeout(searchTimer);
  if (!hits.length) await runSearch(ui.search.value.trim());
  const first = hits[0];
  if (first) pick(first.node.id);
});

ui.results.addEventListener('click', (event) => {
  const item = (event.target as HTMLElement).closest<HTMLElement>('[data-id]');
  if (item?.dataset.id) pick(item.dataset.id);
});

async function runSearch(text: string): Promise<void> {
  const token = ++searchToken;
  if (text.length < 2) {
    hits = [];
    closeResults();
    return;
  }
  try {
    const found = await search(text, 12, state.dataScope);
    if (token !== searchToken) return;
    hits = found;
    ui.results.innerHTML = found.length
      ? found
          .map(
            (hit) =>
              `<li role="option" data-id="${escapeHtml(hit.node.id)}" data-synthetic="${hit.synthetic}">${legendSymbol(hit.type)} <span>${escapeHtml(hit.label)}</span> <small>${escapeHtml(lookOf(hit.type).label)}</small>${hit.synthetic ? ' <span class="tag synthetic">synthetic</span>' : ''}</li>`,
          )
          .join('')
      : '<li class="muted">No matches.</li>';
    ui.results.hidden = false;
  } catch (error) {
    if (token !== searchToken) return;
    ui.results.innerHTML = `<li class="error">${escapeHtml(messageOf(error))}</li>`;
    ui.results.hidden = false;
  }
}

function closeResults(): void {
  ui.results.hidden = true;
}

function pick(id: string): void {
  closeResults();
  ui.search.value = '';
  hits = [];
  if (state.view !== 'graph') setView('graph');
  void load(id, { push: true });
}

document.addEventListener('click', (event) => {
  if (!(event.target as HTMLElement).closest('.search')) closeResults();
});

// ---- exports ------------------------------------------------------------------------------------------------

function updateExports(): void {
  ui.graphml.href = exportUrl('graphml', state.focus, scope());
  ui.json.href = exportUrl('json', state.focus, scope());
}

ui.png.addEventListener('click', async () => {
  const blob = await view.png();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `practice-graph-${state.focus.replace(/[^a-z0-9-]+/gi, '-') || 'view'}.png`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// ---- views: graph and heat map -----------------------------------------------------------------------------

function setView(next: 'graph' | 'heatmap'): void {
  state.view = next;
  ui.graphView.hidden = next !== 'graph';
  ui.heatmapView.hidden = next !== 'heatmap';
  ui.viewGraph.setAttribute('aria-pressed', String(next === 'graph'));
  ui.viewHeatmap.setAttribute('aria-pressed', String(next === 'heatmap'));
  updateUrl(false);
  if (next === 'graph') view.cy.resize();
  else void loadHeatmap();
}

let heatToken = 0;

async function loadHeatmap(): Promise<void> {
  const token = ++heatToken;
  const rows = ui.heatRows.value as NodeType;
  const columns = ui.heatColumns.value as NodeType;
  ui.heatmap.dataset.state = 'loading';
  ui.heatmap.innerHTML = '<p class="muted">Loading…</p>';
  try {
    const matrix = await fetchCooccurrence(rows, columns, state.dataScope);
    if (token !== heatToken) return;
    ui.heatmap.innerHTML = renderHeatmap(matrix, ui.heatMetric.value as HeatmapMetric);
    ui.heatmap.dataset.state = 'idle';
  } catch (error) {
    if (token !== heatToken) return;
    ui.heatmap.innerHTML = `<p class="error">${escapeHtml(messageOf(error))}</p>`;
    ui.heatmap.dataset.state = 'error';
  }
}

ui.viewGraph.addEventListener('click', () => setView('graph'));
ui.viewHeatmap.addEventListener('click', () => setView('heatmap'));
for (const control of [ui.heatRows, ui.heatColumns, ui.heatMetric]) control.addEventListener('change', () => void loadHeatmap());
ui.heatmap.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLElement>('[data-focus]');
  if (button?.dataset.focus) pick(button.dataset.focus);
});

// ---- URL and history --------------------------------------------------------------------------------------------

function updateUrl(push: boolean): void {
  const next = new URLSearchParams();
  if (state.focus) next.set('focus', state.focus);
  next.set('depth', String(state.depth));
  if (state.limit !== 200) next.set('limit', String(state.limit));
  if (state.dataScope !== 'ALL') next.set('scope', state.dataScope.toLowerCase());
  if (state.view === 'heatmap') next.set('view', 'heatmap');
  if (state.measures) next.set('measures', 'network');
  const url = `${window.location.pathname}?${next}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

window.addEventListener('popstate', () => {
  const now = new URLSearchParams(window.location.search);
  state.depth = clampInt(now.get('depth'), 1, 3, 1);
  ui.depth.value = String(state.depth);
  const focus = now.get('focus');
  if (focus && focus !== state.focus) void load(focus);
});

// ---- start ---------------------------------------------------------------------------------------------------------

ui.panel.innerHTML = EMPTY_PANEL;
renderFilters();
setView(state.view);
setStatus('loading', 'Starting…');
fetchStart()
  .then(({ focus, relationshipTypes }) => {
    for (const { type } of relationshipTypes) state.relationships.set(type, !OFF_BY_DEFAULT.has(type));
    renderFilters();
    const start = state.focus || focus;
    if (start) return load(start);
    setStatus('idle', 'The graph is empty: search above, or import data.');
  })
  .catch((error: unknown) => setStatus('error', messageOf(error)));
