import { parse } from 'csv-parse/sync';
import { MANUAL_SOURCE, NODE_SPECS, NODE_TYPES, RELATIONSHIP_PROVENANCE, RELATIONSHIP_SPECS, type NodeSpec, type PropertySpec } from '../model/index.js';
import { validateParts, type Entry, type ExistingIds, type GraphParts, type ValidationResult } from './document.js';
import { UnreachableCaseError } from '../errors.js';

/**
 * The spreadsheet form of a graph: `nodes.csv` + `edges.csv`, in Gephi's spreadsheet columns, so that
 * export → edit in a spreadsheet → import round-trips.
 *
 * nodes.csv: `Id,Label,Type,<property columns>`
 * - `Id`: the stable id (`practice:vertrouwen`); `Type`: the node label (`Practice`; `PRACTICE` works too);
 *   `Label`: the display text (name, title, pseudonym or statement), used only when the display property's
 *   own column is absent or empty.
 * - One column per property name of the model (`NODE_PROPERTY_COLUMNS`); a cell is left empty where the
 *   property does not apply or is not set. Integers as digits, booleans `true`/`false`, dates `YYYY-MM-DD`.
 *
 * edges.csv: `Source,Target,Type,Label,<property columns>,sourceId,by,at`
 * - `Source`/`Target`: node ids; `Type`: `Directed` (Gephi's column) and `Label`: the relationship type
 *   (`USES`); a `Type` cell holding the relationship type itself is accepted as well.
 * - `SOURCED_FROM` rows (node → Source) are the nodes' provenance, `locator` their position in the source.
 * - `sourceId`: the Source a relationship comes from; `by`/`at` (who wrote it, when) are recorded by the
 *   import itself and ignored on input.
 *
 * Import semantics: an empty cell leaves the stored property as it is (a CSV cannot delete a property).
 * Every node or relationship that the import creates or changes is linked to the manual-input source
 * (`source:handmatige-invoer`) with who and when, unless the row names its own (a relationship's `sourceId`; a
 * node it creates with `SOURCED_FROM` rows has those as its sources, so made-up data stays made up); rows equal to
 * the graph are left untouched, so re-importing an unedited export changes nothing. Columns are found by
 * name (any order); `,`, `;` (Dutch spreadsheets) and tab delimiters are recognised from the header line.
 */
export const NODES_CSV = 'nodes.csv';
export const EDGES_CSV = 'edges.csv';

/** Every node property of the model, once, in model order (one column each in nodes.csv). */
export const NODE_PROPERTY_COLUMNS: string[] = unionOf(NODE_TYPES.map((type) => NODE_SPECS[type].properties));

/** Every relationship property of the model plus the provenance any relationship may carry (`locator`, `inferred`, `note`; one column each in edges.csv). */
export const EDGE_PROPERTY_COLUMNS: string[] = unionOf([...RELATIONSHIP_SPECS.map((spec) => spec.properties), RELATIONSHIP_PROVENANCE]);

/** The header of nodes.csv as this module expects (and as an export should write) it. */
export const NODE_CSV_HEADER = ['Id', 'Label', 'Type', ...NODE_PROPERTY_COLUMNS];
/** The header of edges.csv. */
export const EDGE_CSV_HEADER = ['Source', 'Target', 'Type', 'Label', ...EDGE_PROPERTY_COLUMNS, 'sourceId', 'by', 'at'];

/** A CSV file's name (for error positions) and text. */
export interface CsvFile {
  name: string;
  text: string;
}

/** Columns other tools add that carry nothing for the import (Gephi's Weight, Timeset, an internal key). */
// The network measures nodes.csv carries (export/network-metrics.ts) are computed, never stored: ignored on input.
const IGNORED_NODE_COLUMNS = new Set(['timeset', 'searchkey', 'degree', 'indegree', 'outdegree', 'betweenness', 'pagerank', 'community']);
// `synthetic` of an edge is derived from its source (db/synthetic.ts): exported, never read back.
const IGNORED_EDGE_COLUMNS = new Set(['id', 'weight', 'timeset', 'by', 'at', 'synthetic']);

/**
 * Validates a nodes.csv (+ optional edges.csv) pair like `validateDocument` does a JSON document: every
 * error listed with file, line and id (`edges.csv line 3: unknown target dilemma:x`), nothing written.
 */
