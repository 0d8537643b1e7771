import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics, type NetworkInput } from './network-metrics.js';

/**
 * Zachary's karate club (W. W. Zachary, 1977): 34 members, 78 friendships, undirected. The edge list is
 * networkx's `karate_club_graph()` (networkx 2.8.8, `sorted(G.edges())`), members numbered 0..33.
 */
const KARATE_EDGES: Array<[number, number]> = [
  [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11], [0, 12], [0, 13], [0, 17], [0, 19],
  [0, 21], [0, 31], [1, 2], [1, 3], [1, 7], [1, 13], [1, 17], [1, 19], [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9],
  [2, 13], [2, 27], [2, 28], [2, 32], [3, 7], [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16], [6, 16],
  [8, 30], [8, 32], [8, 33], [9, 33], [13, 33], [14, 32], [14, 33], [15, 32], [15, 33], [18, 32], [18, 33], [19, 33],
  [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29], [23, 32], [23, 33], [24, 25], [24, 27], [24, 31],
  [25, 31], [26, 29], [26, 33], [27, 33], [28, 31], [28, 33], [29, 32], [29, 33], [30, 32], [30, 33], [31, 32], [31, 33],
  [32, 33],
];

const member = (n: number) => `m${String(n).padStart(2, '0')}`;

/**
 * The club as our directed input: each friendship in both directions, which is what networkx does with an
 * undirected graph for PageRank (and the undirected view gives back the same 78 edges for betweenness).
 */
const KARATE: NetworkInput = {
  nodes: Array.from({ length: 34 }, (_, n) => ({ id: member(n) })),
  edges: KARATE_EDGES.flatMap(([a, b]) => [
    { source: member(a), target: member(b) },
    { source: member(b), target: member(a) },
  ]),
};

/**
 * Reference figures from networkx 2.8.8 (`/usr/bin/python3`), computed once:
 *   G = nx.karate_club_graph()
 *   nx.betweenness_centrality(G, normalized=True)[n]; nx.pagerank(G, alpha=0.85, weight=None)[n]; G.degree(n)
 * (weight=None: networkx ≥ 2.8 attaches interaction counts as weights; the published figures are unweighted.)
 */
const KARATE_REFERENCE: Array<{ n: number; degree: number; betweenness: number; pageRank: number }> = [
  { n: 0, degree: 16, betweenness: 0.43763528138528146, pageRank: 0.09700181758983706 },
  { n: 33, degree: 17, betweenness: 0.30407497594997596, pageRank: 0.1009179167487121 },
  { n: 32, degree: 12, betweenness: 0.145247113997114, pageRank: 0.07169213006588289 },
  { n: 2, degree: 10, betweenness: 0.14365680615680618, pageRank: 0.05707842304763673 },
  { n: 31, degree: 6, betweenness: 0.13827561327561325, pageRank: 0.037156635922679405 },
  { n: 8, degree: 5, betweenness: 0.05592682780182781, pageRank: 0.029765339186167028 },
  { n: 11, degree: 1, betweenness: 0, pageRank: 0.009564916863537146 },
];

