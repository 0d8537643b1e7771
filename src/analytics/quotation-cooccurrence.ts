import type { Database } from '../db/database.js';
import { badInput } from '../errors.js';
import { denseCounts, matrixData, type CooccurrenceData, type MatrixItem, type PairCounts } from './cooccurrence.js';
import { NODE_SPECS, NodeType, andClause, anchorInScope, elementInScope, scopePredicate, whereClause, DataScope, toNodeRecord, type NodeRecord } from '../model/index.js';

/** What a co-occurrence matrix counts: cases (linked to both nodes) or quotations (coded with both codes). */
export enum CooccurrenceBasis {
  CASES = 'CASES',
  QUOTATIONS = 'QUOTATIONS',
}

/** The code types quotations carry (`CODED_AS`): the rows and columns of a matrix over quotations. */
export const QUOTATION_COOCCURRENCE_TYPES: readonly NodeType[] = [NodeType.PRACTICE, NodeType.DILEMMA, NodeType.CONCLUSION];

/** A matrix over quotations: the cases matrix's fields, and where the c-coefficient is out of its range. */
export interface QuotationCooccurrenceData extends CooccurrenceData {
  /**
   * outOfRange[i][j]: overlapping quotations pushed n12 past what the c-coefficient assumes (separate,
   * non-overlapping segments), so the cell's coefficient is above 1 or undefined (then 0). ATLAS.ti marks
   * such cells red.
   */
  outOfRange: boolean[][];
}

/**
 * Code co-occurrence over quotations, as ATLAS.ti counts it: two codes co-occur where they code the same
 * quotation, or two quotations of one source whose segments overlap (`[start, end)` intervals sharing a
 * code point). `counts[i][j]` = n12, the co-occurrences: pairs (a, b) of quotations, a coded as the row
 * and b as the column, a = b or overlapping; on the diagonal (a code with itself) the number of its
 * quotations. n1, n2 = quotations coded as the row, the column. `coefficients` = n12 / (n1 + n2 − n12).
 *
 * `municipalityIds`: only quotations said by employees of those municipalities. `scope`: the quotations
 * and their codings are evidence (in the scope), the codes anchors (REAL: real codes only). Rows and
 * columns are codes with at least one counted quotation, by display text then id. One statement.
 */
