import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphNode, Subgraph } from './api.js';
import { quotationText } from './panel.js';
import { LARGE_GRAPH, stylesheet } from './style.js';

cytoscape.use(fcose);

/** The layouts on offer: force-directed (fCoSE), rings by distance from the focus, a BFS hierarchy. */
export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst';

export interface GraphViewEvents {
  /** The selected nodes changed; `ordered` lists them in the order they were selected. */
  selection(ordered: NodeSingular[]): void;
  /** A node was double-clicked (the explorer expands it). */
  expand(id: string): void;
}

/** Prefix of edge element ids: Cytoscape shares one id space between nodes and edges. */
const EDGE_PREFIX = 'edge/';

/**
 * The drawing: a Cytoscape.js instance with the graph's nodes and edges, the layouts and path
 * highlighting. It keeps the full `GraphNode` of every node it shows
 * (properties, sources) for the side panel.
 */
export class GraphView {
  readonly cy: Core;
  private readonly nodes = new Map<string, GraphNode>();
  private readonly selectionOrder: string[] = [];
  private large = false;
  private layoutRun: cytoscape.Layouts | undefined;

  constructor(container: HTMLElement, events: GraphViewEvents) {
    this.cy = cytoscape({
      container,
      style: stylesheet(false),
      minZoom: 0.05,
      maxZoom: 4,
      // Shift/Ctrl-click adds to the selection (two nodes → shortest path); box selection with shift-drag.
      selectionType: 'single',
      boxSelectionEnabled: true,
      // Two clicks within 500 ms make a double-click (the usual desktop default; Cytoscape's 250 ms is
      // quicker than many people click).
      multiClickDebounceTime: 500,
      // No motion blur; textureOnViewport is switched on for large graphs only (see tuneForSize).
      motionBlur: false,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    let notify: ReturnType<typeof setTimeout> | undefined;
    this.cy.on('select', 'node', (event) => {
      const id = event.target.id();
      if (!this.selectionOrder.includes(id)) this.selectionOrder.push(id);
      clearTimeout(notify);
      notify = setTimeout(() => events.selection(this.selected()), 0);
    });
    this.cy.on('unselect', 'node', (event) => {
      const at = this.selectionOrder.indexOf(event.target.id());
      if (at >= 0) this.selectionOrder.splice(at, 1);
      clearTimeout(notify);
      notify = setTimeout(() => events.selection(this.selected()), 0);
    });
    // Cytoscape calls any two taps within multiClickDebounceTime a double tap, even on two different
    // nodes (a click on one node and a quick shift-click on another is a path request, not an expansion).
    let previousTap: string | undefined;
    let lastTap: string | undefined;
    this.cy.on('tap', (event) => {
      previousTap = lastTap;
      lastTap = event.target === this.cy ? undefined : (event.target as cytoscape.SingularElementReturnValue).id();
    });
    this.cy.on('dbltap', 'node', (event) => {
      if (previousTap === event.target.id()) events.expand(event.target.id());
    });
  }

  /** The selected nodes, in selection order. */
  selected(): NodeSingular[] {
    return this.selectionOrder.map((id) => this.cy.getElementById(id)).filter((node) => node.nonempty()) as NodeSingular[];
  }

  /** The full node behind an element id, as the API returned it. */
  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  get nodeCount(): number {
    return this.cy.nodes().length;
  }

  get edgeCount(): number {
    return this.cy.edges().length;
  }

  /** Replaces the drawing with `subgraph`, marking `focus`. */
  replace(subgraph: Subgraph, focus: string): void {
    this.layoutRun?.stop();
    this.nodes.clear();
    this.selectionOrder.length = 0;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.add(subgraph);
      this.cy.getElementById(focus).addClass('focus');
    });
    this.tuneForSize();
  }

  /**
   * Adds the nodes and edges of `subgraph` not drawn yet; new nodes start at `around`'s position (so an
   * expansion grows out of the node). Returns the ids of the added nodes.
   */
  merge(subgraph: Subgraph, around?: string): string[] {
    const origin = around ? this.cy.getElementById(around) : undefined;
    const start = origin?.nonempty() ? { ...origin.position() } : undefined;
    let added: string[] = [];
    this.cy.batch(() => {
      added = this.add(subgraph, start);
    });
    this.tuneForSize();
    return added;
  }

