import type { StylesheetJson } from 'cytoscape';
import { NODE_TYPES, type NodeType } from './api.js';

/** How a node type is drawn: colour and shape (both, so the legend reads without colour vision too). */
export interface TypeLook {
  label: string;
  colour: string;
  shape: string;
}

/** Colours from the Tableau 10 palette (+1), shapes all distinct. */
export const TYPE_LOOKS: Record<NodeType, TypeLook> = {
  RESEARCH: { label: 'Research', colour: '#b07aa1', shape: 'star' },
  ORGANISATION: { label: 'Organisation', colour: '#4e79a7', shape: 'round-rectangle' },
  PERSON: { label: 'Person', colour: '#76b7b2', shape: 'ellipse' },
  MUNICIPALITY: { label: 'Municipality', colour: '#e15759', shape: 'hexagon' },
  EMPLOYEE: { label: 'Employee', colour: '#f28e2b', shape: 'round-triangle' },
  PRACTICE: { label: 'Practice', colour: '#59a14f', shape: 'round-diamond' },
  DILEMMA: { label: 'Dilemma', colour: '#edc948', shape: 'octagon' },
  CONCLUSION: { label: 'Conclusion', colour: '#9c755f', shape: 'round-tag' },
  MEETING: { label: 'Meeting', colour: '#ff9da7', shape: 'barrel' },
  CASE: { label: 'Case', colour: '#bab0ac', shape: 'rhomboid' },
  SOURCE: { label: 'Source', colour: '#17becf', shape: 'cut-rectangle' },
  QUOTATION: { label: 'Quotation', colour: '#d4a6c8', shape: 'vee' },
  TALK: { label: 'Talk', colour: '#8cd17d', shape: 'round-pentagon' },
};

const UNKNOWN_LOOK: TypeLook = { label: 'Other', colour: '#888888', shape: 'ellipse' };

/** The look of a type, with a grey fallback for types added to the API after this page was built. */
export function lookOf(type: string): TypeLook {
  return (TYPE_LOOKS as Record<string, TypeLook>)[type] ?? UNKNOWN_LOOK;
}

/** Above this many nodes the drawing trades detail for speed (straight "haystack" edges, no edge labels). */
export const LARGE_GRAPH = 600;

/**
 * The Cytoscape stylesheet. Labels hide below a readable on-screen size (`min-zoomed-font-size`), which
 * keeps zoomed-out views of thousands of nodes cheap to draw; `large` switches to the fast edge style.
 */
export function stylesheet(large: boolean): StylesheetJson {
  const byType: StylesheetJson = NODE_TYPES.map((type) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': TYPE_LOOKS[type].colour, shape: TYPE_LOOKS[type].shape as never },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': UNKNOWN_LOOK.colour,
        width: 26,
        height: 26,
        label: 'data(label)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#1d2330',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...byType,
    // Illustrative (made-up) data is drawn with a dashed outline, so no one reads it as a finding.
    { selector: 'node[?synthetic]', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': '#5f6673' } },
    { selector: 'node.focus', style: { width: 40, height: 40, 'font-weight': 'bold', 'font-size': 12, 'z-index': 10 } },
    {
      selector: 'edge',
      style: large
        ? { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': '#b8bec9', opacity: 0.7 }
        : {
            'curve-style': 'bezier',
            width: 1.5,
            'line-color': '#b8bec9',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': '#b8bec9',
            'arrow-scale': 0.8,
            label: 'data(type)',
            'font-size': 7,
            color: '#6b7280',
            'text-rotation': 'autorotate',
            'min-zoomed-font-size': 8,
          },
    },
    // Relationships, likewise: a made-up one dashed, one the sources do not state (inferred) dotted. The made-up
    // look wins where both apply: that it is made up matters more than how it was made.
    { selector: 'edge[?inferred]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[?synthetic]', style: { 'line-style': 'dashed' } },
    // A practice–dilemma link that rests on quotations (coded interviews) says on how many.
    ...(large ? [] : [{ selector: 'edge[quotations > 0]', style: { label: 'data(quotationLabel)', width: 2.5, 'line-color': '#8d6cab', 'target-arrow-color': '#8d6cab', color: '#5b3f78' } }]),
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d4ed8', 'border-style': 'solid' } },
    { selector: 'edge:selected', style: { 'line-color': '#1d4ed8', 'target-arrow-color': '#1d4ed8', width: 3 } },
    {
      selector: 'node.path',
      style: { 'border-width': 4, 'border-color': '#dc2626', 'border-style': 'solid', 'z-index': 20 },
    },
    {
      selector: 'edge.path',
      style: {
        'line-color': '#dc2626',
        'target-arrow-color': '#dc2626',
        width: 4,
        'z-index': 20,
        opacity: 1,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
      },
    },
    { selector: '.faded', style: { opacity: 0.35 } },
    // "Size by PageRank, colour by community": the measures are set as node data by the explorer.
    { selector: 'node.measured', style: { width: 'data(measuredSize)', height: 'data(measuredSize)', 'background-color': 'data(communityColour)' } },
  ];
}

/** Colours of communities (Tableau 10), repeated when there are more communities than colours. */
const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The colour of a Louvain community number. */
export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length]!;
}

/** A node's drawn size for its PageRank within [min, max]: 14 to 64 pixels, by area (square root). */
export function pageRankSize(pageRank: number, min: number, max: number): number {
  const share = max > min ? (pageRank - min) / (max - min) : 0.5;
  return Math.round(14 + 50 * Math.sqrt(share));
}

/** SVG markup of a type's legend symbol (colour + an outline of its shape), 16×16. */
export function legendSymbol(type: string): string {
  const { colour, shape } = lookOf(type);
  const points: Record<string, string> = {
    star: '8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6',
    hexagon: '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8',
    'round-triangle': '8,1.5 15,14.5 1,14.5',
    'round-diamond': '8,0.5 15.5,8 8,15.5 0.5,8',
    octagon: '5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5',
    'round-tag': '1,2 11,2 15,8 11,14 1,14',
    rhomboid: '4,2 15.5,2 12,14 0.5,14',
    'cut-rectangle': '4,1.5 12,1.5 15,4.5 15,11.5 12,14.5 4,14.5 1,11.5 1,4.5',
  };
  const body =
    shape === 'ellipse'
      ? `<circle cx="8" cy="8" r="7"/>`
      : shape === 'round-rectangle'
        ? `<rect x="1" y="2.5" width="14" height="11" rx="3"/>`
        : shape === 'barrel'
          ? `<path d="M3,1.5 Q0,8 3,14.5 L13,14.5 Q16,8 13,1.5 Z"/>`
          : `<polygon points="${points[shape] ?? '1,1 15,1 15,15 1,15'}"/>`;
  return `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><g fill="${colour}" stroke="#333" stroke-width="0.6">${body}</g></svg>`;
}
