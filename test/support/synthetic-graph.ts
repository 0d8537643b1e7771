import { mulberry32 } from '../../src/util/index.js';
/**
 * A made-up neighbourhood of `nodeCount` nodes and `edgeCount` edges in the shape `neighbourhood`
 * returns, for drawing at scale (the seed graph has only 105 nodes). Deterministic: the same counts give
 * the same graph. Connected: a random tree from the first node (the focus) plus random extra edges.
 */
export interface SyntheticSubgraph {
  nodes: Array<{
    id: string;
    type: string;
    label: string;
    properties: Record<string, unknown>;
    sources: Array<{ id: string; title: string; kind: string; locator: string | null; synthetic: boolean }>;
    synthetic: boolean;
  }>;
  edges: Array<{ id: string; type: string; source: string; target: string; properties: Record<string, unknown> }>;
  truncated: boolean;
}

const TYPES = ['MUNICIPALITY', 'EMPLOYEE', 'PRACTICE', 'DILEMMA', 'CASE', 'CONCLUSION', 'MEETING', 'PERSON', 'ORGANISATION'];
const RELATIONSHIPS = ['USES', 'APPLIES', 'RAISES', 'ADDRESSES', 'WORKS_AT', 'IN', 'DESCRIBED', 'CONCERNS'];
const WORDS = ['buurt', 'tuin', 'plein', 'vertrouwen', 'kaders', 'initiatief', 'wijk', 'bewoners', 'ruimte', 'verbinden', 'school', 'markt'];

/** The synthetic subgraph (see the file comment); node 0 is the focus. */
export function syntheticNeighbourhood(nodeCount: number, edgeCount: number, seed = 42): SyntheticSubgraph {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const source = { id: 'source:synthetic-bench', title: 'Synthetic graph for drawing at scale', kind: 'ILLUSTRATIVE', locator: null, synthetic: true };
  const nodes: SyntheticSubgraph['nodes'] = [];
  for (let i = 0; i < nodeCount; i++) {
    const type = i === 0 ? 'MUNICIPALITY' : pick(TYPES);
    const label = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
    nodes.push({ id: `${type.toLowerCase()}:synthetic-${i}`, type, label, properties: { name: label, rank: i }, sources: [source], synthetic: true });
  }
  const edges: SyntheticSubgraph['edges'] = [];
  const seen = new Set<string>();
  const link = (a: number, b: number) => {
    const type = pick(RELATIONSHIPS);
    const id = `${nodes[a]!.id}|${type}|${nodes[b]!.id}`;
    if (a === b || seen.has(id)) return false;
    seen.add(id);
    edges.push({ id, type, source: nodes[a]!.id, target: nodes[b]!.id, properties: {} });
    return true;
  };
  // A tree: every node hangs off an earlier one, most of them near the focus (like a real neighbourhood).
  for (let i = 1; i < nodeCount; i++) link(i, Math.floor(Math.pow(next(), 2) * i));
  while (edges.length < edgeCount) link(Math.floor(next() * nodeCount), Math.floor(next() * nodeCount));
  return { nodes, edges, truncated: false };
}
