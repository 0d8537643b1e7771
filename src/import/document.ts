import neo4j from 'neo4j-driver';
import { neo4jDate } from '../db/values.js';
import {
  ID_PATTERN,
  NODE_SPECS,
  foldText,
  relationshipSpec,
  specOfId,
  specOfLabel,
  type Label,
  type PropertySpec,
  type RelType,
} from '../graph/model/index.js';

/**
 * The one file format of the seed and the bulk import:
 * `{ source, nodes: [{ type, id, ...properties, sourceLocator? }], relationships: [{ from, type, to, properties? }] }`.
 * Every node gets a `SOURCED_FROM` edge to `source` (with `sourceLocator` as its `locator`);
 * every relationship records the source's id in its `sourceId` property.
 */
export interface GraphDocument {
  source: Record<string, unknown>;
  nodes: Array<Record<string, unknown>>;
  relationships: Array<{ from: unknown; type: unknown; to: unknown; properties?: unknown }>;
}

/** A node row ready for `UNWIND`: properties converted to Neo4j values. */
export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  searchKey: string;
  locator: string | null;
}

export interface RelationshipRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface RelationshipGroup {
  from: Label;
  type: RelType;
  to: Label;
  rows: RelationshipRow[];
}

/** A document that passed validation, grouped the way the writer sends it. */
export interface ValidatedDocument {
  source: NodeRow;
  nodes: Map<Label, NodeRow[]>;
  relationships: RelationshipGroup[];
  nodeCount: number;
  relationshipCount: number;
}

export type ValidationResult = { ok: true; document: ValidatedDocument } | { ok: false; errors: string[] };

/** Answers which of the given ids (all of `label`) exist in the database already. */
export type ExistingIds = (idsByLabel: Map<Label, string[]>) => Promise<Set<string>>;

const MAX_ERRORS = 200;

/**
 * Validates the whole document against the model before anything is written, listing every error
 * with its position and id (`relationships[0]: unknown target dilemma:does-not-exist`), up to 200.
 * References to ids outside the document are looked up with `existing`.
 */
export async function validateDocument(input: unknown, existing: ExistingIds): Promise<ValidationResult> {
  const errors: string[] = [];
  const report = (message: string) => {
    if (errors.length < MAX_ERRORS) errors.push(message);
  };
  if (!isObject(input)) return { ok: false, errors: ['document: expected an object { source, nodes, relationships }'] };
  if (!Array.isArray(input.nodes)) report('nodes: expected an array');
  if (input.relationships !== undefined && !Array.isArray(input.relationships)) report('relationships: expected an array');

  const source = validateSource(input.source, report);
  const nodes = new Map<Label, NodeRow[]>();
  const labelOf = new Map<string, Label>();
  if (source) labelOf.set(source.id, 'Source');

  const nodeEntries = Array.isArray(input.nodes) ? input.nodes : [];
  nodeEntries.forEach((entry, index) => {
    const row = validateNode(entry, `nodes[${index}]`, report);
    if (!row) return;
    if (labelOf.has(row.node.id)) {
      report(`nodes[${index}] (${row.node.id}): duplicate id in this document`);
      return;
    }
    labelOf.set(row.node.id, row.label);
    const rows = nodes.get(row.label) ?? [];
    rows.push(row.node);
    nodes.set(row.label, rows);
  });

  const relEntries: unknown[] = Array.isArray(input.relationships) ? input.relationships : [];
  // Ids the relationships reference that the document does not define: looked up in one pass.
  const outside = new Map<Label, string[]>();
  for (const entry of relEntries) {
    if (!isObject(entry)) continue;
    for (const end of [entry.from, entry.to]) {
      if (typeof end !== 'string' || labelOf.has(end)) continue;
      const spec = specOfId(end);
      if (spec && ID_PATTERN.test(end)) outside.set(spec.label, [...(outside.get(spec.label) ?? []), end]);
    }
  }
  const found = outside.size > 0 ? await existing(outside) : new Set<string>();

  const groups = new Map<string, RelationshipGroup>();
  const seen = new Set<string>();
  relEntries.forEach((entry, index) => {
    const at = `relationships[${index}]`;
    if (!isObject(entry)) return report(`${at}: expected an object { from, type, to, properties? }`);
    const ends: Array<[string, unknown]> = [['source', entry.from], ['target', entry.to]];
    const labels: Label[] = [];
    for (const [role, id] of ends) {
      const label = typeof id === 'string' ? (labelOf.get(id) ?? (found.has(id) ? specOfId(id)?.label : undefined)) : undefined;
      if (!label) return report(`${at}: unknown ${role} ${typeof id === 'string' ? id : JSON.stringify(id)}`);
      labels.push(label);
    }
    const [from, to] = labels as [Label, Label];
    const type = String(entry.type);
    const spec = relationshipSpec(from, type, to);
    if (!spec) return report(`${at}: (${from})-[:${type}]->(${to}) is not allowed by the model`);
    const key = `${entry.from}|${type}|${entry.to}`;
    if (seen.has(key)) return report(`${at}: duplicate relationship ${entry.from} -[:${type}]-> ${entry.to}`);
    seen.add(key);
    const props = convertProperties(entry.properties ?? {}, spec.properties, `${at} (${entry.from} -[:${type}]-> ${entry.to})`, report);
    if (!props) return;
    const groupKey = `${from}|${type}|${to}`;
    const group = groups.get(groupKey) ?? { from, type: spec.type, to, rows: [] };
    group.rows.push({ from: entry.from as string, to: entry.to as string, props });
    groups.set(groupKey, group);
  });

  if (errors.length > 0 || !source) return { ok: false, errors };
  return {
    ok: true,
    document: {
      source,
      nodes,
      relationships: [...groups.values()],
      nodeCount: nodeEntries.length,
      relationshipCount: relEntries.length,
    },
  };
}

