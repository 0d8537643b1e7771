import { stringify } from 'csv-stringify/sync';
import type { GraphEdgeData, GraphNodeData } from '../analytics/index.js';
import { UnreachableCaseError } from '../errors.js';
import { NodeType } from '../model/index.js';
import { EDGE_ATTRIBUTES, METRIC_ATTRIBUTES, NODE_ATTRIBUTES, metricValues, typedValue, type Attribute, type AttributeType } from './attributes.js';
import { xmlEscape } from './xml.js';

/** The export files, by their name under `/export/`. */
export enum ExportFile {
  GRAPHML = 'graph.graphml',
  GEXF = 'graph.gexf',
  CYTOSCAPE = 'graph.json',
  NODES_CSV = 'nodes.csv',
  EDGES_CSV = 'edges.csv',
}

/** Every export file name, in the order the error messages list them. */
export const EXPORT_FILES = Object.values(ExportFile);

/**
 * One file format as a streaming writer: text before the first node, one piece per node, text between
 * nodes and edges, one piece per edge, text after the last edge. A format that has no nodes (edges.csv)
 * or no edges (nodes.csv) says so, and the export does not read them.
 */
export interface ExportFormat {
  contentType: string;
  extension: string;
  nodes: boolean;
  edges: boolean;
  start(): string;
  node(node: GraphNodeData, index: number): string;
  middle(): string;
  edge(edge: GraphEdgeData, index: number): string;
  end(): string;
}

/**
 * A node's value of one attribute: `synthetic` is the node's flag (every node, true or false); `restricted`
 * is explicit on every case (false when unset), so a reader never has to guess from an empty cell.
 */
function nodeValue(node: GraphNodeData, attribute: Attribute): string | number | boolean | undefined {
  if (attribute.name === 'synthetic') return node.synthetic;
  if (attribute.name === 'restricted' && node.type === NodeType.CASE) return node.properties.restricted === true;
  return typedValue(node.properties[attribute.name], attribute.type);
}

/** An edge's value of one attribute: `synthetic` on every edge; `restricted` explicit on every USES edge. */
function edgeValue(edge: GraphEdgeData, attribute: Attribute): string | number | boolean | undefined {
  if (attribute.name === 'synthetic') return edge.synthetic;
  if (attribute.name === 'restricted' && edge.type === 'USES') return edge.properties.restricted === true;
  return typedValue(edge.properties[attribute.name], attribute.type);
}

/** The attribute values of a node: its model properties, `synthetic` and (cases) `restricted` always. */
function nodeValues(node: GraphNodeData): Array<[Attribute, string | number | boolean]> {
  const values: Array<[Attribute, string | number | boolean]> = [];
  for (const attribute of NODE_ATTRIBUTES) {
    const value = nodeValue(node, attribute);
    if (value !== undefined) values.push([attribute, value]);
  }
  return values;
}

function edgeValues(edge: GraphEdgeData): Array<[Attribute, string | number | boolean]> {
  const values: Array<[Attribute, string | number | boolean]> = [];
  for (const attribute of EDGE_ATTRIBUTES) {
    const value = edgeValue(edge, attribute);
    if (value !== undefined) values.push([attribute, value]);
  }
  return values;
}

// GraphML has no date type: dates are ISO strings.
const GRAPHML_TYPES: Record<AttributeType, string> = { string: 'string', integer: 'int', double: 'double', boolean: 'boolean', date: 'string' };

/**
 * GraphML (yEd, Gephi, networkx, igraph): typed `<key>`s for node attributes `label`, `type` and every model
 * property, edge attributes `label` (the relationship type) and the relationship properties; directed.
 */
