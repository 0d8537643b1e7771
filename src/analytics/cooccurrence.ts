import type { Database } from '../db/database.js';
import { badInput } from '../errors.js';
import { propertiesOf, selectionWith, type PropertySelection } from './cypher.js';
import { NODE_SPECS, NodeType, displayOf, andClause, anchorInScope, elementInScope, whereClause, type DataScope, toNodeRecord, type NodeRecord } from '../model/index.js';

/**
 * How a case relates to each dimension a matrix can have (`c` is the case, `x` the dimension's node).
 * Constants of our code: a pair of these makes the co-occurrence pattern.
 */
const CASE_DIMENSIONS: Partial<Record<NodeType, { type: string; label: string }>> = {
  [NodeType.PRACTICE]: { type: 'APPLIES', label: 'Practice' },
  [NodeType.DILEMMA]: { type: 'RAISES', label: 'Dilemma' },
  [NodeType.MUNICIPALITY]: { type: 'IN', label: 'Municipality' },
};

/** The pattern from case `c` to dimension node `x` over relationship `r` (names our code chooses). */
const dimension = (spec: { type: string; label: string }, r: string, x: string) => `(c)-[${r}:${spec.type}]->(${x}:${spec.label})`;

/** The node types a co-occurrence matrix can have as rows or columns (any pair of them, same type included). */
export const COOCCURRENCE_TYPES: readonly NodeType[] = Object.keys(CASE_DIMENSIONS) as NodeType[];

/** A co-occurrence matrix: dense counts and c-coefficients, rows × columns. */
export interface CooccurrenceData {
  /** The row nodes: those linked to at least one counted case, by display name then id. */
  rows: NodeRecord[];
  columns: NodeRecord[];
  rowLabels: string[];
  columnLabels: string[];
  /** counts[i][j] = number of cases linked to both rows[i] and columns[j] (n12). */
  counts: number[][];
  /** c-coefficient n12 / (n1 + n2 − n12), where n1, n2 count the cases of the row and of the column; 0 when that is 0/0. */
  coefficients: number[][];
  /** syntheticCounts[i][j]: of counts[i][j], the cases that are made up or linked to the row or column by made-up data. */
  syntheticCounts: number[][];
  /**
   * rowSyntheticTotals[i]: of the row's case count (the coefficient's n1), the cases that are made up or linked to
   * the row by made-up data; `columnSyntheticTotals[j]` the same of the column's (n2). A coefficient rests on made-up
   * data when the cell's, its row's or its column's made-up count is above 0: a cell can hold only real shared cases
   * while made-up ones swell its row or column total (over quotations the same of quotations). Null when not
   * counted (without `MatrixSelection.synthetic`).
   */
  rowSyntheticTotals: number[] | null;
  columnSyntheticTotals: number[] | null;
  /** Share of all counted co-occurrences (the sum of `counts`) that `syntheticCounts` holds; 0 when nothing is counted. */
  syntheticShare: number;
}

/**
 * A co-occurrence matrix counted over cases: how many cases apply/raise/are in both the row node and the
 * column node (PRACTICE via APPLIES, DILEMMA via RAISES, MUNICIPALITY via IN; any pair of these, same-type
 * pairs included, where the diagonal counts a node's own cases). `municipalityIds` restricts the cases to
 * those in the given municipalities (null: all cases; unknown ids simply match nothing). Rows and columns
 * are the nodes of those types linked to at least one counted case, ordered by display name then id.
 * Other pairs → BAD_USER_INPUT naming the supported types. One statement; the sparse pair counts are laid
 * out as dense matrices here. `select`: what the caller reads (`MatrixSelection`); by default everything.
 */
