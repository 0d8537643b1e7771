import { describeType, INVALID_VALUE, toStoredValue } from '../db/values.js';
import { ID_PATTERN, NODE_SPECS, isObject, searchKeyOf, relationshipSpec, RELATIONSHIP_PROVENANCE, SourceKind, specOfId, specOfLabel, type Label, type PropertySpec, type RelType } from '../model/index.js';
import { idLengthProblem, preview, propertyTextProblem, SHORT_TEXT, textProblem } from '../model/text-rules.js';

/**
 * The one file format of the seed and the bulk import:
 * `{ source, nodes: [{ type, id, ...properties, sourceLocator? }], relationships: [{ from, type, to, properties? }] }`.
 * Every node gets a `SOURCED_FROM` edge to `source` (with `sourceLocator` as its `locator`);
 * every relationship records the source's id in its `sourceId` property, and may give its own `locator` (and
 * `inferred`/`note`, see `RELATIONSHIP_PROVENANCE`).
 */
export interface GraphDocument {
  source: Record<string, unknown>;
  nodes: Array<Record<string, unknown>>;
  relationships: Array<{ from: unknown; type: unknown; to: unknown; properties?: unknown; locator?: unknown; inferred?: unknown; note?: unknown }>;
}

/** Keys of `RELATIONSHIP_PROVENANCE` a relationship entry may give beside its `properties`. */
const PROVENANCE_KEYS = Object.keys(RELATIONSHIP_PROVENANCE) as Array<keyof typeof RELATIONSHIP_PROVENANCE>;

/** A node row ready for `UNWIND`: properties converted to Neo4j values. */
export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  searchKey: string;
  /** `locator` of the node's `SOURCED_FROM` edge to the document's source (JSON's `sourceLocator`). */
  locator: string | null;
}

export interface RelationshipRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
  /**
   * The Source the relationship comes from (its `sourceId` property). Unset: the document's `source`,
   * or, for a document without one (CSV), the fallback source when the relationship is written.
   */
  sourceId?: string;
  /**
   * Properties set only if the import creates the relationship, under what `props` gives: a default that must
   * not change an existing one (`restricted` on a new USES, see `restrictByDefault`).
   */
  onCreate?: Record<string, unknown>;
}

export interface RelationshipGroup {
  from: Label;
  type: RelType;
  to: Label;
  rows: RelationshipRow[];
}

/** A document that passed validation, grouped the way the writer sends it. */
export interface ValidatedDocument {
  /**
   * The document's source: every node gets a `SOURCED_FROM` edge to it, every relationship its id.
   * Null for a document whose provenance is given row by row (CSV: `Source` rows in the nodes,
   * `SOURCED_FROM` rows in the relationships).
   */
  source: NodeRow | null;
  /** Nodes per label (a `Source` group, if any, is written first). */
  nodes: Map<Label, NodeRow[]>;
  /** Relationships per allowed triple; `SOURCED_FROM` groups only in documents without `source`. */
  relationships: RelationshipGroup[];
  nodeCount: number;
  relationshipCount: number;
  /**
   * Documents without `source`: the Source that every node and relationship the import creates or
   * changes is linked to (the manual-input source), itself created on first use. Unset: none.
   */
  fallbackSource?: NodeRow | null;
  /**
   * Where each node and relationship row was given (`source`, `nodes[3]`, `nodes.csv line 4`), for the errors that only
   * the write can find (writer.ts: a row from a synthetic source that would change real data). Keyed by the row
   * object, so the rows are not copied and the positions follow them into sorted batches and slices. Unset: a
   * document built without validation; its errors name the ids alone.
   */
  positions?: WeakMap<NodeRow | RelationshipRow, string>;
}

export type ValidationResult = { ok: true; document: ValidatedDocument } | { ok: false; errors: string[] };

/** Answers which of the given ids (all of `label`) exist in the database already. */
export type ExistingIds = (idsByLabel: Map<Label, string[]>) => Promise<Set<string>>;

