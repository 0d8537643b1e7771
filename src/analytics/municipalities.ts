import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { badInput, notFound } from '../errors.js';
import { NodeType } from '../model/index.js';
import { toNodeRecord, type NodeRecord } from '../model/index.js';
import { checkRange } from './cypher.js';

/**
 * How a municipality uses practices: its employees (`WORKS_AT`) who `USES` one, and its cases (`IN`)
 * that `APPLIES` one. The model allows USES only from Employee and APPLIES only from Case, so one
 * pattern covers both routes (the same as `Municipality.practices`).
 */
const PRACTICE_OF_MUNICIPALITY = '(m)<-[:WORKS_AT|IN]-(x)-[:USES|APPLIES]->(p:Practice)';

/** One municipality's support for a shared practice. */
export interface MunicipalitySupportData {
  municipality: NodeRecord;
  /** Cases in the municipality that apply the practice. */
  caseCount: number;
  /** Employees of the municipality who use the practice. */
  employeeCount: number;
}

/** A practice used in every requested municipality, with the support in each. */
export interface SharedPracticeData {
  practice: NodeRecord;
  /** One entry per requested municipality, in the order they were asked for. */
  support: MunicipalitySupportData[];
}

/**
 * The practices used in EVERY listed municipality (through its employees or its cases), by name then id,
 * each with per-municipality case and employee counts. Duplicate ids count once; an empty list is
 * BAD_USER_INPUT; ids that are no municipality → NOT_FOUND naming them. One statement.
 */
export async function sharedPractices(db: Database, municipalityIds: readonly string[]): Promise<SharedPracticeData[]> {
  const ids = [...new Set(municipalityIds)];
  if (ids.length === 0) throw badInput('"municipalityIds" must name at least one municipality.', 'municipalityIds');
  const rows = await db.read(
    `CALL () { MATCH (m:Municipality) WHERE m.id IN $ids RETURN collect(m.id) AS found }
     CALL () {
       MATCH (m:Municipality) WHERE m.id IN $ids
       MATCH ${PRACTICE_OF_MUNICIPALITY}
       WITH p, m, count(DISTINCT CASE WHEN x:Case THEN x END) AS caseCount,
                  count(DISTINCT CASE WHEN x:Employee THEN x END) AS employeeCount
       WITH p, collect({municipality: properties(m), caseCount: caseCount, employeeCount: employeeCount}) AS support
       WHERE size(support) = size($ids)
       WITH p, support ORDER BY p.name, p.id
       RETURN collect({practice: properties(p), support: support}) AS shared
     }
     RETURN found, shared`,
    { ids },
  );
  const row = rows[0]!;
  const found = new Set(row.found as string[]);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw notFound(`No municipality has the id ${missing.map((id) => `"${id}"`).join(', ')}.`);
  const position = new Map(ids.map((id, i) => [id, i]));
  return (row.shared as Array<{ practice: Record<string, unknown>; support: Array<{ municipality: Record<string, unknown>; caseCount: number; employeeCount: number }> }>).map(
    (item) => ({
      practice: toNodeRecord(NodeType.PRACTICE, item.practice),
      support: item.support
        .map((s) => ({ municipality: toNodeRecord(NodeType.MUNICIPALITY, s.municipality), caseCount: s.caseCount, employeeCount: s.employeeCount }))
        .sort((a, b) => position.get(a.municipality.id)! - position.get(b.municipality.id)!),
    }),
  );
}

/** `similarMunicipalities` returns 5 by default, at most 100. */
export const SIMILAR_DEFAULT_LIMIT = 5;
export const SIMILAR_MAX_LIMIT = 100;

/** Another municipality, how similar it is, and why. */
export interface MunicipalitySimilarityData {
  municipality: NodeRecord;
  /** Jaccard similarity of the two practice sets: |A ∩ B| / |A ∪ B|, in (0, 1]. */
  score: number;
  /** The practices both use, by name then id. */
  shared: NodeRecord[];
}

/**
 * The municipalities most similar to `id` by the Jaccard similarity of their practice sets (through
 * employees or cases), highest first, ties by name then id, at most `limit` (1..100, default 5). Never
 * the municipality itself, and only municipalities sharing at least one practice (a score of 0 says
 * nothing about similarity). Unknown id → NOT_FOUND. One statement.
 */
export async function similarMunicipalities(db: Database, id: string, limit?: number | null): Promise<MunicipalitySimilarityData[]> {
  const max = checkRange(limit ?? SIMILAR_DEFAULT_LIMIT, 1, SIMILAR_MAX_LIMIT, 'limit');
  const rows = await db.read(
    `OPTIONAL MATCH (m:Municipality {id: $id})
     CALL (m) {
       MATCH ${PRACTICE_OF_MUNICIPALITY}
       RETURN collect(DISTINCT p) AS mine
     }
     CALL (m, mine) {
       UNWIND mine AS p
       MATCH (p)<-[:USES|APPLIES]-()-[:WORKS_AT|IN]->(o:Municipality)
       WHERE o <> m
       WITH DISTINCT o, mine
       CALL (o) {
         MATCH (o)<-[:WORKS_AT|IN]-()-[:USES|APPLIES]->(q:Practice)
         RETURN collect(DISTINCT q) AS theirs
       }
       WITH o, mine, theirs, [p IN mine WHERE p IN theirs] AS both
       WITH o, both, toFloat(size(both)) / (size(mine) + size(theirs) - size(both)) AS score
       ORDER BY score DESC, o.name, o.id
       LIMIT $limit
       RETURN collect({
         municipality: properties(o),
         score: score,
         shared: [p IN both | properties(p)]
       }) AS similar
     }
     RETURN m IS NOT NULL AS found, similar`,
    { id, limit: neo4j.int(max) },
  );
  const row = rows[0]!;
  if (!row.found) throw notFound(`No municipality has the id "${id}".`);
  return (row.similar as Array<{ municipality: Record<string, unknown>; score: number; shared: Array<Record<string, unknown>> }>).map((item) => ({
    municipality: toNodeRecord(NodeType.MUNICIPALITY, item.municipality),
    score: item.score,
    shared: item.shared
      .map((props) => toNodeRecord(NodeType.PRACTICE, props))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id)),
  }));
}

// Same order as Cypher's ORDER BY on strings (code point order), so JS and Cypher sorts agree.
function compareText(a: unknown, b: unknown): number {
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}