export const GRAPHML: ExportFormat = {
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  nodes: true,
  edges: true,
  start() {
    const key = (domain: 'node' | 'edge', attribute: Attribute) =>
      `  <key id="${domain[0]}_${attribute.name}" for="${domain}" attr.name="${attribute.name}" attr.type="${GRAPHML_TYPES[attribute.type]}"/>\n`;
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      key('node', { name: 'label', type: 'string' }) +
      key('node', { name: 'type', type: 'string' }) +
      NODE_ATTRIBUTES.map((attribute) => key('node', attribute)).join('') +
      METRIC_ATTRIBUTES.map((attribute) => key('node', attribute)).join('') +
      key('edge', { name: 'label', type: 'string' }) +
      EDGE_ATTRIBUTES.map((attribute) => key('edge', attribute)).join('') +
      '  <graph id="practice-graph" edgedefault="directed">\n'
    );
  },
  node(node) {
    const data = [
      `<data key="n_label">${xmlEscape(node.label)}</data>`,
      `<data key="n_type">${node.type}</data>`,
      ...nodeValues(node).map(([attribute, value]) => `<data key="n_${attribute.name}">${xmlEscape(value)}</data>`),
      ...metricValues(node.metrics).map(([attribute, value]) => `<data key="n_${attribute.name}">${value}</data>`),
    ];
    return `    <node id="${xmlEscape(node.id)}">${data.join('')}</node>\n`;
  },
  middle: () => '',
  edge(edge) {
    const data = [
      `<data key="e_label">${xmlEscape(edge.type)}</data>`,
      ...edgeValues(edge).map(([attribute, value]) => `<data key="e_${attribute.name}">${xmlEscape(value)}</data>`),
    ];
    return `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${data.join('')}</edge>\n`;
  },
  end: () => '  </graph>\n</graphml>\n',
};

// GEXF 1.2 has no date attribute type: dates are ISO strings.
const GEXF_TYPES: Record<AttributeType, string> = { string: 'string', integer: 'integer', double: 'double', boolean: 'boolean', date: 'string' };

/**
 * GEXF 1.2 (namespace http://www.gexf.net/1.2draft; Gephi, networkx, sigma.js): node `label` = display text,
 * node attributes `type` and the model properties; edge `label` = relationship type, edge attributes the
 * relationship properties; static, directed.
 */
export const GEXF: ExportFormat = {
  contentType: 'application/gexf+xml; charset=utf-8',
  extension: 'gexf',
  nodes: true,
  edges: true,
  start() {
    const attribute = (a: Attribute) => `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPES[a.type]}"/>\n`;
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n' +
      `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}">\n` +
      '    <creator>Practice Graph</creator>\n' +
      '    <description>Municipal work practices with citizens\' initiatives (synthetic=true marks illustrative, made-up data)</description>\n' +
      '  </meta>\n' +
      '  <graph mode="static" defaultedgetype="directed">\n' +
      '    <attributes class="node">\n' +
      attribute({ name: 'type', type: 'string' }) +
      NODE_ATTRIBUTES.map(attribute).join('') +
      METRIC_ATTRIBUTES.map(attribute).join('') +
      '    </attributes>\n' +
      '    <attributes class="edge">\n' +
      EDGE_ATTRIBUTES.map(attribute).join('') +
      '    </attributes>\n' +
      '    <nodes>\n'
    );
  },
  node(node) {
    const values = [
      `<attvalue for="type" value="${node.type}"/>`,
      ...nodeValues(node).map(([attribute, value]) => `<attvalue for="${attribute.name}" value="${xmlEscape(value)}"/>`),
      ...metricValues(node.metrics).map(([attribute, value]) => `<attvalue for="${attribute.name}" value="${value}"/>`),
    ];
    return `      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}"><attvalues>${values.join('')}</attvalues></node>\n`;
  },
  middle: () => '    </nodes>\n    <edges>\n',
  edge(edge) {
    const values = edgeValues(edge).map(([attribute, value]) => `<attvalue for="${attribute.name}" value="${xmlEscape(value)}"/>`);
    const attvalues = values.length > 0 ? `<attvalues>${values.join('')}</attvalues>` : '';
    const open = `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" label="${xmlEscape(edge.type)}"`;
    return attvalues ? `${open}>${attvalues}</edge>\n` : `${open}/>\n`;
  },
  end: () => '    </edges>\n  </graph>\n</gexf>\n',
};