/** One entry of a document to validate, with the position errors cite (`nodes[3]`, `nodes.csv line 4`). */
export interface Entry {
  at: string;
  value: unknown;
}

/**
 * A document in parts, whatever file it came from: the JSON format (`validateDocument`) and the CSV pair
 * (`parseCsvGraph`) are both validated by `validateParts`, so both give the same errors.
 */
export interface GraphParts {
  /** The document-wide source (JSON); absent for row-by-row provenance (CSV). */
  source?: Entry;
  /** `{ type, id, ...properties, sourceLocator? }`; `type` is the label (`Practice`). */
  nodes: Entry[];
  /** `{ from, type, to, properties?, sourceId? }`. */
  relationships: Entry[];
  /** Accept `SOURCED_FROM` relationships (CSV); the JSON format adds them itself from `sourceLocator`. */
  sourcedFromRows?: boolean;
  /** See `ValidatedDocument.fallbackSource`. */
  fallbackSource?: NodeRow;
}

/** At most this many errors are listed: enough to fix a file in a few rounds, not a flood. */
export const MAX_ERRORS = 200;

/**
 * Validates the whole document against the model before anything is written, listing every error
 * with its position and id (`relationships[0]: unknown target dilemma:does-not-exist`), up to 200.
 * References to ids outside the document are looked up with `existing`.
 */
export async function validateDocument(input: unknown, existing: ExistingIds): Promise<ValidationResult> {
  if (!isObject(input)) return { ok: false, errors: ['document: expected an object { source, nodes, relationships }'] };
  const shapeErrors: string[] = [];
  if (!Array.isArray(input.nodes)) shapeErrors.push('nodes: expected an array');
  if (input.relationships !== undefined && !Array.isArray(input.relationships)) shapeErrors.push('relationships: expected an array');
  const nodes: unknown[] = Array.isArray(input.nodes) ? input.nodes : [];
  const relationships: unknown[] = Array.isArray(input.relationships) ? input.relationships : [];
  const result = await validateParts(
    {
      source: { at: 'source', value: input.source },
      nodes: nodes.map((value, i) => ({ at: `nodes[${i}]`, value })),
      relationships: relationships.map((value, i) => ({ at: `relationships[${i}]`, value })),
    },
    existing,
  );
  if (shapeErrors.length === 0) return result;
  return { ok: false, errors: [...shapeErrors, ...(result.ok ? [] : result.errors)].slice(0, MAX_ERRORS) };
}