export async function cooccurrence(
  db: Database,
  rowType: NodeType,
  columnType: NodeType,
  municipalityIds?: readonly string[] | null,
  dataScope?: DataScope | null,
  select: MatrixSelection = WHOLE_MATRIX,
): Promise<CooccurrenceData> {
  const rowPattern = CASE_DIMENSIONS[rowType];
  const columnPattern = CASE_DIMENSIONS[columnType];
  if (!rowPattern || !columnPattern) {
    const field = rowPattern ? 'columns' : 'rows';
    throw badInput(
      `Co-occurrence is counted over cases, for rows and columns of types ${COOCCURRENCE_TYPES.join(', ')} (any pair); got ${rowType} × ${columnType}.`,
      field,
    );
  }
  const rowSort = `x.${NODE_SPECS[rowType].display}`;
  const columnSort = `x.${NODE_SPECS[columnType].display}`;
  // With municipalities given, the cases are found once from them (index on Municipality.id) and each
  // subquery walks that list; a `$ids IS NULL OR EXISTS {…}` filter instead scanned every case three
  // times (PROFILE at scale 1, 10 municipalities: 3.3M → 92k db hits, 766 → 40 ms).
  const restricted = municipalityIds !== null && municipalityIds !== undefined;
  // The scope: the cases and their links are evidence (in the scope); the row and column nodes are anchors
  // (REAL: real ones only). Counted in the Cypher, so a REAL matrix holds only real co-occurrences.
  const caseScope = elementInScope('c', dataScope);
  const findCases = restricted
    ? `MATCH (cm:Municipality)<-[cr:IN]-(c:Case) WHERE cm.id IN $municipalityIds ${andClause(caseScope, elementInScope('cr', dataScope))} WITH collect(DISTINCT c) AS cases`
    : '';
  const eachCase = restricted ? 'UNWIND cases AS c' : `MATCH (c:Case) ${whereClause(caseScope)}`;
  const linkScope = (r: string, x: string) => whereClause(elementInScope(r, dataScope), anchorInScope(x, dataScope));
  const scope = restricted ? '(cases)' : '()';
  // By rows: each row node's cases are collected once and its pair counts taken from those, so a row's n1 is the
  // size of that list and no case is matched against the row pattern a second time. Rows and columns come back
  // as lists, not maps: at 477 rows × ~10 pairs the maps' keys were over a fifth of the statement's time in Neo4j
  // and the driver (bench/README.md, "Eleventh session").
  // Made up: a case counts as made up for a pair when it, its link to the row or its link to the column is; the
  // first two are known per (row, case), kept in `rowSynthetic` beside `rowCases`, and their sum is the made-up
  // part of the row's n1 (a case linked twice is made up when either link is, as in a cell).
  // With municipalities given, the case's place is evidence too: a case only a made-up IN puts in one of them
  // counts as made up (REAL's `findCases` leaves it out).
  const placedByMadeUpOnly = restricted
    ? ' OR NOT EXISTS { (c)-[placed:IN]->(at:Municipality) WHERE at.id IN $municipalityIds AND NOT coalesce(placed.synthetic, false) }'
    : '';
  const madeUp = `coalesce(c.synthetic, false) OR coalesce(r.synthetic, false)${placedByMadeUpOnly}`;
  const eachRowCase = select.synthetic
    ? `WITH x, c, max(CASE WHEN ${madeUp} THEN 1 ELSE 0 END) AS made
       WITH x, collect(c) AS rowCases, collect(made) AS rowSynthetic, sum(made) AS rowMadeTotal
       CALL (rowCases, rowSynthetic) {
         UNWIND range(0, size(rowCases) - 1) AS k
         WITH rowCases[k] AS c, rowSynthetic[k] AS rowMade`
    : `WITH x, collect(DISTINCT c) AS rowCases
       CALL (rowCases) {
         UNWIND rowCases AS c`;
  const [row] = await db.read(
    `${findCases}
     CALL ${scope} {
       ${eachCase}
       MATCH ${dimension(columnPattern, 'r', 'x')}
       ${linkScope('r', 'x')}
       ${columnCounts(select, madeUp)} ORDER BY ${columnSort}, x.id
       RETURN collect([${propertiesOf('x', columnType, selectionWith(select.columns, NODE_SPECS[columnType].display))}, n${select.synthetic ? ', s' : ''}]) AS columnItems
     }
     CALL ${scope} {
       ${eachCase}
       MATCH ${dimension(rowPattern, 'r', 'x')}
       ${linkScope('r', 'x')}
       ${eachRowCase}
         MATCH ${dimension(columnPattern, 'cr', 'cx')}
         ${linkScope('cr', 'cx')}
         WITH cx, count(DISTINCT c) AS n${select.synthetic ? ', count(DISTINCT CASE WHEN rowMade = 1 OR coalesce(cr.synthetic, false) THEN c END) AS s' : ''}
         RETURN collect(cx.id) AS columns, collect(n) AS counts, ${select.synthetic ? 'collect(s)' : '[]'} AS synthetic
       }
       WITH x, size(rowCases) AS n, columns, counts, synthetic${select.synthetic ? ', rowMadeTotal' : ''} ORDER BY ${rowSort}, x.id
       RETURN collect([${propertiesOf('x', rowType, selectionWith(select.rows, NODE_SPECS[rowType].display))}, n, columns, counts, synthetic${select.synthetic ? ', rowMadeTotal' : ''}]) AS rowTuples
     }
     RETURN rowTuples, columnItems`,
    { municipalityIds: municipalityIds ? [...municipalityIds] : null },
  );
  const rowTuples = row!.rowTuples as Array<[Record<string, unknown>, number, string[], number[], number[], number?]>;
  const rowItems: MatrixItem[] = rowTuples.map(([props, n]) => ({ props, n }));
  const columnTuples = row!.columnItems as Array<[Record<string, unknown>, number, number?]>;
  const columnItems: MatrixItem[] = columnTuples.map(([props, n]) => ({ props, n }));
  // Per row and column, not per cell: the JS lays the made-up parts of n1 and n2 beside the rows and columns.
  const rowSyntheticTotals = select.synthetic ? rowTuples.map((tuple) => Number(tuple[5])) : null;
  const columnSyntheticTotals = select.synthetic ? columnTuples.map((tuple) => Number(tuple[2])) : null;
  const pairs: PairCounts[] = rowTuples.map(([props, , columns, counts, synthetic]) => ({ row: props.id as string, columns, counts, synthetic }));
  const { counts, syntheticCounts } = denseCounts(rowItems, columnItems, pairs);
  const coefficients = select.coefficients
    ? counts.map((line, i) =>
        line.map((n12, j) => {
          const denominator = rowItems[i]!.n + columnItems[j]!.n - n12;
          return denominator === 0 ? 0 : n12 / denominator;
        }),
      )
    : [];
  return matrixData(rowType, columnType, rowItems, columnItems, { counts, coefficients, syntheticCounts, rowSyntheticTotals, columnSyntheticTotals });
}

