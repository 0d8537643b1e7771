import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { badInput, notFound } from '../errors.js';
import { NodeType, andClause, anchorInScope, scopePredicate, whereClause, type DataScope, toNodeRecord, type NodeRecord } from '../model/index.js';
import { checkRange, propertiesOf, selectionWith, type PropertySelection } from './cypher.js';

/**
 * How a municipality uses practices: its employees (`WORKS_AT`) who `USES` one, and its cases (`IN`)
 * that `APPLIES` one. The model allows USES only from Employee and APPLIES only from Case, so one
 * pattern covers both routes (the same as `Municipality.practices`).
 */
const PRACTICE_OF_MUNICIPALITY = '(m)<-[w:WORKS_AT|IN]-(x)-[u:USES|APPLIES]->(p:Practice)';

/**
 * The scope test of that pattern: the evidence (`w`, `x`, `u`) is in the scope, the practice and the
 * municipality are anchors (REAL: real; SYNTHETIC: any, with made-up evidence). Null for ALL.
 */
function practiceScope(scope: DataScope | null | undefined, m = 'm', w = 'w', x = 'x', u = 'u', p = 'p'): string | null {
  const tests = [scopePredicate(scope, [w, x, u]), anchorInScope(m, scope), anchorInScope(p, scope)].filter((test) => test !== null);
  return tests.length > 0 ? tests.join(' AND ') : null;
}

/** Whether one piece of evidence (`w`, `x`, `u` of the pattern) is made up. */
const MADE_UP_EVIDENCE = '(coalesce(w.synthetic, false) OR coalesce(x.synthetic, false) OR coalesce(u.synthetic, false))';

/** The properties to return of the municipalities and practices of an answer (undefined: all of them). */
export interface MunicipalityAnswerSelection {
  municipality?: PropertySelection;
  practice?: PropertySelection;
  /** Whether `syntheticShare` is read (default true); when not, it is not computed and comes back as 0. */
  syntheticShare?: boolean;
}

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
  /** Share of the supporting cases and employees (over all municipalities) that are made up, or linked by made-up data. */
  syntheticShare: number;
}

/**
 * The practices used in EVERY listed municipality (through its employees or its cases), by name then id,
 * each with per-municipality case and employee counts. Duplicate ids count once; an empty list is
 * BAD_USER_INPUT; ids that are no municipality → NOT_FOUND naming them. One statement.
 */