/** Validates a document given in parts (see `GraphParts`); the contract of `validateDocument`. */
export async function validateParts(parts: GraphParts, existing: ExistingIds): Promise<ValidationResult> {
  const errors: string[] = [];
  const report = (message: string) => {
    if (errors.length < MAX_ERRORS) errors.push(message);
  };

  let source: NodeRow | null = null;
  const labelOf = new Map<string, Label>();
  const positions = new WeakMap<NodeRow | RelationshipRow, string>();
  if (parts.source) {
    source = validateSource(parts.source, report) ?? null;
    if (source) labelOf.set(source.id, 'Source');
    if (source) positions.set(source, parts.source.at);
  }

  const nodes = new Map<Label, NodeRow[]>();
  for (const { at, value } of parts.nodes) {
    const row = validateNode(value, at, report);
    if (!row) continue;
    if (labelOf.has(row.node.id)) {
      report(`${at} (${row.node.id}): duplicate id in this document`);
      continue;
    }
    if (row.node.locator !== null && !parts.source) {
      report(`${at} (${row.node.id}): sourceLocator needs a document source`);
      continue;
    }
    labelOf.set(row.node.id, row.label);
    positions.set(row.node, at);
    const rows = nodes.get(row.label) ?? [];
    rows.push(row.node);
    nodes.set(row.label, rows);
  }

  // Looked up in one pass: the ids the relationships reference that the document does not define, and the
  // document's own nodes whose `restricted` default depends on whether they are new (see `restrictByDefault`).
  const lookups = new Map<Label, Set<string>>();
  const lookUp = (id: unknown) => {
    // Over-long ids are not looked up: they cannot exist (and are reported as unknown).
    if (typeof id !== 'string' || idLengthProblem(id) || !ID_PATTERN.test(id)) return;
    const spec = specOfId(id);
    if (spec) lookups.set(spec.label, (lookups.get(spec.label) ?? new Set()).add(id));
  };
  const restricting = restrictByDefault(source, nodes);
  for (const { value } of parts.relationships) {
    if (!isObject(value)) continue;
    for (const id of [value.from, value.to, value.sourceId]) if (typeof id !== 'string' || !labelOf.has(id)) lookUp(id);
  }
  for (const id of restricting.ownIds) lookUp(id);
  const found = lookups.size > 0 ? await existing(new Map([...lookups].map(([label, ids]) => [label, [...ids]]))) : new Set<string>();
  const labelOfId = (id: unknown): Label | undefined =>
    typeof id === 'string' ? (labelOf.get(id) ?? (found.has(id) ? specOfId(id)?.label : undefined)) : undefined;
  // Defined by the document and not in the graph: this import creates it.
  const isNew = (id: string) => labelOf.has(id) && !found.has(id);
  restricting.applyToNodes(isNew);

  const groups = new Map<string, RelationshipGroup>();
  const seen = new Set<string>();
  for (const { at, value: entry } of parts.relationships) {
    if (!isObject(entry)) {
      report(`${at}: expected an object { from, type, to, properties? }`);
      continue;
    }
    const labels: Label[] = [];
    for (const [role, id] of [['source', entry.from], ['target', entry.to]] as const) {
      const label = labelOfId(id);
      if (!label) {
        report(`${at}: unknown ${role} ${typeof id === 'string' && !idLengthProblem(id) ? id : preview(id)}`);
        break;
      }
      labels.push(label);
    }
    if (labels.length < 2) continue;
    const [from, to] = labels as [Label, Label];
    // Anything but a string is refused here: a GraphQL object literal (`type: {x: 1}`) has no prototype, so
    // not even `String()` could turn it into a message.
    if (typeof entry.type !== 'string') {
      report(`${at}: type must be a relationship type such as "USES" (got ${preview(entry.type)})`);
      continue;
    }
    const type = entry.type;
    if (type.length > 60) {
      report(`${at}: unknown relationship type ${preview(type)}`);
      continue;
    }
    const spec = type === 'SOURCED_FROM' && parts.sourcedFromRows ? sourcedFromSpec(from, to) : relationshipSpec(from, type, to);
    if (!spec) {
      const hint = type === 'SOURCED_FROM' ? (parts.sourcedFromRows ? ' (SOURCED_FROM goes from a node to a Source)' : '; give the node a sourceLocator instead: the import adds SOURCED_FROM itself') : '';
      report(`${at}: (${from})-[:${type}]->(${to}) is not allowed by the model${hint}`);
      continue;
    }
    if (entry.from === entry.to) {
      report(`${at}: ${entry.from} cannot be related to itself`);
      continue;
    }
    const key = `${entry.from}|${type}|${entry.to}`;
    const where = `${at} (${entry.from} -[:${type}]-> ${entry.to})`;
    if (seen.has(key)) {
      report(`${at}: duplicate relationship ${entry.from} -[:${type}]-> ${entry.to}`);
      continue;
    }
    seen.add(key);
    let sourceId: string | undefined;
    if (entry.sourceId !== undefined && entry.sourceId !== null && entry.sourceId !== '') {
      if (type === 'SOURCED_FROM' || labelOfId(entry.sourceId) !== 'Source') {
        report(`${where}: sourceId ${preview(entry.sourceId)} is not a known Source`);
        continue;
      }
      sourceId = entry.sourceId as string;
    }
    // Provenance (`locator`, `inferred`, `note`) may sit beside `properties` (the JSON format) or among them
    // (a CSV column); either way it is stored on the relationship like its own properties.
    const provenance = Object.fromEntries(PROVENANCE_KEYS.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
    const given = entry.properties ?? {};
    const props = convertProperties(
      isObject(given) && Object.keys(provenance).length > 0 ? { ...given, ...provenance } : given,
      { ...spec.properties, ...RELATIONSHIP_PROVENANCE },
      where,
      report,
    );
    if (!props) continue;
    const onCreate = restricting.onCreateOf(spec.type, props);
    const groupKey = `${from}|${type}|${to}`;
    const group = groups.get(groupKey) ?? { from, type: spec.type, to, rows: [] };
    const row: RelationshipRow = { from: entry.from as string, to: entry.to as string, props, ...(sourceId ? { sourceId } : {}), ...(onCreate ? { onCreate } : {}) };
    positions.set(row, at);
    group.rows.push(row);
    groups.set(groupKey, group);
  }

  if (errors.length > 0 || (parts.source && !source)) return { ok: false, errors };
  // Sources first: the other nodes' SOURCED_FROM edges and the relationships' sourceId refer to them.
  const ordered = new Map<Label, NodeRow[]>();
  if (nodes.has('Source')) ordered.set('Source', nodes.get('Source')!);
  for (const [label, rows] of nodes) if (label !== 'Source') ordered.set(label, rows);
  return {
    ok: true,
    document: {
      source,
      nodes: ordered,
      relationships: [...groups.values()],
      nodeCount: parts.nodes.length,
      relationshipCount: parts.relationships.length,
      ...(parts.fallbackSource && !parts.source ? { fallbackSource: parts.fallbackSource } : {}),
      positions,
    },
  };
}

/** Which rows of a document get `restricted: true` by default; see `restrictByDefault`. */
interface RestrictedDefaults {
  /** Quotation ids whose presence in the graph decides their default: looked up with the document's references. */
  ownIds: string[];
  /** Sets the default on the Quotation rows that `isNew`. */
  applyToNodes(isNew: (id: string) => boolean): void;
  /** What a validated relationship row (its converted `props`) sets only if it creates the relationship. */
  onCreateOf(type: RelType, props: Record<string, unknown>): Record<string, unknown> | undefined;
}

/**
 * Interview text is restricted unless its owner says otherwise: a Quotation, and a USES relationship (its
 * `evidence`), that an import creates gets `restricted: true` when its row does not give `restricted`, as the
 * QDPX import's do unless `public`. Only new ones: the writer merges a row's properties into the stored ones,
 * so a default on a row that updates would hide what its owner had made public. A Quotation row creates when
 * its node is not in the graph yet (looked up during validation); a USES row carries the default in `onCreate`,
 * which the writer applies only if it creates the relationship. Made-up data, a document whose source is
 * `synthetic`, keeps its USES evidence readable: it is nobody's interview, and the illustrative seed shows its
 * evidence to everyone. Its quotations are restricted all the same, like those of a synthetic QDPX project.
 */
function restrictByDefault(source: NodeRow | null, nodes: Map<Label, NodeRow[]>): RestrictedDefaults {
  const quotations = (nodes.get('Quotation') ?? []).filter((row) => row.props.restricted === undefined);
  const madeUp = source?.props.synthetic === true;
  return {
    ownIds: quotations.map((row) => row.id),
    applyToNodes(isNew) {
      for (const row of quotations) if (isNew(row.id)) row.props.restricted = true;
    },
    onCreateOf(type, props) {
      return type === 'USES' && !madeUp && props.restricted === undefined ? { restricted: true } : undefined;
    },
  };
}

/**
 * `(node)-[:SOURCED_FROM {locator}]->(Source)` as a row of a document without a document-wide source (a Source
 * registered through the API has one too: to the manual-input source).
 */
function sourcedFromSpec(from: Label, to: Label) {
  if (to !== 'Source') return undefined;
  return { from, type: 'SOURCED_FROM' as RelType, to, properties: { locator: { type: 'string', required: false } as PropertySpec } };
}

function validateSource(entry: Entry, report: (m: string) => void): NodeRow | undefined {
  if (!isObject(entry.value)) {
    report(`${entry.at}: expected an object { id, title, kind, locator?, synthetic }`);
    return undefined;
  }
  const result = validateNode({ ...entry.value, type: 'Source' }, entry.at, report);
  return result?.node;
}

function validateNode(entry: unknown, at: string, report: (m: string) => void): { label: Label; node: NodeRow } | undefined {
  if (!isObject(entry)) {
    report(`${at}: expected an object { type, id, ...properties }`);
    return undefined;
  }
  const { type, id, sourceLocator, ...rest } = entry;
  const spec = typeof type === 'string' ? specOfLabel(type) : undefined;
  const where = typeof id === 'string' ? `${at} (${idLengthProblem(id) ? preview(id, 40) : id})` : at;
  if (!spec) {
    report(`${where}: unknown type ${preview(type)}; expected one of ${Object.values(NODE_SPECS).map((s) => s.label).join(', ')}`);
    return undefined;
  }
  const tooLong = typeof id === 'string' ? idLengthProblem(id) : undefined;
  if (tooLong) {
    report(`${where}: id ${tooLong}`);
    return undefined;
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || !id.startsWith(`${spec.idPrefix}:`)) {
    report(`${where}: id must look like "${spec.idPrefix}:<slug>" (lower case letters, digits and single dashes)`);
    return undefined;
  }
  if (sourceLocator !== undefined && sourceLocator !== null && typeof sourceLocator !== 'string') {
    report(`${where}: sourceLocator must be a string`);
    return undefined;
  }
  const locatorProblem = typeof sourceLocator === 'string' ? textProblem(sourceLocator, SHORT_TEXT) : undefined;
  if (locatorProblem) {
    report(`${where}: sourceLocator ${locatorProblem}`);
    return undefined;
  }
  const props = convertProperties(rest, spec.properties, where, report);
  if (!props) return undefined;
  // Made-up data must never pass for a research finding (the SourceKind contract), on any import path.
  if (spec.label === 'Source' && props.kind === SourceKind.ILLUSTRATIVE && props.synthetic !== true) {
    report(`${where}: synthetic must be true for kind ILLUSTRATIVE (made-up data is always synthetic; got ${preview(rest.synthetic)})`);
    return undefined;
  }
  return {
    label: spec.label,
    node: { id, props, searchKey: searchKeyOf(props[spec.display]), locator: typeof sourceLocator === 'string' && sourceLocator.trim() !== '' ? sourceLocator.trim() : null },
  };
}


/**
 * Checks values against the specs and converts them to what Neo4j stores (dates as Date values). Text
 * follows the model's text rules (`propertyTextProblem`: length limit, no control characters, valid
 * Unicode): every importer validates its rows through here (or `validateParts`), so none can store what
 * the mutations refuse.
 */
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
    // Own keys only: `toString` or `constructor` is no property of the model either.
    if (!Object.hasOwn(specs, key)) fail(`unknown property ${preview(key)}; allowed: ${Object.keys(specs).join(', ') || 'none'}`);
  }
  for (const [key, spec] of Object.entries(specs)) {
    const value = input[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '' && spec.type !== 'enum')) {
      if (spec.required) fail(`${key} is required`);
      continue;
    }
    const converted = toStoredValue(value, spec);
    const problem = converted === INVALID_VALUE ? undefined : propertyTextProblem(value, spec);
    if (converted === INVALID_VALUE) fail(`${key} must be ${describeType(spec)} (got ${preview(value)})`);
    else if (problem) fail(`${key} ${problem}`);
    else out[key] = converted;
  }
  return valid ? out : undefined;
}

/** What `toStoredValue` answers for a value that does not fit its spec. */