  private add(subgraph: Subgraph, position?: { x: number; y: number }): string[] {
    const elements: ElementDefinition[] = [];
    const added: string[] = [];
    for (const node of subgraph.nodes) {
      if (this.nodes.has(node.id)) continue;
      this.nodes.set(node.id, node);
      added.push(node.id);
      elements.push({
        group: 'nodes',
        data: { id: node.id, label: node.label, type: node.type, synthetic: node.synthetic },
        position: position ? { x: position.x + Math.random() * 40 - 20, y: position.y + Math.random() * 40 - 20 } : undefined,
      });
    }
    for (const edge of subgraph.edges) {
      const id = EDGE_PREFIX + edge.id;
      if (this.cy.getElementById(id).nonempty() || !this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      elements.push({
        group: 'edges',
        // Made-up and inferred relationships are drawn apart from the sourced ones (style.ts), as made-up nodes are.
        data: { id, source: edge.source, target: edge.target, type: edge.type, synthetic: edge.synthetic, inferred: edge.properties.inferred === true },
      });
    }
    this.cy.add(elements);
    return added;
  }

  /**
   * Switches between the detailed and the fast drawing as the graph crosses LARGE_GRAPH nodes: the fast
   * stylesheet, and panning/zooming a snapshot of the viewport (redrawn in full when the gesture ends).
   * Small graphs redraw every frame, which stays sharp and is cheap there.
   */
  private tuneForSize(): void {
    const large = this.cy.nodes().length > LARGE_GRAPH;
    if (large === this.large) return;
    this.large = large;
    this.cy.style(stylesheet(large));
    // The `textureOnViewport` init option, changed after init: the canvas renderer reads this field on
    // every frame (cytoscape 3.35). Without it the drawing is only slower, never wrong.
    const renderer = (this.cy as unknown as { renderer?: () => { textureOnViewport?: boolean } }).renderer?.();
    if (renderer && 'textureOnViewport' in renderer) renderer.textureOnViewport = large;
  }

  /**
   * Lays out the whole drawing. `focus` is the centre of the concentric and the root of the
   * breadth-first layout; with `incremental`, fCoSE refines the current positions instead of starting
   * over (used after an expansion). Resolves when the layout has stopped.
   */
  async layout(name: LayoutName, focus: string | undefined, { incremental = false, fit = true } = {}): Promise<void> {
    this.layoutRun?.stop();
    const all = this.cy.elements();
    const count = all.nodes().length;
    if (count === 0) return;
    const animate = count <= 250;
    const root = focus ? this.cy.getElementById(focus) : undefined;
    let options: LayoutOptions;
    switch (name) {
      case 'fcose':
        options = {
          name: 'fcose',
          // fCoSE only refines existing positions in "proof" quality. Above LARGE_GRAPH its force-directed
          // pass takes tens of seconds on 2,000 nodes; its spectral "draft" takes well under one, and
          // `declutter` then separates the nodes the draft puts on the same spot.
          quality: incremental ? 'proof' : count > LARGE_GRAPH ? 'draft' : 'default',
          randomize: !incremental,
          animate,
          animationDuration: 400,
          fit,
          padding: 30,
          nodeRepulsion: () => 6500,
          idealEdgeLength: () => (count > LARGE_GRAPH ? 40 : 70),
          nodeSeparation: 60,
          packComponents: true,
          numIter: count > LARGE_GRAPH ? 1000 : 2500,
        } as LayoutOptions;
        break;
      case 'concentric': {
        const depth = this.distancesFrom(root);
        const max = Math.max(0, ...depth.values());
        options = {
          name: 'concentric',
          concentric: (node: NodeSingular) => max + 1 - (depth.get(node.id()) ?? max + 1),
          levelWidth: () => 1,
          minNodeSpacing: count > LARGE_GRAPH ? 4 : 18,
          animate,
          animationDuration: 400,
          fit,
          padding: 30,
        } as LayoutOptions;
        break;
      }
      case 'breadthfirst':
        options = {
          name: 'breadthfirst',
          roots: root?.nonempty() ? root : undefined,
          directed: false,
          spacingFactor: count > LARGE_GRAPH ? 0.6 : 1.1,
          animate,
          animationDuration: 400,
          fit,
          padding: 30,
        } as LayoutOptions;
        break;
    }
    const run = all.layout(options);
    this.layoutRun = run;
    const stopped = run.promiseOn('layoutstop');
    run.run();
    await stopped;
    if (name === 'fcose' && !incremental && count > LARGE_GRAPH && this.layoutRun === run) {
      this.declutter();
      if (fit) this.cy.fit(undefined, 30);
    }
  }

  /**
   * Spreads a draft layout out: scales it to about NODE_ROOM pixels per node, then puts nodes that share
   * a spot (a spectral layout gives all leaves of one hub the same position) on a sunflower spiral
   * around it. Linear in the number of nodes.
   */
  private declutter(): void {
    const NODE_ROOM = 44;
    const nodes = this.cy.nodes();
    const box = nodes.boundingBox();
    const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
    const scale = Math.max(1, (Math.sqrt(nodes.length) * NODE_ROOM) / Math.max(box.w, box.h, 1));
    const cells = new Map<string, Array<{ id: string; x: number; y: number }>>();
    nodes.forEach((node) => {
      const { x, y } = node.position();
      const at = { id: node.id(), x: centre.x + (x - centre.x) * scale, y: centre.y + (y - centre.y) * scale };
      const key = `${Math.round(at.x / NODE_ROOM)},${Math.round(at.y / NODE_ROOM)}`;
      const cell = cells.get(key);
      if (cell) cell.push(at);
      else cells.set(key, [at]);
    });
    const placed = new Map<string, { x: number; y: number }>();
    const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
    for (const cell of cells.values()) {
      const [first] = cell;
      cell.forEach((at, i) => {
        const radius = 0.75 * NODE_ROOM * Math.sqrt(i);
        placed.set(at.id, { x: first!.x + radius * Math.cos(i * GOLDEN_ANGLE), y: first!.y + radius * Math.sin(i * GOLDEN_ANGLE) });
      });
    }
    this.cy.batch(() => {
      nodes.positions((node) => placed.get(node.id())!);
    });
  }

  /**
   * Puts freshly added nodes on a ring around `id` without moving anything else: how expansions are
   * placed once the graph is too large to re-run a force-directed layout on every double-click.
   */
  placeAround(id: string, added: string[]): void {
    const centre = this.cy.getElementById(id);
    if (centre.empty() || !added.length) return;
    const { x, y } = centre.position();
    const radius = 40 + 4 * added.length;
    const ids = new Set(added);
    this.cy
      .nodes()
      .filter((node) => ids.has(node.id()))
      .layout({ name: 'circle', boundingBox: { x1: x - radius, y1: y - radius, w: 2 * radius, h: 2 * radius }, animate: false, fit: false })
      .run();
  }

  /** Hop distance of every node from `root` (unreached nodes are left out). */
  private distancesFrom(root: cytoscape.CollectionReturnValue | undefined): Map<string, number> {
    const depth = new Map<string, number>();
    if (!root?.nonempty()) return depth;
    this.cy.elements().breadthFirstSearch({
      roots: root,
      directed: false,
      visit: (node, _edge, _previous, _index, level) => {
        depth.set(node.id(), level);
      },
    });
    return depth;
  }

  /** Ids of the practices with a drawn ADDRESSES edge (the links that can rest on quotations). */
  linkedPractices(): string[] {
    return [...new Set(this.cy.edges('[type = "ADDRESSES"]').map((edge) => edge.data('source') as string))];
  }

  /**
   * Marks the drawn ADDRESSES edges with the quotations their link rests on (`counts` keyed
   * `<practice id>|<dilemma id>`): edge data `quotations`, and a label on those that rest on any.
   */
  setLinkQuotations(counts: ReadonlyMap<string, number>): void {
    this.cy.batch(() => {
      this.cy.edges('[type = "ADDRESSES"]').forEach((edge) => {
        const n = counts.get(`${edge.data('source')}|${edge.data('target')}`);
        if (n !== undefined) edge.data({ quotations: n, quotationLabel: `ADDRESSES · ${quotationText(n)}` });
      });
    });
  }

  /** Relationship types present in the drawing, with counts, sorted by name. */
  relationshipTypes(): Array<[string, number]> {
    const counts = new Map<string, number>();
    this.cy.edges().forEach((edge) => {
      const type = edge.data('type') as string;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    });
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  }

  /** Node types present in the drawing, with counts. */
  nodeTypes(): Map<string, number> {
    const counts = new Map<string, number>();
    this.cy.nodes().forEach((node) => {
      const type = node.data('type') as string;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    });
    return counts;
  }

  /** Highlights a path (adding any of its nodes and edges not drawn yet); `null` clears it. */
  showPath(path: Subgraph | null): void {
    this.cy.batch(() => {
      this.cy.elements('.path').removeClass('path');
      this.cy.elements('.faded').removeClass('faded');
      if (!path) return;
      this.add(path, this.selected()[0]?.position());
      const ids = new Set([...path.nodes.map((n) => n.id), ...path.edges.map((e) => EDGE_PREFIX + e.id)]);
      this.cy.elements().forEach((element) => {
        if (ids.has(element.id())) element.addClass('path');
        else element.addClass('faded');
      });
    });
    this.tuneForSize();
  }

  /** Fits the view to the given nodes (or everything); resolves when the animation has ended. */
  async fit(ids?: string[]): Promise<void> {
    const wanted = new Set(ids);
    const target = wanted.size ? this.cy.nodes().filter((node) => wanted.has(node.id())) : this.cy.elements();
    await this.cy.animation({ fit: { eles: target, padding: 40 }, duration: this.nodeCount > LARGE_GRAPH ? 0 : 300 }).play().promise();
  }

  /** What is on screen as a PNG (the whole drawing at twice the screen's resolution, white background). */
  png(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }
}