/**
 * The columns' aggregation: n (the coefficient's n2, counted only when `coefficients` are read) and s (its made-up
 * part, only when the made-up counts are read); with neither, the columns are a plain `DISTINCT`.
 */
function columnCounts(select: MatrixSelection, madeUp: string): string {
  if (!select.coefficients && !select.synthetic) return 'WITH DISTINCT x, 0 AS n';
  const n = select.coefficients ? 'count(DISTINCT c) AS n' : '0 AS n';
  return select.synthetic ? `WITH x, ${n}, count(DISTINCT CASE WHEN ${madeUp} THEN c END) AS s` : `WITH x, ${n}`;
}

/**
 * What a caller reads of a matrix: the properties of the row and column nodes (undefined: all; the display
 * text is always fetched, for the labels) and whether the made-up counts (`syntheticCounts`, `syntheticShare`,
 * `rowSyntheticTotals`, `columnSyntheticTotals`) are wanted; without them the first two are zero, the totals null. A query that reads ids and labels then gets
 * neither every property of every row (a practice's description) nor a second distinct count per pair.
 */
export interface MatrixSelection {
  rows?: PropertySelection;
  columns?: PropertySelection;
  synthetic: boolean;
  /** Whether the c-coefficients are wanted; without them `coefficients` is empty and the columns' case counts (n2) are not counted. */
  coefficients: boolean;
}

/** Everything: whole nodes, the c-coefficients and the made-up counts. */
export const WHOLE_MATRIX: MatrixSelection = { synthetic: true, coefficients: true };

/** A row or column node of a matrix statement: its properties and how many cases (or quotations) it has (n1, n2). */
export interface MatrixItem {
  props: Record<string, unknown>;
  n: number;
}

/** The pair counts of one row, as a matrix statement returns them: column ids with n12 and its made-up part. */
export interface PairCounts {
  row: string;
  columns: string[];
  counts: number[];
  synthetic: number[];
}

/**
 * The sparse pair counts laid out as dense matrices over the rows and columns. The pair counts come grouped by
 * row (one small map per row, not one per pair: decoding them was most of a matrix's cost in the API). Pairs
 * naming a row or column the lists lack are skipped (read committed: a case written between the subqueries
 * may link nodes the row/column lists lack).
 */
export function denseCounts(rowItems: readonly MatrixItem[], columnItems: readonly MatrixItem[], pairs: readonly PairCounts[]): { counts: number[][]; syntheticCounts: number[][] } {
  const rowIndex = new Map(rowItems.map((item, i) => [item.props.id as string, i]));
  const columnIndex = new Map(columnItems.map((item, j) => [item.props.id as string, j]));
  const counts = rowItems.map(() => columnItems.map(() => 0));
  const syntheticCounts = rowItems.map(() => columnItems.map(() => 0));
  for (const pair of pairs) {
    const i = rowIndex.get(pair.row);
    if (i === undefined) continue;
    pair.columns.forEach((column, k) => {
      const j = columnIndex.get(column);
      if (j === undefined) return;
      counts[i]![j] = Number(pair.counts[k]);
      // Empty when the made-up counts were not asked for (`MatrixSelection.synthetic`).
      syntheticCounts[i]![j] = Number(pair.synthetic[k] ?? 0);
    });
  }
  return { counts, syntheticCounts };
}

/** The matrix answer: the row and column nodes with their labels, the matrices, and the made-up share of the counts. */
export function matrixData(
  rowType: NodeType,
  columnType: NodeType,
  rowItems: readonly MatrixItem[],
  columnItems: readonly MatrixItem[],
  matrices: {
    counts: number[][];
    coefficients: number[][];
    syntheticCounts: number[][];
    /** The made-up parts of the row and column totals; absent: not counted (null in the answer). */
    rowSyntheticTotals?: number[] | null;
    columnSyntheticTotals?: number[] | null;
  },
): CooccurrenceData {
  const rows = rowItems.map((item) => toNodeRecord(rowType, item.props));
  const columns = columnItems.map((item) => toNodeRecord(columnType, item.props));
  const { counts, syntheticCounts } = matrices;
  return {
    rows,
    columns,
    rowLabels: rows.map(displayOf),
    columnLabels: columns.map(displayOf),
    ...matrices,
    rowSyntheticTotals: matrices.rowSyntheticTotals ?? null,
    columnSyntheticTotals: matrices.columnSyntheticTotals ?? null,
    syntheticShare: matrixTotal(counts) === 0 ? 0 : matrixTotal(syntheticCounts) / matrixTotal(counts),
  };
}

/** The sum of every cell of a matrix. */
export const matrixTotal = (matrix: number[][]): number => matrix.reduce((sum, line) => sum + line.reduce((a, b) => a + b, 0), 0);