describe('computeNetworkMetrics on Zachary\'s karate club', () => {
  const result = computeNetworkMetrics(KARATE);
  const byId = new Map(result.nodes.map((node) => [node.id, node]));

  it('matches networkx for degree, betweenness and PageRank', () => {
    expect(result.nodes).toHaveLength(34);
    for (const { n, degree, betweenness, pageRank } of KARATE_REFERENCE) {
      const node = byId.get(member(n))!;
      // Both directions stored: in = out = the undirected degree.
      expect(node.inDegree, `in-degree of ${n}`).toBe(degree);
      expect(node.outDegree, `out-degree of ${n}`).toBe(degree);
      expect(node.degree).toBe(2 * degree);
      expect(node.betweenness, `betweenness of ${n}`).toBeCloseTo(betweenness, 10);
      // Power iteration to a tolerance of 1e-6 per node, as networkx: agree to ~1e-7.
      expect(node.pageRank, `PageRank of ${n}`).toBeCloseTo(pageRank, 6);
    }
    const total = result.nodes.reduce((sum, node) => sum + node.pageRank, 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('finds Louvain communities close to the best known split, and separates the two leaders', () => {
    // The karate club's maximum modularity is 0.4198 (Brandes et al., "On modularity clustering", 2008);
    // networkx's louvain_communities(G, weight=None, seed=1) reaches 0.4188 with 4 communities.
    expect(result.modularity).toBeGreaterThan(0.4);
    expect(result.modularity).toBeLessThanOrEqual(0.41979);
    expect(result.communityCount).toBeGreaterThanOrEqual(2);
    expect(result.communityCount).toBeLessThanOrEqual(6);
    // The instructor (0) and the administrator (33), whose quarrel split the club, end in different communities.
    expect(byId.get(member(0))!.community).not.toBe(byId.get(member(33))!.community);
    // Integers 0..k-1, numbered in id order: the first node is in community 0.
    expect(result.nodes[0]!.community).toBe(0);
    expect(new Set(result.nodes.map((node) => node.community))).toEqual(new Set(Array.from({ length: result.communityCount }, (_, i) => i)));
    expect(result.relationshipCount).toBe(156);
  });

  it('is stable: the same graph in another order gives the same answer', () => {
    const shuffled: NetworkInput = { nodes: [...KARATE.nodes].reverse(), edges: [...KARATE.edges].reverse() };
    expect(computeNetworkMetrics(shuffled)).toEqual(result);
  });
});

describe('computeNetworkMetrics on a small directed graph', () => {
  /**
   * Reference from networkx 2.8.8:
   *   D = nx.DiGraph([('a','b'),('b','c'),('c','a'),('c','d'),('d','e'),('e','d'),('a','e'),('f','a')]); D.add_node('g')
   *   nx.pagerank(D, alpha=0.85)  — g is isolated (dangling: its rank is spread over all nodes)
   *   nx.betweenness_centrality(D.to_undirected(), normalized=True)
   */
  const reference: Record<string, { pageRank: number; betweenness: number; inDegree: number; outDegree: number }> = {
    a: { pageRank: 0.07596187878182001, betweenness: 0.36666666666666664, inDegree: 2, outDegree: 2 },
    b: { pageRank: 0.056674594031065145, betweenness: 0, inDegree: 1, outDegree: 1 },
    c: { pageRank: 0.0725634886734517, betweenness: 0.13333333333333333, inDegree: 1, outDegree: 2 },
    d: { pageRank: 0.37261928025917035, betweenness: 0.03333333333333333, inDegree: 2, outDegree: 1 },
    e: { pageRank: 0.3734002704496146, betweenness: 0.06666666666666667, inDegree: 2, outDegree: 1 },
    f: { pageRank: 0.02439024390243903, betweenness: 0, inDegree: 0, outDegree: 1 },
    g: { pageRank: 0.02439024390243903, betweenness: 0, inDegree: 0, outDegree: 0 },
  };
  const edges: Array<[string, string]> = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['d', 'e'], ['e', 'd'], ['a', 'e'], ['f', 'a']];

  it('follows the stored direction for PageRank and in/out-degree, and ignores it for betweenness', () => {
    const result = computeNetworkMetrics({
      nodes: Object.keys(reference).map((id) => ({ id })),
      // A second relationship of another type between a and b, and one to a node outside the graph.
      edges: [...edges.map(([source, target]) => ({ source, target })), { source: 'a', target: 'b' }, { source: 'a', target: 'zz' }],
    });
    for (const node of result.nodes) {
      const expected = reference[node.id]!;
      expect(node.pageRank, `PageRank of ${node.id}`).toBeCloseTo(expected.pageRank, 6);
      expect(node.betweenness, `betweenness of ${node.id}`).toBeCloseTo(expected.betweenness, 10);
      // Degrees count relationships: the parallel a→b adds one to each end; the edge to "zz" is ignored.
      const parallel = node.id === 'a' ? { in: 0, out: 1 } : node.id === 'b' ? { in: 1, out: 0 } : { in: 0, out: 0 };
      expect(node.inDegree).toBe(expected.inDegree + parallel.in);
      expect(node.outDegree).toBe(expected.outDegree + parallel.out);
    }
    expect(result.relationshipCount).toBe(9);
    // The isolated node is a community of its own.
    const g = result.nodes.find((node) => node.id === 'g')!;
    expect(result.nodes.filter((node) => node.community === g.community)).toHaveLength(1);
  });

  it('answers an empty graph and a graph without relationships', () => {
    expect(computeNetworkMetrics({ nodes: [], edges: [] })).toEqual({ modularity: 0, communityCount: 0, relationshipCount: 0, nodes: [] });
    const lonely = computeNetworkMetrics({ nodes: [{ id: 'x' }, { id: 'y' }], edges: [] });
    expect(lonely.nodes.map((node) => [node.id, node.pageRank, node.community])).toEqual([['x', 0.5, 0], ['y', 0.5, 1]]);
  });
});
