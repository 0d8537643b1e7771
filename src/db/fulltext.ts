import { PUBLIC_COPIES, type Label, type PublicCopy } from '../model/index.js';
import type { Database } from './database.js';

/** Name of the full-text index over names, descriptions, statements, summaries and titles. */
export const FULLTEXT_INDEX = 'practiceGraphText';

/** Properties the full-text index covers (a node type has only some of them). */
export const FULLTEXT_PROPERTIES = ['name', 'title', 'pseudonym', 'statement', 'description', 'summary', 'gloss', 'text'];

/**
 * Why a second index. Lucene scores a hit with statistics of the whole index (BM25: how many documents hold
 * the word in that field, their average length), so hidden text in the index moves the score and order of
 * public hits: a viewer could count the restricted summaries that hold a word by watching a public case's
 * score. Leaving hidden cases out of the hits is not enough; their text must not be in the index the viewer's
 * query runs on. So every indexed property that can be hidden (`RESTRICTED_NODE_PROPERTIES`: a case's
 * summary, a quotation's text) has an internal copy, `public<Name>`, which holds the text only while the node
 * is not restricted (`PUBLIC_COPIES`), and the public index covers the copies instead of the originals.
 */
export const PUBLIC_FULLTEXT_INDEX = 'practiceGraphPublicText';

/** The public index's properties: those of the full index, each one that can be hidden replaced by its copy. */
export const PUBLIC_FULLTEXT_PROPERTIES = FULLTEXT_PROPERTIES.map((property) => PUBLIC_COPIES.find((c) => c.property === property)?.copy ?? property);

/** The value a copy must hold for node `v`: the text, or null while `v` is restricted. */
const copyValue = (v: string, { property }: PublicCopy) => `CASE WHEN ${v}.restricted = true THEN null ELSE ${v}.${property} END`;

/**
 * A `SET` clause that brings node `v`'s public copies up to date, for a write to a node of `label` that may
 * have changed its text or its `restricted` flag; '' for a label without copies. Every statement that
 * writes those properties ends with it (mutations, the import's writer); `applyPublicCopies` mends the rest.
 */
export function setPublicCopies(v: string, label: Label): string {
  const copies = PUBLIC_COPIES.filter((c) => c.label === label);
  return copies.length === 0 ? '' : `SET ${copies.map((c) => `${v}.${c.copy} = ${copyValue(v, c)}`).join(', ')}`;
}

/**
 * Sets every public copy that is missing or differs from its rule (a store written before the copies
 * existed, or by hand): idempotent, run at every start-up after the migrations; only rows that differ are
 * written. Returns how many nodes it changed.
 */
export async function applyPublicCopies(db: Database): Promise<number> {
  let changed = 0;
  for (const copy of PUBLIC_COPIES) {
    const rows = await db.write(
      `MATCH (n:${copy.label})
       WITH n, ${copyValue('n', copy)} AS value
       WHERE NOT coalesce(n.${copy.copy} = value, n.${copy.copy} IS NULL AND value IS NULL)
       SET n.${copy.copy} = value
       RETURN count(*) AS count`,
    );
    changed += Number(rows[0]?.count ?? 0);
  }
  return changed;
}