function validateSource(input: unknown, report: (m: string) => void): NodeRow | undefined {
  if (!isObject(input)) {
    report('source: expected an object { id, title, kind, locator?, synthetic }');
    return undefined;
  }
  const result = validateNode({ ...input, type: 'Source' }, 'source', report);
  return result?.node;
}

function validateNode(entry: unknown, at: string, report: (m: string) => void): { label: Label; node: NodeRow } | undefined {
  if (!isObject(entry)) {
    report(`${at}: expected an object { type, id, ...properties }`);
    return undefined;
  }
  const { type, id, sourceLocator, ...rest } = entry;
  const spec = typeof type === 'string' ? specOfLabel(type) : undefined;
  const where = typeof id === 'string' ? `${at} (${id})` : at;
  if (!spec) {
    report(`${where}: unknown type ${JSON.stringify(type)}; expected one of ${Object.values(NODE_SPECS).map((s) => s.label).join(', ')}`);
    return undefined;
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || !id.startsWith(`${spec.idPrefix}:`)) {
    report(`${where}: id must look like "${spec.idPrefix}:<slug>" (lower case letters, digits and single dashes)`);
    return undefined;
  }
  if (sourceLocator !== undefined && typeof sourceLocator !== 'string') {
    report(`${where}: sourceLocator must be a string`);
    return undefined;
  }
  const props = convertProperties(rest, spec.properties, where, report);
  if (!props) return undefined;
  const display = props[spec.display];
  return {
    label: spec.label,
    node: { id, props, searchKey: foldText(String(display ?? '')), locator: sourceLocator ?? null },
  };
}

/** Checks values against the specs and converts them to what Neo4j stores (dates as Date values). */
export function convertProperties(
  input: unknown,
  specs: Record<string, PropertySpec>,
  where: string,
  report: (message: string) => void,
): Record<string, unknown> | undefined {
  if (!isObject(input)) {
    report(`${where}: properties must be an object`);
    return undefined;
  }
  let valid = true;
  const fail = (message: string) => {
    valid = false;
    report(`${where}: ${message}`);
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!(key in specs)) fail(`unknown property "${key}"; allowed: ${Object.keys(specs).join(', ') || 'none'}`);
  }
  for (const [key, spec] of Object.entries(specs)) {
    const value = input[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '' && spec.type !== 'enum')) {
      if (spec.required) fail(`${key} is required`);
      continue;
    }
    const converted = convertValue(value, spec);
    if (converted === INVALID) fail(`${key} must be ${describe(spec)} (got ${JSON.stringify(value)})`);
    else out[key] = converted;
  }
  return valid ? out : undefined;
}

const INVALID = Symbol('invalid');

function convertValue(value: unknown, spec: PropertySpec): unknown {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? value.trim() : INVALID;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : INVALID;
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID;
    case 'enum':
      return typeof value === 'string' && spec.values!.includes(value) ? value : INVALID;
    case 'date':
      return neo4jDate(value) ?? INVALID;
  }
}


function describe(spec: PropertySpec): string {
  switch (spec.type) {
    case 'string': return 'a string';
    case 'integer': return 'an integer';
    case 'boolean': return 'true or false';
    case 'date': return 'an ISO date (YYYY-MM-DD)';
    case 'enum': return `one of ${spec.values!.join(', ')}`;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