/**
 * Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}}`. Node data:
 * the model properties, then `id`, `label`, `type` (NodeType) and `synthetic`; edge data: the relationship
 * properties, then `id`, `source`, `target`, `type` and `label` (both the relationship type).
 */
export const CYTOSCAPE: ExportFormat = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  nodes: true,
  edges: true,
  start: () => '{"elements":{"nodes":[\n',
  node(node, index) {
    const data = { ...Object.fromEntries([...nodeValues(node), ...metricValues(node.metrics)].map(([a, v]) => [a.name, v])), id: node.id, label: node.label, type: node.type, synthetic: node.synthetic };
    return `${index > 0 ? ',\n' : ''}${JSON.stringify({ data })}`;
  },
  middle: () => '\n],"edges":[\n',
  edge(edge, index) {
    const data = { ...Object.fromEntries(edgeValues(edge).map(([a, v]) => [a.name, v])), id: edge.id, source: edge.source, target: edge.target, type: edge.type, label: edge.type, synthetic: edge.synthetic };
    return `${index > 0 ? ',\n' : ''}${JSON.stringify({ data })}`;
  },
  end: () => '\n]}}\n',
};

const csvLine = (cells: unknown[]) => stringify([cells], { cast: { boolean: (value) => (value ? 'true' : 'false') } });

/** nodes.csv columns: Gephi's `Id,Label,Type`, one column per model property (what the CSV import reads back), then the network measures (computed; the import ignores them). */
export const NODES_CSV_COLUMNS: readonly string[] = ['Id', 'Label', 'Type', ...NODE_ATTRIBUTES.map((a) => a.name), ...METRIC_ATTRIBUTES.map((a) => a.name)];

/**
 * edges.csv columns: Gephi's `Source,Target,Type` (always `Directed`), `Label` (the relationship type), `Id`,
 * then the relationship properties and provenance (`sourceId`, `by`, `at`).
 */
export const EDGES_CSV_COLUMNS: readonly string[] = ['Source', 'Target', 'Type', 'Label', 'Id', ...EDGE_ATTRIBUTES.map((a) => a.name)];

/**
 * nodes.csv for Gephi's spreadsheet import and for spreadsheets (RFC 4180, UTF-8, header line): `Type` is the
 * NodeType; integers as digits, booleans `true`/`false`, dates `YYYY-MM-DD`, empty where a property is not
 * set. `synthetic` is filled on every row (the node's flag; the CSV import reads it back only for a Source,
 * whose own property it is) and `restricted` on every case.
 */
export const NODES_CSV: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  nodes: true,
  edges: false,
  start: () => csvLine([...NODES_CSV_COLUMNS]),
  node(node) {
    return csvLine([node.id, node.label, node.type, ...NODE_ATTRIBUTES.map((a) => nodeValue(node, a) ?? ''), ...METRIC_ATTRIBUTES.map((a) => node.metrics?.[a.name] ?? '')]);
  },
  middle: () => '',
  edge: () => '',
  end: () => '',
};

/** edges.csv (see `EDGES_CSV_COLUMNS`), in the same value conventions as nodes.csv. */
export const EDGES_CSV: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  nodes: false,
  edges: true,
  start: () => csvLine([...EDGES_CSV_COLUMNS]),
  node: () => '',
  middle: () => '',
  edge(edge) {
    return csvLine([edge.source, edge.target, 'Directed', edge.type, edge.id, ...EDGE_ATTRIBUTES.map((a) => edgeValue(edge, a) ?? '')]);
  },
  end: () => '',
};

/** The format of an export file. */
export function formatOf(file: ExportFile): ExportFormat {
  switch (file) {
    case ExportFile.GRAPHML:
      return GRAPHML;
    case ExportFile.GEXF:
      return GEXF;
    case ExportFile.CYTOSCAPE:
      return CYTOSCAPE;
    case ExportFile.NODES_CSV:
      return NODES_CSV;
    case ExportFile.EDGES_CSV:
      return EDGES_CSV;
    default:
      throw new UnreachableCaseError(file);
  }
}
