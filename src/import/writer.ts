import type { Database, Params, Row } from '../db/database.js';
import type { Label } from '../graph/model/index.js';
import type { ExistingIds, ValidatedDocument } from './document.js';

/** Rows per `UNWIND` statement: big enough to amortise round trips, small enough to keep each statement light. */
export const BATCH_SIZE = 2_000;

export interface WriteSummary {
  nodes: number;
  relationships: number;
}

/**
 * Writes a validated document in ONE write transaction (all or nothing), `UNWIND` batch by batch:
 * the source first, then nodes per label (MERGE by id, with their `SOURCED_FROM` edge), then relationships
 * per (label, type, label). Re-writing the same document changes nothing. `onProgress` reports rows written.
 */
export function writeDocument(db: Database, doc: ValidatedDocument, onProgress?: (written: number, total: number) => void): Promise<WriteSummary> {
  const total = 1 + doc.nodeCount + doc.relationshipCount;
  return db.writeTransaction(async (run) => {
    let written = 0;
    const step = async (cypher: string, rows: unknown[], params: Params = {}) => {
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const batch = rows.slice(start, start + BATCH_SIZE);
        await run(cypher, { ...params, rows: batch });
        written += batch.length;
        onProgress?.(written, total);
      }
    };
    const sourceId = doc.source.id;
    await step(
      'UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s += row.props, s.searchKey = row.searchKey',
      [doc.source],
    );
    for (const [label, rows] of doc.nodes) {
      // The label comes from the model (validated), never from the document's text.
      await step(
        `UNWIND $rows AS row
         MERGE (n:${label} {id: row.id}) SET n += row.props, n.searchKey = row.searchKey
         WITH n, row MATCH (s:Source {id: $sourceId})
         MERGE (n)-[p:SOURCED_FROM]->(s) SET p.locator = row.locator`,
        rows,
        { sourceId },
      );
    }
    for (const group of doc.relationships) {
      await step(
        `UNWIND $rows AS row
         MATCH (a:${group.from} {id: row.from}) MATCH (b:${group.to} {id: row.to})
         MERGE (a)-[r:${group.type}]->(b) SET r += row.props, r.sourceId = $sourceId`,
        group.rows,
        { sourceId },
      );
    }
    return { nodes: doc.nodeCount, relationships: doc.relationshipCount };
  });
}

/** `ExistingIds` backed by the database: one indexed lookup per label, in one statement. */
export function existingIdsIn(db: Database): ExistingIds {
  return async (idsByLabel: Map<Label, string[]>) => {
    const labels = [...idsByLabel.keys()];
    const cypher = labels
      .map((label, i) => `MATCH (n:${label}) WHERE n.id IN $ids${i} RETURN n.id AS id`)
      .join(' UNION ALL ');
    const params = Object.fromEntries(labels.map((label, i) => [`ids${i}`, idsByLabel.get(label)]));
    const rows: Row[] = await db.read(cypher, params);
    return new Set(rows.map((row) => row.id as string));
  };
}
