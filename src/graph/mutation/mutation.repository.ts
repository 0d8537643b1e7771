import type { Params, Row } from '../../db/database.js';
import { nodeSyntheticExpression, refreshFromSource } from '../../db/synthetic.js';
import { idsByLabelQuery } from '../../db/ids-by-label.js';
import { sameStoredValue } from '../../db/values.js';
import { setPublicCopies } from '../../db/fulltext.js';
import { MANUAL_SOURCE, type Label, type RelType } from '../../model/index.js';
import type { RelatedOfOne, RelatedPage } from '../shared/relation.js';

/**
 * Runs one statement: inside the caller's write transaction (`Database.writeTransaction`), or for a mutation
 * that is one statement, as an auto-commit write (`Database.writeStatement`).
 */
export type Run = (cypher: string, params?: Params) => Promise<Row[]>;

/** Who wrote and when: recorded as `by` and `at` on the SOURCED_FROM edge or relationship written. */
export interface Stamp {
  by: string;
  /** A Neo4j DateTime. */
  at: unknown;
}

/**
 * A relationship of a node being created (`createNode`) to an existing node, already checked against the
 * model: `out` is (new)-[type]->(other), `in` is (other)-[type]->(new).
 */
export interface NewLink {
  direction: 'out' | 'in';
  type: RelType;
  /** The other end's label, from the model's triple. */
  otherLabel: Label;
  /** The other end's id. */
  other: string;
  /** The relationship's own properties, converted for Neo4j. */
  props: Record<string, unknown>;
}

/**
 * Whether `$set` (the update's properties; `null` removes) changes a stored value of node `n` (`sameStoredValue`:
 * setting an unset `restricted` to false changes nothing, as the import counts it).
 */
const CHANGES = `any(k IN keys($set) WHERE NOT ${sameStoredValue('n', '$set', 'k')})`;

/** Creates the manual-input source unless it exists (the constraint on `id` makes concurrent MERGEs safe). */
const MERGE_MANUAL_SOURCE = 'MERGE (s:Source {id: $manual.id}) ON CREATE SET s += $manual.props, s.searchKey = $manual.searchKey';

/**
 * The source a one-statement write records, as parts of a statement that writes nothing unless its checks
 * pass (it runs auto-commit: a refusal has no rollback). A given source is matched first (`match`: `s`, null
 * when there is none, which `found` reports and `conditions` refuses); the manual-input source is merged inside
 * the guarded write (`merge`), so a refused write does not leave it created.
 */
function guardedSource(sourceId: string | null): { match: string; imports: string[]; conditions: string[]; merge: string; found: string } {
  return sourceId === null
    ? { match: '', imports: [], conditions: [], merge: MERGE_MANUAL_SOURCE, found: 'true' }
    : { match: 'OPTIONAL MATCH (s:Source {id: $sourceId})', imports: ['s'], conditions: ['s IS NOT NULL'], merge: '', found: 's IS NOT NULL' };
}

/**
 * The Cypher of the mutations: one statement per method, run inside the mutation's single write
 * transaction (so a mutation is all or nothing). Labels and relationship types come from the model
 * (validated by the caller); values are parameters.
 */
