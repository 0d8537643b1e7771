import { NODE_SPECS, NodeType, type Label, type RelType } from './model.js';

/** Who is asking: `anonymous` without a bearer token, else the role of the token presented. */
export type ViewerRole = 'anonymous' | 'reader' | 'editor' | 'admin';

/**
 * The caller of one request, worked out once by the server's context function from the
 * `Authorization: Bearer <token>` header. `name` is a non-secret label of the token (`editor#1`),
 * recorded as the `by` of the writes it makes; null for anonymous callers. Never holds the token.
 */
export interface Viewer {
  role: ViewerRole;
  name: string | null;
}

/** The viewer of a request without a token. */
export const ANONYMOUS: Viewer = Object.freeze({ role: 'anonymous', name: null });

/**
 * Whether `viewer` may see restricted data: `Case.summary` of a case with `restricted: true` and the
 * `evidence` of a `USES {restricted: true}` relationship. Only editors and admins; for everyone else
 * those fields read as null (no error). Exports follow the same rule.
 */
export function canSeeRestricted(viewer: Viewer): boolean {
  return viewer.role === 'editor' || viewer.role === 'admin';
}

/** Node properties hidden from viewers when the node itself has `restricted: true` (see `canSeeRestricted`). */
export const RESTRICTED_NODE_PROPERTIES: Partial<Record<NodeType, readonly string[]>> = {
  [NodeType.CASE]: ['summary'],
  [NodeType.QUOTATION]: ['text'],
};

/**
 * The internal copy of a node property that can be hidden (`summary` → `publicSummary`): it holds the text
 * only while the node is not restricted. The public full-text index covers the copies instead of the
 * originals (why: src/db/fulltext.ts). Readers never see a copy (`toNodeRecord` drops it).
 */
export interface PublicCopy {
  label: Label;
  property: string;
  copy: string;
}

/** Every public copy: one per property of `RESTRICTED_NODE_PROPERTIES` (Case.summary, Quotation.text). */
export const PUBLIC_COPIES: readonly PublicCopy[] = Object.entries(RESTRICTED_NODE_PROPERTIES).flatMap(([type, hidden]) =>
  hidden!.map((property) => ({
    label: NODE_SPECS[type as NodeType].label,
    property,
    copy: `public${property[0]!.toUpperCase()}${property.slice(1)}`,
  })),
);

/** Relationship properties hidden from viewers when the relationship has `restricted: true`. */
export const RESTRICTED_RELATIONSHIP_PROPERTIES: Partial<Record<RelType, readonly string[]>> = {
  USES: ['evidence'],
};

/** `value`, or null when it is `restricted` and `viewer` may not see restricted data (see `canSeeRestricted`). */
export function unlessRestricted<T>(value: T, restricted: unknown, viewer: Viewer): T | null {
  return restricted === true && !canSeeRestricted(viewer) ? null : value;
}

/** Whether `viewer` may write (every mutation): editors and admins. */
export function canWrite(viewer: Viewer): boolean {
  return viewer.role === 'editor' || viewer.role === 'admin';
}

/**
 * How a write records who made it (the `by` of `SOURCED_FROM` edges, relationships and import
 * summaries): the token's non-secret name (`editor#1`), or the role when the token has none.
 */
export function writerNameOf(viewer: Viewer): string {
  return viewer.name ?? viewer.role;
}