export async function sharedPractices(
  db: Database,
  municipalityIds: readonly string[],
  scope?: DataScope | null,
  select: MunicipalityAnswerSelection = {},
): Promise<SharedPracticeData[]> {
  const ids = [...new Set(municipalityIds)];
  if (ids.length === 0) throw badInput('"municipalityIds" must name at least one municipality.', 'municipalityIds');
  // The share of made-up support is counted only when asked for.
  const share = select.syntheticShare ?? true;
  const rows = await db.read(
    `CALL () { MATCH (m:Municipality) WHERE m.id IN $ids RETURN collect(m.id) AS found }
     CALL () {
       MATCH (m:Municipality) WHERE m.id IN $ids
       MATCH ${PRACTICE_OF_MUNICIPALITY}
       ${whereClause(practiceScope(scope))}
       WITH p, m, count(DISTINCT CASE WHEN x:Case THEN x END) AS caseCount,
                  count(DISTINCT CASE WHEN x:Employee THEN x END) AS employeeCount${
                    share
                      ? `,
                  count(DISTINCT x) AS supporters,
                  count(DISTINCT CASE WHEN ${MADE_UP_EVIDENCE} THEN x END) AS madeUp`
                      : ''
                  }
       WITH p, collect({municipality: ${propertiesOf('m', NodeType.MUNICIPALITY, select.municipality)}, caseCount: caseCount, employeeCount: employeeCount}) AS support${
         share ? ', sum(supporters) AS supporters, sum(madeUp) AS madeUp' : ''
       }
       WHERE size(support) = size($ids)
       WITH p, support${share ? ', supporters, madeUp' : ''} ORDER BY p.name, p.id
       RETURN collect({practice: ${propertiesOf('p', NodeType.PRACTICE, select.practice)}, support: support, share: ${
         share ? 'CASE WHEN supporters = 0 THEN 0.0 ELSE toFloat(madeUp) / supporters END' : '0.0'
       }}) AS shared
     }
     RETURN found, shared`,
    { ids },
  );
  const row = rows[0]!;
  const found = new Set(row.found as string[]);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw notFound(`No municipality has the id ${missing.map((id) => `"${id}"`).join(', ')}.`);
  const position = new Map(ids.map((id, i) => [id, i]));
  return (row.shared as Array<{ practice: Record<string, unknown>; share: number; support: Array<{ municipality: Record<string, unknown>; caseCount: number; employeeCount: number }> }>).map(
    (item) => ({
      practice: toNodeRecord(NodeType.PRACTICE, item.practice),
      syntheticShare: item.share,
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
  /** Share of the practices of A ∪ B that only made-up data links to either municipality (0 under REAL). */
  syntheticShare: number;
}

/**
 * The municipalities most similar to `id` by the Jaccard similarity of their practice sets (through
 * employees or cases), highest first, ties by name then id, at most `limit` (1..100, default 5). Never
 * the municipality itself, and only municipalities sharing at least one practice (a score of 0 says
 * nothing about similarity). Unknown id → NOT_FOUND. One statement.
 */
export async function similarMunicipalities(
  db: Database,
  id: string,
  limit?: number | null,
  scope?: DataScope | null,
  select: MunicipalityAnswerSelection = {},
): Promise<MunicipalitySimilarityData[]> {
  const max = checkRange(limit ?? SIMILAR_DEFAULT_LIMIT, 1, SIMILAR_MAX_LIMIT, 'limit');
  // The shared practices are sorted here, by name then id.
  const practice = selectionWith(select.practice, 'name');
  // The practice sets are those of the scoped graph (evidence in scope), so the scores are computed from
  // what the scope keeps. Per other municipality only counts: |A ∩ B| from the walk out of A's practices,
  // |B| counted (building B as a list and testing A's practices against it was quadratic: ~1 s at scale 1).
  // The shared practices, and the share of made-up practices (`mineReal`/`theirsReal`: the practices some
  // real evidence supports; only when asked for), are worked out for the municipalities returned.
  const share = select.syntheticShare ?? true;
  const real = share ? ', mineReal' : '';
  const rows = await db.read(
    `OPTIONAL MATCH (m:Municipality {id: $id})
     CALL (m) {
       MATCH ${PRACTICE_OF_MUNICIPALITY}
       ${whereClause(practiceScope(scope))}
       RETURN collect(DISTINCT p) AS mine${share ? `, collect(DISTINCT CASE WHEN NOT ${MADE_UP_EVIDENCE} THEN p END) AS mineReal` : ''}
     }
     CALL (m, mine${real}) {
       CALL (m, mine) {
         UNWIND mine AS p
         MATCH (p)<-[u:USES|APPLIES]-(x)-[w:WORKS_AT|IN]->(o:Municipality)
         WHERE o <> m ${andClause(practiceScope(scope, 'o'))}
         WITH o, count(DISTINCT p) AS shared
         CALL (o) {
           MATCH (o)<-[w:WORKS_AT|IN]-(x)-[u:USES|APPLIES]->(p:Practice)
           ${whereClause(practiceScope(scope, 'o'))}
           RETURN count(DISTINCT p) AS theirs
         }
         RETURN o, shared, theirs
       }
       WITH o, mine${real}, toFloat(shared) / (size(mine) + theirs - shared) AS score
       ORDER BY score DESC, o.name, o.id
       LIMIT $limit
       WITH o, score, mine${real},
            [p IN mine WHERE EXISTS { MATCH (p)<-[u:USES|APPLIES]-(x)-[w:WORKS_AT|IN]->(o) ${whereClause(practiceScope(scope, 'o'))} }] AS both
       ${
         share
           ? `CALL (o) {
                MATCH (o)<-[w:WORKS_AT|IN]-(x)-[u:USES|APPLIES]->(p:Practice)
                ${whereClause(practiceScope(scope, 'o'))}
                RETURN collect(DISTINCT p) AS theirs, collect(DISTINCT CASE WHEN NOT ${MADE_UP_EVIDENCE} THEN p END) AS theirsReal
              }
              WITH o, score, both, mine + [q IN theirs WHERE NOT q IN mine] AS union, mineReal + theirsReal AS real
              WITH o, score, both, toFloat(size([q IN union WHERE NOT q IN real])) / size(union) AS syntheticShare`
           : 'WITH o, score, both, null AS syntheticShare'
       }
       WITH o, score, both, syntheticShare ORDER BY score DESC, o.name, o.id
       RETURN collect({
         municipality: ${propertiesOf('o', NodeType.MUNICIPALITY, select.municipality)},
         score: score,
         syntheticShare: syntheticShare,
         shared: [p IN both | ${propertiesOf('p', NodeType.PRACTICE, practice)}]
       }) AS similar
     }
     RETURN m IS NOT NULL AS found, similar`,
    { id, limit: neo4j.int(max) },
  );
  const row = rows[0]!;
  if (!row.found) throw notFound(`No municipality has the id "${id}".`);
  return (row.similar as Array<{ municipality: Record<string, unknown>; score: number; syntheticShare: number | null; shared: Array<Record<string, unknown>> }>).map((item) => ({
    municipality: toNodeRecord(NodeType.MUNICIPALITY, item.municipality),
    score: item.score,
    syntheticShare: item.syntheticShare ?? 0,
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