export const mutationRepository = {
  /** Whether a Source with this id exists. */
  async sourceExists(run: Run, id: string): Promise<boolean> {
    const rows = await run('MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS found', { id });
    return rows[0]?.found === true;
  },

  /** Creates the manual-input source unless it exists (the constraint on `id` makes concurrent MERGEs safe). */
  async ensureManualSource(run: Run): Promise<void> {
    await run(`${MERGE_MANUAL_SOURCE} RETURN s.id AS id`, { manual: MANUAL_SOURCE });
  },

  /** Whether a node of `label` with this id exists. */
  async nodeExists(run: Run, label: Label, id: string): Promise<boolean> {
    const rows = await run(`MATCH (n:${label} {id: $id}) RETURN count(n) > 0 AS found`, { id });
    return rows[0]?.found === true;
  },

  /** Which of these ids exist (one indexed branch per label their prefixes name). */
  async existingIds(run: Run, ids: string[]): Promise<Set<string>> {
    const query = idsByLabelQuery(ids);
    if (!query) return new Set();
    const rows = await run(query.cypher, query.params);
    return new Set(rows.map((row) => row.id as string));
  },

  /**
   * In one statement: whether the source (a given one) exists, whether a node with this id exists, whether
   * each link's other end exists, and, when the source is there, the id is free and every other end was
   * found (and only then: the statement runs auto-commit, so a refusal writes nothing, the manual-input
   * source included), the manual-input source created if it is the source and missing, and the node created
   * with its SOURCED_FROM edge (`locator`, `by`, `at`) and its links (MERGE: at most one relationship per
   * type between two nodes), each with the node's provenance (`sourceId`, `by`, `at`, `synthetic` of the
   * source) as `mergeRelationship` records it; its stored properties in `props`, and in `linksFound` whether
   * each link's other end was found (in the order of `links`). (Four statements before issue 18: a create cost Neo4j twice what the same create costs as
   * one statement.) A concurrent create of the same id fails on the uniqueness constraint.
   *
   * Without links (or with an empty list) the statement has no link clauses and no `links` parameter. The
   * node's `synthetic` flag depends on its SOURCED_FROM edges only (db/synthetic.ts), so the links change no
   * node's flag.
   *
   * `readBack`: relations of the new node to read after writing it, in the same statement (`relatedOfOne`:
   * what the mutation's selection asks of the node); their pages in `pages` (empty when the node was not
   * created: the caller refuses the create then).
   */
  async createNode(
    run: Run,
    label: Label,
    node: { id: string; props: Record<string, unknown>; searchKey: string },
    provenance: { sourceId: string | null; locator: string | null } & Stamp,
    links: readonly NewLink[] = [],
    readBack?: RelatedOfOne,
  ): Promise<{ sourceFound: boolean; exists: boolean; props: Record<string, unknown> | null; linksFound: boolean[]; pages: RelatedPage[] }> {
    // Labels and types come from the model's triples (checked by the caller); every value is a parameter.
    const source = guardedSource(provenance.sourceId);
    const ends = links.map((link, i) => `\n       OPTIONAL MATCH (o${i}:${link.otherLabel} {id: $links[${i}].other})`).join('');
    const imports = [...source.imports, 'existing', ...links.map((_, i) => `o${i}`)].join(', ');
    const conditions = [...source.conditions, 'existing IS NULL', ...links.map((_, i) => `o${i} IS NOT NULL`)].join(' AND ');
    const merges = links
      .map((link, i) => {
        const pattern = link.direction === 'out' ? `(n)-[r${i}:${link.type}]->(o${i})` : `(o${i})-[r${i}:${link.type}]->(n)`;
        return (
          `\n         MERGE ${pattern}` +
          `\n         SET r${i} += $links[${i}].props, r${i}.sourceId = s.id, r${i}.by = $by, r${i}.at = $at, r${i}.synthetic = coalesce(s.synthetic, false)`
        );
      })
      .join('');
    const found = links.length > 0 ? `, [${links.map((_, i) => `o${i} IS NOT NULL`).join(', ')}] AS linksFound` : '';
    const answer = `${source.found} AS sourceFound, existing IS NOT NULL AS exists, props${found}`;
    // The read-back subqueries import nothing: after a WITH of the answer only, their variables clash with none.
    const ending = readBack
      ? `WITH ${answer}
       ${readBack.subqueries}
       RETURN sourceFound, exists, props${links.length > 0 ? ', linksFound' : ''}, ${readBack.columns}`
      : `RETURN ${answer}`;
    const rows = await run(
      `${source.match}
       OPTIONAL MATCH (existing:${label} {id: $id})${ends}
       OPTIONAL CALL (${imports}) {
         WITH * WHERE ${conditions}
         ${source.merge}
         CREATE (n:${label} {id: $id})
         SET n += $props, n.searchKey = $searchKey
         ${setPublicCopies('n', label)}
         CREATE (n)-[e:SOURCED_FROM]->(s)
         SET e.locator = $locator, e.by = $by, e.at = $at, e.synthetic = coalesce(s.synthetic, false)
         SET n.synthetic = ${nodeSyntheticExpression('n')}${merges}
         RETURN properties(n) AS props
       }
       ${ending}`,
      {
        ...readBack?.params,
        ...node,
        ...provenance,
        manual: MANUAL_SOURCE,
        ...(links.length > 0 ? { links: links.map(({ other, props }) => ({ other, props })) } : {}),
      },
    );
    const row = rows[0]!;
    const props = (row.props as Record<string, unknown> | null) ?? null;
    return {
      sourceFound: row.sourceFound === true,
      exists: row.exists === true,
      props,
      linksFound: links.length > 0 ? (row.linksFound as boolean[]) : [],
      pages: readBack && props ? readBack.pages(row) : [],
    };
  },

  /**
   * Sets (`null` removes) the given properties, and the search key when the display text changed; then
   * records the write on the SOURCED_FROM edge to the source (created if missing; `locator` kept unless
   * given). Returns the stored properties, or undefined when the node does not exist. `readBack`: relations
   * of the node to read after writing it, in the same statement (as `createNode`); their pages in `pages`.
   *
   * When the source is the node itself (an edit of the manual-input source, which is every write's default
   * source) no edge is written: a Source is never its own source (that edge would count as provenance the
   * source still carries, and `deleteNode` would refuse it for good). Its flag is its own either way.
   *
   * `madeUpEdit`: the source is synthetic, the node is real (its stored flag, read by this statement before it
   * writes) and `set` changes a stored value (`CHANGES`). Made-up data never changes real data, and the node's
   * flag would not show it (a node is made up only when all its sources are): the caller must refuse the write
   * and roll its transaction back. A synthetic source that changes no value of a real node only adds provenance.
   */
  async updateNode(
    run: Run,
    label: Label,
    node: { id: string; set: Record<string, unknown>; searchKey: string | null },
    provenance: { sourceId: string; locator: string | null } & Stamp,
    readBack?: RelatedOfOne,
  ): Promise<{ props: Record<string, unknown>; pages: RelatedPage[]; madeUpEdit: boolean } | undefined> {
    // The read-back subqueries import nothing: after a WITH of the answer only, their variables clash with none.
    const ending = readBack
      ? `WITH properties(n) AS props, madeUpEdit\n       ${readBack.subqueries}\n       RETURN props, madeUpEdit, ${readBack.columns}`
      : 'RETURN properties(n) AS props, madeUpEdit';
    const ownSource = node.id === provenance.sourceId;
    const matchSource = ownSource ? '' : 'MATCH (s:Source {id: $sourceId})';
    // A Source edited with itself as the source is the manual-input source (see above): its flag is its own.
    const before = ownSource
      ? 'WITH n, false AS madeUpEdit'
      : `WITH n, s, coalesce(coalesce(s.synthetic, false) AND NOT coalesce(n.synthetic, false) AND ${CHANGES}, false) AS madeUpEdit`;
    const mergeEdge = ownSource
      ? ''
      : `MERGE (n)-[e:SOURCED_FROM]->(s)
       SET e.by = $by, e.at = $at, e.locator = coalesce($locator, e.locator), e.synthetic = coalesce(s.synthetic, false)`;
    const rows = await run(
      `MATCH (n:${label} {id: $id})
       ${matchSource}
       ${before}
       SET n += $set, n.searchKey = coalesce($searchKey, n.searchKey)
       ${setPublicCopies('n', label)}
       ${mergeEdge}
       SET n.synthetic = ${nodeSyntheticExpression('n')}
       ${ending}`,
      { ...readBack?.params, ...node, ...provenance },
    );
    const row = rows[0];
    return row && { props: row.props as Record<string, unknown>, pages: readBack ? readBack.pages(row) : [], madeUpEdit: row.madeUpEdit === true };
  },

  /** After a Source's own `synthetic` changed: the flags of what it is the source of follow (db/synthetic.ts). */
  refreshFromSource(run: Run, id: string): Promise<void> {
    return refreshFromSource(run, id);
  },

  /**
   * How much provenance points at a Source: other nodes SOURCED_FROM it and relationships whose `sourceId` it
   * is. An edge from the Source to itself (written by edits of the manual-input source before `updateNode`
   * skipped it) is no provenance of anything and does not count.
   */
  async sourceUsage(run: Run, id: string): Promise<{ nodes: number; relationships: number }> {
    // Relationships keep their source as a property, so finding them scans relationships: acceptable for a rare delete.
    const rows = await run(
      `MATCH (s:Source {id: $id})
       RETURN COUNT { (s)<-[:SOURCED_FROM]-(n) WHERE n <> s } AS nodes, COUNT { ()-[r]->() WHERE r.sourceId = $id } AS relationships`,
      { id },
    );
    return { nodes: Number(rows[0]?.nodes ?? 0), relationships: Number(rows[0]?.relationships ?? 0) };
  },

  /**
   * Deletes the node and every relationship it has; returns whether it existed. Of concurrent deletes of one
   * id exactly one answers true: the SET takes the node's write lock (waiting for a delete in progress to
   * commit), and the node is then matched again, which finds it only if no one deleted it meanwhile. (A
   * plain `MATCH … DETACH DELETE` counts the row it matched before the wait: every racer answered true.)
   */
  async deleteNode(run: Run, label: Label, id: string): Promise<boolean> {
    const rows = await run(
      `MATCH (locked:${label} {id: $id})
       SET locked.deleting = true
       WITH locked
       MATCH (n:${label} {id: $id}) WHERE n = locked
       DETACH DELETE n
       RETURN count(n) AS deleted`,
      { id },
    );
    return Number(rows[0]?.deleted ?? 0) > 0;
  },

  /**
   * In one statement: whether both ends and the source exist, and when they do (and only then: the statement
   * runs auto-commit, so a refusal writes nothing), the manual-input source created if it is the source and
   * missing, and the relationship created or the one there is updated (at most one per
   * type between two nodes): `properties` added (`+=`), `sourceId`, `by` and `at` set; its properties in
   * `props`. (Five statements before issue 18.)
   *
   * `madeUpEdit`: a given source is synthetic and the relationship is already there and real (its stored
   * flag). Then nothing is written (`props` null): made-up data never changes real data, and writing would
   * take the relationship's real `sourceId` and flag away. A new relationship from a synthetic source (a
   * made-up node linked to a real one, say) is written, and is made up.
   */
  async mergeRelationship(
    run: Run,
    triple: { from: Label; type: RelType; to: Label },
    rel: { from: string; to: string; props: Record<string, unknown>; sourceId: string | null } & Stamp,
  ): Promise<{ fromFound: boolean; toFound: boolean; sourceFound: boolean; madeUpEdit: boolean; props: Record<string, unknown> | null }> {
    const source = guardedSource(rel.sourceId);
    // Read before the write (which would make it made up); the manual-input source (no `s` yet) is real.
    const madeUpEdit =
      rel.sourceId === null
        ? 'false'
        : `coalesce(s.synthetic, false) AND a IS NOT NULL AND b IS NOT NULL AND EXISTS { (a)-[old:${triple.type}]->(b) WHERE NOT coalesce(old.synthetic, false) }`;
    const rows = await run(
      `OPTIONAL MATCH (a:${triple.from} {id: $from})
       OPTIONAL MATCH (b:${triple.to} {id: $to})
       ${source.match}
       WITH ${['a', 'b', ...source.imports].join(', ')}, coalesce(${madeUpEdit}, false) AS madeUpEdit
       OPTIONAL CALL (${['a', 'b', ...source.imports, 'madeUpEdit'].join(', ')}) {
         WITH * WHERE ${['a IS NOT NULL', 'b IS NOT NULL', ...source.conditions, 'NOT madeUpEdit'].join(' AND ')}
         ${source.merge}
         MERGE (a)-[r:${triple.type}]->(b)
         SET r += $props, r.sourceId = s.id, r.by = $by, r.at = $at, r.synthetic = coalesce(s.synthetic, false)
         RETURN properties(r) AS props
       }
       RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, ${source.found} AS sourceFound, madeUpEdit, props`,
      { ...rel, manual: MANUAL_SOURCE },
    );
    const row = rows[0]!;
    return {
      fromFound: row.fromFound === true,
      toFound: row.toFound === true,
      sourceFound: row.sourceFound === true,
      madeUpEdit: row.madeUpEdit === true,
      props: (row.props as Record<string, unknown> | null) ?? null,
    };
  },

  /** Deletes the relationship(s) of `type` from `from` to `to`; returns whether there was one. */
  async deleteRelationship(run: Run, triple: { from: Label; type: RelType; to: Label }, rel: { from: string; to: string }): Promise<boolean> {
    const rows = await run(
      `MATCH (:${triple.from} {id: $from})-[r:${triple.type}]->(:${triple.to} {id: $to})
       DELETE r
       RETURN count(r) AS deleted`,
      rel,
    );
    return Number(rows[0]?.deleted ?? 0) > 0;
  },
};
