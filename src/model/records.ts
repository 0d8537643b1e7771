import { NODE_SPECS, NodeType, specOfId, type Label } from './model.js';
import { PUBLIC_COPIES } from './viewer.js';

/**
 * A node as the repositories hand it to resolvers: its plain properties plus `__type`, which tells
 * the `Node` interface which GraphQL type it is. Internal properties (`searchKey`, the public copies of
 * hideable text) are dropped.
 */
export type NodeRecord = { __type: NodeType; id: string } & Record<string, unknown>;

const INTERNAL_PROPERTIES = new Set(['searchKey', ...PUBLIC_COPIES.map((c) => c.copy)]);

/** Builds a `NodeRecord` from a label and the properties Neo4j returned. */
export function toNodeRecord(type: NodeType, props: Record<string, unknown>): NodeRecord {
  const record: Record<string, unknown> = { __type: type };
  for (const [key, value] of Object.entries(props)) {
    if (!INTERNAL_PROPERTIES.has(key)) record[key] = value;
  }
  return record as NodeRecord;
}

/** The node type of a label. */
export function typeOfLabel(label: Label): NodeType {
  return Object.values(NODE_SPECS).find((spec) => spec.label === label)!.type;
}

/** The display text of a node (its name, title, pseudonym or statement). */
export function displayOf(record: NodeRecord): string {
  return String(record[NODE_SPECS[record.__type].display] ?? record.id);
}

/** Groups ids by the label their prefix names; ids with an unknown prefix are left out. */
export function groupIdsByLabel(ids: readonly string[]): Map<Label, string[]> {
  const groups = new Map<Label, string[]>();
  for (const id of ids) {
    const spec = specOfId(id);
    if (!spec) continue;
    groups.set(spec.label, [...(groups.get(spec.label) ?? []), id]);
  }
  return groups;
}