export async function validateCsv(nodes: CsvFile, edges: CsvFile | undefined, existing: ExistingIds): Promise<ValidationResult> {
  const converted = csvToParts(nodes, edges);
  if ('errors' in converted) return { ok: false, errors: converted.errors };
  return validateParts(converted.parts, existing);
}

/** Turns the CSV pair into document parts (typed values, positions); structural problems are errors. */
export function csvToParts(nodes: CsvFile, edges?: CsvFile): { parts: GraphParts } | { errors: string[] } {
  const errors: string[] = [];
  const nodeEntries = readNodes(nodes, errors);
  const edgeEntries = edges ? readEdges(edges, errors) : [];
  if (errors.length > 0) return { errors };
  return { parts: { nodes: nodeEntries, relationships: edgeEntries, sourcedFromRows: true, fallbackSource: MANUAL_SOURCE } };
}

const NODE_PROPERTY_TYPES = typesOf(NODE_TYPES.map((type) => NODE_SPECS[type].properties));
const EDGE_PROPERTY_TYPES = typesOf([...RELATIONSHIP_SPECS.map((spec) => spec.properties), RELATIONSHIP_PROVENANCE]);

function readNodes(file: CsvFile, errors: string[]): Entry[] {
  const table = readTable(file, errors);
  if (!table) return [];
  const { header, rows } = table;
  const id = column(header, 'id');
  const type = column(header, 'type');
  const label = column(header, 'label');
  if (id === undefined || type === undefined) {
    errors.push(`${file.name}: the header must have the columns Id and Type (found: ${header.join(', ')})`);
    return [];
  }
  const properties = propertyColumns(file, header, NODE_PROPERTY_TYPES, new Set(['id', 'type', 'label', ...IGNORED_NODE_COLUMNS]), errors);
  return rows.map(({ line, cells }) => {
    const spec = nodeSpecOf(cells[type] ?? '');
    const entry: Record<string, unknown> = { type: spec?.label ?? cells[type], id: cells[id] };
    for (const [index, name] of properties) {
      // nodes.csv carries `synthetic` on every row, but only a Source's is its own: any other node's is
      // derived from its sources (db/synthetic.ts), so it is not read back.
      if (name === 'synthetic' && spec?.label !== 'Source') continue;
      const value = typed(cells[index] ?? '', NODE_PROPERTY_TYPES.get(name)!);
      if (value !== undefined) entry[name] = value;
    }
    // The display text may only be in Gephi's Label column.
    if (spec && entry[spec.display] === undefined && label !== undefined && (cells[label] ?? '').trim() !== '') {
      entry[spec.display] = cells[label]!.trim();
    }
    return { at: `${file.name} line ${line}`, value: entry };
  });
}

function readEdges(file: CsvFile, errors: string[]): Entry[] {
  const table = readTable(file, errors);
  if (!table) return [];
  const { header, rows } = table;
  const source = column(header, 'source');
  const target = column(header, 'target');
  const type = column(header, 'type');
  const label = column(header, 'label');
  const sourceId = header.indexOf('sourceId');
  if (source === undefined || target === undefined || (type === undefined && label === undefined)) {
    errors.push(`${file.name}: the header must have the columns Source, Target and Label (or Type) (found: ${header.join(', ')})`);
    return [];
  }
  const ignored = new Set(['source', 'target', 'type', 'label', 'sourceid', ...IGNORED_EDGE_COLUMNS]);
  const properties = propertyColumns(file, header, EDGE_PROPERTY_TYPES, ignored, errors);
  return rows.map(({ line, cells }) => {
    const typeCell = type === undefined ? '' : (cells[type] ?? '').trim();
    // Gephi's Type column says Directed/Undirected; the relationship type is then the Label.
    const relType = typeCell === '' || /^directed$/i.test(typeCell) ? (label === undefined ? '' : (cells[label] ?? '').trim()) : typeCell;
    const props: Record<string, unknown> = {};
    for (const [index, name] of properties) {
      const value = typed(cells[index] ?? '', EDGE_PROPERTY_TYPES.get(name)!);
      if (value !== undefined) props[name] = value;
    }
    const entry: Record<string, unknown> = { from: cells[source], type: relType, to: cells[target], properties: props };
    const given = sourceId >= 0 ? (cells[sourceId] ?? '').trim() : '';
    if (given !== '') entry.sourceId = given;
    return { at: `${file.name} line ${line}`, value: entry };
  });
}