export async function quotationCooccurrence(
  db: Database,
  rowType: NodeType,
  columnType: NodeType,
  municipalityIds?: readonly string[] | null,
  scope?: DataScope | null,
): Promise<QuotationCooccurrenceData> {
  for (const [type, field] of [[rowType, 'rows'], [columnType, 'columns']] as const) {
    if (!QUOTATION_COOCCURRENCE_TYPES.includes(type)) {
      throw badInput(`Co-occurrence over quotations is counted between codes: rows and columns of types ${QUOTATION_COOCCURRENCE_TYPES.join(', ')}; got ${rowType} × ${columnType}.`, field);
    }
  }
  const rowLabel = NODE_SPECS[rowType].label;
  const columnLabel = NODE_SPECS[columnType].label;
  const restricted = municipalityIds !== null && municipalityIds !== undefined;
  // A quotation counts when it is in scope and (with municipalities) said by someone working there. The way
  // there is evidence too, tested in the scope (under REAL a made-up employee or employment places no real
  // quotation in a municipality); the municipality is an anchor.
  const counted = (q: string) =>
    [
      elementInScope(q, scope),
      restricted
        ? `EXISTS { (${q})<-[${q}_said:SAID]-(${q}_by:Employee)-[${q}_at:WORKS_AT]->(${q}_in:Municipality) WHERE ${q}_in.id IN $municipalityIds ${andClause(scopePredicate(scope, [`${q}_said`, `${q}_by`, `${q}_at`]), anchorInScope(`${q}_in`, scope))} }`
        : null,
    ].filter((test): test is string => test !== null);
  // Under ALL, a quotation counted for the municipalities only through made-up data (its speaker's employment,
  // …) is made up in the counts, as REAL leaves it out.
  const placedByMadeUpOnly = (q: string) =>
    restricted
      ? ` OR NOT EXISTS { (${q})<-[${q}_said:SAID]-(${q}_by:Employee)-[${q}_at:WORKS_AT]->(${q}_in:Municipality) WHERE ${q}_in.id IN $municipalityIds AND ${scopePredicate(DataScope.REAL, [`${q}_said`, `${q}_by`, `${q}_at`])} }`
      : '';
  const coded = (q: string, r: string, x: string, label: string) =>
    `MATCH (${q}:Quotation)-[${r}:CODED_AS]->(${x}:${label}) ${whereClause(...counted(q), elementInScope(r, scope), anchorInScope(x, scope))}`;
  // n: the row's or column's quotations (the coefficient's n1, n2); s: of them, those made up or coded so by
  // made-up data, as a pair is counted made up below.
  const items = (label: string, type: NodeType) => `CALL () {
       ${coded('q', 'r', 'x', label)}
       WITH x, count(DISTINCT q) AS n, count(DISTINCT CASE WHEN coalesce(q.synthetic, false) OR coalesce(r.synthetic, false)${placedByMadeUpOnly('q')} THEN q END) AS s
       ORDER BY x.${NODE_SPECS[type].display}, x.id
       RETURN collect({props: properties(x), n: n, s: s}) AS items
     }`;
  const [row] = await db.read(
    `${items(rowLabel, rowType)}
     WITH items AS rowItems
     ${items(columnLabel, columnType)}
     WITH rowItems, items AS columnItems
     CALL () {
       ${coded('a', 'ra', 'rx', rowLabel)}
       // Two MATCH clauses: within one pattern a relationship is used once, which would keep b from being a.
       MATCH (a)-[:QUOTED_FROM]->(s:Source)
       MATCH (s)<-[:QUOTED_FROM]-(b:Quotation)
       WHERE (b = a OR (a.startPosition < b.endPosition AND b.startPosition < a.endPosition)) ${counted('b').map((test) => `AND ${test}`).join(' ')}
       MATCH (b)-[rb:CODED_AS]->(cx:${columnLabel}) ${whereClause(elementInScope('rb', scope), anchorInScope('cx', scope))}
       WITH rx, cx, a, b, coalesce(a.synthetic, false) OR coalesce(b.synthetic, false) OR coalesce(ra.synthetic, false) OR coalesce(rb.synthetic, false)${placedByMadeUpOnly('a')}${placedByMadeUpOnly('b')} AS made
       // A code with itself: its quotations (pairs of one quotation), as the cases matrix counts its diagonal.
       WHERE rx <> cx OR a = b
       WITH rx, cx, count(DISTINCT [a.id, b.id]) AS n, count(DISTINCT CASE WHEN made THEN [a.id, b.id] END) AS s
       WITH rx, collect(cx.id) AS columns, collect(n) AS counts, collect(s) AS synthetic
       RETURN collect({row: rx.id, columns: columns, counts: counts, synthetic: synthetic}) AS pairs
     }
     RETURN rowItems, columnItems, pairs`,
    { municipalityIds: municipalityIds ? [...municipalityIds] : null },
  );
  const rowItems = row!.rowItems as Array<MatrixItem & { s: unknown }>;
  const columnItems = row!.columnItems as Array<MatrixItem & { s: unknown }>;
  const rowSyntheticTotals = rowItems.map((item) => Number(item.s));
  const columnSyntheticTotals = columnItems.map((item) => Number(item.s));
  const { counts, syntheticCounts } = denseCounts(rowItems, columnItems, row!.pairs as PairCounts[]);
  const outOfRange = counts.map((line) => line.map(() => false));
  const coefficients = counts.map((line, i) =>
    line.map((n12, j) => {
      const denominator = Number(rowItems[i]!.n) + Number(columnItems[j]!.n) - n12;
      if (n12 === 0) return 0;
      if (denominator <= 0 || n12 > denominator) outOfRange[i]![j] = true;
      return denominator <= 0 ? 0 : n12 / denominator;
    }),
  );
  return { ...matrixData(rowType, columnType, rowItems, columnItems, { counts, coefficients, syntheticCounts, rowSyntheticTotals, columnSyntheticTotals }), outOfRange };
}

/**
 * The scope of one key of a batch, as a parameter (`key.synthetic`): null for ALL (no test), true / false
 * for only made-up / only real data. A per-key parameter rather than `elementInScope`'s text, so that a
 * batch mixing scopes (aliases of one field) is still one statement.
 */
function scopeFlag(scope: DataScope | null | undefined): boolean | null {
  return scope === DataScope.SYNTHETIC ? true : scope === DataScope.REAL ? false : null;
}

/** `elementInScope(variable)` under the scope of `key` (see `scopeFlag`): a missing flag counts as real. */
function inKeyScope(variable: string, key: string): string {
  return `(${key}.synthetic IS NULL OR coalesce(${variable}.synthetic, false) = ${key}.synthetic)`;
}

/**
 * A counted quotation is made up when the quotation or either of its codings is (a quotation cut from a
 * made-up interview has made-up codings: they carry their interview as source), as the quotation matrix's
 * `syntheticCounts` count a pair.
 */
const MADE_UP_QUOTATION = 'coalesce(q.synthetic, false) OR coalesce(rp.synthetic, false) OR coalesce(rd.synthetic, false)';

/** A dilemma coded on the same quotations as a practice: how many, and whether the graph has the link itself. */
export interface QuotedDilemmaData {
  dilemma: NodeRecord;
  /** Quotations coded with both the practice and the dilemma (in the scope). */
  quotationCount: number;
  /** Of `quotationCount`, the made-up ones (`MADE_UP_QUOTATION`): 0 under REAL, all of them under SYNTHETIC. */
  syntheticQuotationCount: number;
  /** The graph states `(practice)-[:ADDRESSES]->(dilemma)` in the scope: the quotations are evidence for that link. */
  addresses: boolean;
  /** `addresses` rests on made-up links only (no real ADDRESSES link in the scope): false when `addresses` is. */
  syntheticAddresses: boolean;
}

