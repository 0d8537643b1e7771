import { createHash } from 'node:crypto';

/** The XSD's `GUIDType`: 8-4-4-4-12 hex digits, optionally in braces. */
export const GUID_PATTERN = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

const BARE_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A GUID as our ids carry it: lower case, without braces (`{ABC…}` → `abc…`). */
export function normalGuid(guid: string): string {
  return guid.replace(/^\{|\}$/g, '').toLowerCase();
}

/** RFC 9562's URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/**
 * Namespace of our name-based UUIDs: the v5 UUID of a fixed URL, so it never changes (changing it would give
 * every exported node a new GUID, and re-imported exports would no longer find their nodes).
 */
const PRACTICE_GRAPH_NAMESPACE = uuidV5(URL_NAMESPACE, 'https://practice-graph/refi-qda');

/** RFC 9562 version 5 UUID: SHA-1 of the namespace's bytes and the name (UTF-8), version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The REFI GUID of one of our nodes: the GUID an import took its id from (`quotation:<guid>` → `<guid>`),
 * else a v5 UUID of the id, so the same node always gets the same GUID in every export and a re-import of
 * an export finds the nodes it came from (`nodeIdOfGuid`).
 */
export function guidOfId(id: string): string {
  const suffix = id.slice(id.indexOf(':') + 1);
  return BARE_GUID.test(suffix) ? suffix : uuidV5(PRACTICE_GRAPH_NAMESPACE, id);
}

/** A GUID for something that is not a node (a coding, a variable, the project's user): v5 of `name`. */
export function guidOfName(name: string): string {
  return uuidV5(PRACTICE_GRAPH_NAMESPACE, `name:${name}`);
}

/**
 * Maps GUIDs back to existing ids of our graph whose `guidOfId` they are. Ids carrying their GUID need no
 * table (the importer derives them directly); the table holds the hashed ones.
 */
export function guidTable(ids: Iterable<string>): Map<string, string> {
  const table = new Map<string, string>();
  for (const id of ids) table.set(guidOfId(id), id);
  return table;
}