interface Table {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/**
 * The header and the non-blank rows. A row with more or fewer cells than the header is an error naming
 * its line: an unquoted `,` in a value (`Hello, world`) would otherwise shift every later cell into the
 * wrong column. (csv-parse's `relax_column_count` is on only so that every such row is listed, not just
 * the first.)
 */
function readTable(file: CsvFile, errors: string[]): Table | undefined {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  const delimiter = delimiterOf(file.text);
  try {
    records = parse(file.text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as never;
  } catch (error) {
    errors.push(`${file.name}: not valid CSV: ${(error as Error).message}`);
    return undefined;
  }
  if (records.length === 0) {
    errors.push(`${file.name}: empty (expected a header line)`);
    return undefined;
  }
  const [first, ...rest] = records;
  const header = first!.record.map((name) => name.trim());
  const rows = rest.filter(({ record }) => record.some((cell) => cell.trim() !== '')).map(({ record, info }) => ({ line: info.lines, cells: record }));
  const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  let ragged = 0;
  for (const { line, cells } of rows) {
    if (cells.length === header.length) continue;
    if (++ragged > 20) continue;
    errors.push(
      `${file.name} line ${line}: ${cells.length} cells, but the header has ${header.length} columns; ` +
        `put a value that contains ${shown} in double quotes`,
    );
  }
  if (ragged > 20) errors.push(`${file.name}: ${ragged - 20} more rows with the wrong number of cells`);
  return ragged > 0 ? undefined : { header, rows };
}

/** `,` unless the header line has more `;` or tabs (spreadsheets in Dutch locales write `;`). */
function delimiterOf(text: string): string {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string) => headerLine.split(char).length - 1;
  const candidates = [',', ';', '\t'].map((char) => [char, count(char)] as const);
  return candidates.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/** Index of a Gephi column (case-insensitive). */
function column(header: string[], name: string): number | undefined {
  const index = header.findIndex((cell) => cell.toLowerCase() === name);
  return index >= 0 ? index : undefined;
}

/** The property columns of a header (index → property); unknown columns are errors naming the known ones. */
function propertyColumns(file: CsvFile, header: string[], types: Map<string, PropertySpec['type']>, ignored: Set<string>, errors: string[]): Array<[number, string]> {
  const columns: Array<[number, string]> = [];
  header.forEach((name, index) => {
    if (types.has(name)) columns.push([index, name]);
    else if (!ignored.has(name.toLowerCase())) {
      const expected = file.name.endsWith(EDGES_CSV) || ignored.has('target') ? EDGE_CSV_HEADER : NODE_CSV_HEADER;
      errors.push(`${file.name}: unknown column "${name}"; the columns are ${expected.join(', ')}`);
    }
  });
  return columns;
}

/** The spec of a Type cell: the label (`Practice`) or the GraphQL NodeType (`PRACTICE`). */
function nodeSpecOf(type: string): NodeSpec | undefined {
  const text = type.trim();
  return NODE_TYPES.map((t) => NODE_SPECS[t]).find((spec) => spec.label === text || spec.type === text);
}

/**
 * A cell as the JSON value the validator expects: empty → absent; integers and booleans parsed when they
 * look right (otherwise the text goes on, and the validator names the property and what it must be).
 */
function typed(cell: string, type: PropertySpec['type']): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  switch (type) {
    case 'integer':
      return /^[-+]?\d+$/.test(text) ? Number(text) : text;
    case 'boolean':
      return /^true$/i.test(text) ? true : /^false$/i.test(text) ? false : text;
    case 'stringList':
      // Written by the export as a JSON array; anything else goes on as text and the validator names it.
      try {
        return text.startsWith('[') ? (JSON.parse(text) as unknown) : text;
      } catch {
        return text;
      }
    case 'string':
    case 'enum':
    case 'date':
      return text;
    default:
      throw new UnreachableCaseError(type);
  }
}

function unionOf(specs: Array<Record<string, PropertySpec>>): string[] {
  return [...new Set(specs.flatMap((properties) => Object.keys(properties)))];
}

function typesOf(specs: Array<Record<string, PropertySpec>>): Map<string, PropertySpec['type']> {
  const types = new Map<string, PropertySpec['type']>();
  for (const properties of specs) for (const [name, spec] of Object.entries(properties)) types.set(name, spec.type);
  return types;
}