/** A practice whose quoted dilemmas are asked for, and in which scope (the field's `scope`). */
export interface QuotedDilemmasKey {
  practiceId: string;
  scope: DataScope;
}

/**
 * Per key (in key order, empty for unknown ids): the dilemmas coded on the same quotations as the
 * practice, most quotations first, then by name; with whether the practice ADDRESSES the dilemma. `scope`
 * tests the evidence, each quotation and both its codings, and the ADDRESSES links (ALL no test, REAL only
 * real ones, SYNTHETIC only made-up ones); the dilemma is an anchor (`anchorInScope`: REAL shows real
 * dilemmas only). One statement for a batch of keys (the per-request loader's batch function), whatever
 * their scopes.
 */
export async function quotedDilemmas(db: Database, keys: readonly QuotedDilemmasKey[]): Promise<QuotedDilemmaData[][]> {
  if (keys.length === 0) return [];
  const rows = await db.read(
    `UNWIND range(0, size($keys) - 1) AS i
     WITH i, $keys[i] AS key
     CALL (key) {
       MATCH (p:Practice {id: key.practiceId})<-[rp:CODED_AS]-(q:Quotation)-[rd:CODED_AS]->(d:Dilemma)
       WHERE ${inKeyScope('q', 'key')} AND ${inKeyScope('rp', 'key')} AND ${inKeyScope('rd', 'key')}
         // The dilemma is an anchor: REAL (false) shows real ones only, the other scopes every one.
         AND (coalesce(key.synthetic, true) OR NOT coalesce(d.synthetic, false))
       WITH p, d, count(DISTINCT q) AS n, count(DISTINCT CASE WHEN ${MADE_UP_QUOTATION} THEN q END) AS s
       ORDER BY n DESC, d.name, d.id
       RETURN collect({props: properties(d), n: n, s: s, links: [(p)-[a:ADDRESSES]->(d) WHERE ${inKeyScope('a', 'key')} | coalesce(a.synthetic, false)]}) AS items
     }
     RETURN i, items`,
    { keys: keys.map(({ practiceId, scope }) => ({ practiceId, synthetic: scopeFlag(scope) })) },
  );
  const answers: QuotedDilemmaData[][] = keys.map(() => []);
  for (const row of rows) {
    const items = row.items as Array<{ props: Record<string, unknown>; n: unknown; s: unknown; links: boolean[] }>;
    answers[Number(row.i)] = items.map((item) => ({
      dilemma: toNodeRecord(NodeType.DILEMMA, item.props),
      quotationCount: Number(item.n),
      syntheticQuotationCount: Number(item.s),
      addresses: item.links.length > 0,
      syntheticAddresses: item.links.length > 0 && item.links.every((made) => made),
    }));
  }
  return answers;
}

/** A practice–dilemma link whose quotations are counted, and which of them count (the parent field's `scope`). */
export interface QuotedLink {
  practiceId: string;
  dilemmaId: string;
  scope: DataScope;
}

/** The quotations an ADDRESSES link rests on, and how many of them are made up. */
export interface LinkQuotationCount {
  count: number;
  /** Of `count`, the made-up ones (`MADE_UP_QUOTATION`): 0 under REAL, all of them under SYNTHETIC. */
  syntheticCount: number;
}

/**
 * Per link (in key order): the quotations coded as both its practice and its dilemma, i.e. the interviews
 * an ADDRESSES link rests on, and of them the made-up ones (0 for unknown ids). `scope` tests what is
 * counted, the quotation and both its codings, as every relation load tests what it walks: ALL no test,
 * REAL only real ones, SYNTHETIC only made-up ones. One statement for a batch of links (the per-request
 * loader's batch function); the scope is a parameter of each link, so a batch mixing scopes is still one
 * statement.
 */
export async function linkQuotationCounts(db: Database, links: readonly QuotedLink[]): Promise<LinkQuotationCount[]> {
  if (links.length === 0) return [];
  const rows = await db.read(
    `UNWIND range(0, size($links) - 1) AS i
     WITH i, $links[i] AS link
     CALL (link) {
       MATCH (:Practice {id: link.practiceId})<-[rp:CODED_AS]-(q:Quotation)-[rd:CODED_AS]->(:Dilemma {id: link.dilemmaId})
       WHERE ${inKeyScope('q', 'link')} AND ${inKeyScope('rp', 'link')} AND ${inKeyScope('rd', 'link')}
       RETURN count(DISTINCT q) AS n, count(DISTINCT CASE WHEN ${MADE_UP_QUOTATION} THEN q END) AS s
     }
     RETURN i, n, s`,
    { links: links.map(({ practiceId, dilemmaId, scope }) => ({ practiceId, dilemmaId, synthetic: scopeFlag(scope) })) },
  );
  const counts = links.map(() => ({ count: 0, syntheticCount: 0 }));
  for (const row of rows) counts[Number(row.i)] = { count: Number(row.n), syntheticCount: Number(row.s) };
  return counts;
}
