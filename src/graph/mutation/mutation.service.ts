import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { AppError, ErrorCode, badInput } from '../../errors.js';
import { describeType, INVALID_VALUE, toStoredValue } from '../../db/values.js';
import {
  isObject, searchKeyOf, MANUAL_SOURCE_ID, edgeId, ID_PATTERN, NODE_SPECS, RELATIONSHIP_SPECS, relationshipSpec, slugify, specOfId, toNodeRecord,
  idLengthProblem, preview, propertyTextProblem, SHORT_TEXT, textProblem,
  type Viewer, type Label, type NodeSpec, type NodeType, type RelationshipSpec, type NodeRecord,
  writerNameOf,
} from '../../model/index.js';
import type { Logger } from '../../logger.js';
import { type GraphEdgeData } from '../../analytics/projection.js';
import { MAX_NEW_LINKS } from './mutation.input.js';
import { mutationRepository as repo, type NewLink, type Run, type Stamp } from './mutation.repository.js';
import type { RelationLoad } from '../shared/prefetch.js';
import { relatedOfOne, type RelatedPage } from '../shared/relation.js';

/** Longest slug an id derives from a display text (long statements would give unwieldy ids); cut at a word. */
export const MAX_DERIVED_SLUG = 80;

/** Input of create/update: the model's properties plus the provenance fields (and `id` and `links` on create). */
type WriteValues = Record<string, unknown> & { id?: unknown; sourceId?: unknown; sourceLocator?: unknown; links?: unknown };

/**
 * The writes behind the mutations, for one caller. Each method validates its input against the model
 * (`NODE_SPECS`, `RELATIONSHIP_SPECS`) first and then runs ONE write transaction: everything it writes,
 * or nothing. Input problems are BAD_USER_INPUT with `extensions.field` naming the field; a missing
 * node is NOT_FOUND. Every write records provenance: the SOURCED_FROM edge (nodes) or the relationship
 * itself gets `sourceId` (given, or the manual-input source, created on first use), `by` (the viewer's
 * non-secret name) and `at` (now). Deletions are logged with who did them.
 */
export class GraphWriter {
  constructor(
    private readonly db: Database,
    private readonly viewer: Viewer,
    private readonly logger: Logger,
  ) {}

  /**
   * Creates a node of `type`; the id derives from the display text when not given. `input.links` are its
   * relationships to existing nodes, checked as `link` checks its arguments (see `newLinksOf`) and written in
   * the statement that creates the node, with the node's provenance: all or nothing. An other end that does
   * not exist is BAD_USER_INPUT naming it (`links.1.to`), and nothing is written. An ILLUSTRATIVE Source must
   * be `synthetic: true` (BAD_USER_INPUT naming `synthetic`).
   *
   * `readBack`: relations of the new node the caller is about to read (its mutation's selection), read in
   * the statement that writes the node; their pages come back in that order.
   */
  async create(type: NodeType, input: WriteValues, readBack: readonly RelationLoad[] = []): Promise<{ record: NodeRecord; pages: RelatedPage[] }> {
    const spec = NODE_SPECS[type];
    const { id: givenId, sourceId: givenSource, sourceLocator, links: givenLinks, ...values } = input;
    const props: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(spec.properties)) {
      const value = blankToNull(values[key]);
      if (value === null || value === undefined) {
        if (property.required) throw badInput(`${key} is required`, key);
        continue;
      }
      props[key] = stored(spec.label, key, value, property);
    }
    if (spec.label === 'Source') requireSyntheticIfIllustrative(props, 'synthetic');
    const id = givenId === undefined || givenId === null ? derivedId(spec, props[spec.display]) : checkedId(spec, givenId);
    const sourceId = sourceIdOf(givenSource, id);
    const locator = locatorOf(sourceLocator);
    const links = newLinksOf(spec.label, givenLinks);
    const stamp = this.stamp();

    const related = readBack.length > 0 ? relatedOfOne(id, readBack) : undefined;

    // One auto-commit statement (`writeStatement`): it writes only when every check below would pass.
    const run: Run = (cypher, params) => this.db.writeStatement(cypher, params);
    const created = await repo
      .createNode(run, spec.label, { id, props, searchKey: searchKeyOf(props[spec.display]) }, { sourceId, locator, ...stamp }, links, related)
      .catch((error: unknown) => {
        // A concurrent create of the same id, refused by the uniqueness constraint at commit.
        throw error instanceof AppError && error.extensions.reason === 'CONFLICT' && error.message.includes(`"${id}"`) ? alreadyExists(spec, id) : error;
      });
    if (!created.sourceFound) throw badInput(`sourceId: no Source with id "${sourceId}"`, 'sourceId');
    if (created.exists) throw alreadyExists(spec, id);
    const missing = created.linksFound.indexOf(false);
    if (missing >= 0) {
      const link = links[missing]!;
      const field = `links.${missing}.${link.direction === 'out' ? 'to' : 'from'}`;
      throw badInput(`${field}: no node with id "${link.other}"; nothing was written`, field);
    }
    if (!created.props) throw alreadyExists(spec, id);
    this.logger.info('node created', links.length > 0 ? { id, by: stamp.by, links: links.length } : { id, by: stamp.by });
    return { record: toNodeRecord(type, created.props), pages: created.pages };
  }

  /**
   * Changes the given properties of node `id` (which must be of `type`); `null` removes an optional property.
   * `readBack`: relations of the node the caller is about to read, read in the statement that writes it;
   * their pages come back in that order (none when a Source's flag changes: see `refresh`). A Source that would
   * be ILLUSTRATIVE and not synthetic afterwards is BAD_USER_INPUT naming the field given (`synthetic`, `kind`).
   * An edit of the manual-input source itself records no SOURCED_FROM edge (see `updateNode`). A synthetic
   * source that would change a value of a real node is BAD_USER_INPUT naming the node (field `sourceId`), and
   * nothing is written; adding itself as provenance of a real node without changing a value is allowed.
   */
  async update(type: NodeType, id: string, input: WriteValues, readBack: readonly RelationLoad[] = []): Promise<{ record: NodeRecord; pages: RelatedPage[] }> {
    const spec = NODE_SPECS[type];
    const { id: _ignored, sourceId: givenSource, sourceLocator, ...values } = input;
    const set: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(values)) {
      if (raw === undefined) continue;
      const property = spec.properties[key];
      if (!property) throw badInput(`${preview(key)} is not a property of ${spec.label}`, key);
      const value = blankToNull(raw);
      if (value === null) {
        if (property.required) throw badInput(`${key} is required and cannot be removed`, key);
        set[key] = null;
      } else {
        set[key] = stored(spec.label, key, value, property);
      }
    }
    if (idLengthProblem(id)) throw notFound(spec.label, id);
    const sourceId = sourceIdOf(givenSource, id);
    const locator = locatorOf(sourceLocator);
    const display = set[spec.display];
    const stamp = this.stamp();

    // A Source's changed flag reaches the nodes and relationships it is the source of in a statement of its
    // own, after the change: its relations are then read after the commit, as fields read them.
    const refresh = spec.label === 'Source' && set.synthetic !== undefined;
    const related = readBack.length > 0 && !refresh ? relatedOfOne(id, readBack) : undefined;

    const write = this.db.writeTransaction(async (run) => {
      if (!(await repo.nodeExists(run, spec.label, id))) throw notFound(spec.label, id);
      await this.prepareSource(run, sourceId);
      const updated = await repo.updateNode(
        run,
        spec.label,
        { id, set, searchKey: display === undefined ? null : searchKeyOf(display) },
        { sourceId: sourceId ?? MANUAL_SOURCE_ID, locator, ...stamp },
        related,
      );
      if (!updated) throw notFound(spec.label, id);
      // Thrown inside the transaction: the change it made is rolled back.
      if (updated.madeUpEdit) throw madeUpEdit(`${spec.label} "${id}"`, sourceId ?? MANUAL_SOURCE_ID);
      // Checked on the stored result, under the node's write lock: the field not given is the stored one, also
      // when a concurrent update changed it; a refusal rolls the change back.
      if (spec.label === 'Source' && (set.kind !== undefined || set.synthetic !== undefined)) {
        requireSyntheticIfIllustrative(updated.props, set.synthetic !== undefined ? 'synthetic' : 'kind');
      }
      if (refresh) await repo.refreshFromSource(run, id);
      return { record: toNodeRecord(type, updated.props), pages: updated.pages };
    });
    return write.catch((error: unknown) => {
      throw deletedMeanwhile(error) ? notFound(spec.label, id, true) : error;
    });
  }

  /**
   * Deletes node `id` with all its relationships; NOT_FOUND when there is none. A Source that is still
   * the provenance of nodes or relationships is refused (BAD_USER_INPUT): they would lose their origin.
   */
  async delete(id: string): Promise<boolean> {
    const spec = specOfId(id);
    if (!spec || idLengthProblem(id) || !ID_PATTERN.test(id)) throw new AppError(ErrorCode.NOT_FOUND, `No node with id ${preview(id)}.`, { field: 'id' });
    const write = this.db.writeTransaction(async (run) => {
      if (spec.label === 'Source') {
        const usage = await repo.sourceUsage(run, id);
        if (usage.nodes > 0 || usage.relationships > 0) {
          throw badInput(
            `Source "${id}" is still the provenance of ${usage.nodes} node(s) and ${usage.relationships} relationship(s); delete or re-source those first.`,
            'id',
          );
        }
      }
      // Of concurrent deletes of one id exactly one finds the node still there (see `deleteNode`).
      if (!(await repo.deleteNode(run, spec.label, id))) throw notFound(spec.label, id);
    });
    await write.catch((error: unknown) => {
      throw deletedMeanwhile(error) ? notFound(spec.label, id, true) : error;
    });
    this.logger.info('node deleted', { id, by: this.by() });
    return true;
  }

  /**
   * Creates the relationship `from -[type]-> to` (or updates the one there is: properties added), checked
   * against the model's allowed triples and relationship properties; both nodes must exist. A synthetic
   * source may create a relationship (it is made up) or update a made-up one, not update a real one:
   * BAD_USER_INPUT naming the relationship (field `sourceId`), nothing written.
   */
  async link(from: string, type: string, to: string, properties: unknown, givenSource?: string | null): Promise<GraphEdgeData> {
    const spec = tripleOf(from, type, to);
    const props = relationshipProps(spec, properties, '');
    const sourceId = sourceIdOf(givenSource, null);
    const stamp = this.stamp();
    // One auto-commit statement (`writeStatement`): it writes only when every check below would pass.
    const saved = await repo.mergeRelationship((cypher, params) => this.db.writeStatement(cypher, params), spec, { from, to, props, sourceId, ...stamp });
    if (!saved.fromFound) throw badInput(`from: no node with id "${from}"`, 'from');
    if (!saved.toFound) throw badInput(`to: no node with id "${to}"`, 'to');
    if (!saved.sourceFound) throw badInput(`sourceId: no Source with id "${sourceId}"`, 'sourceId');
    if (saved.madeUpEdit) throw madeUpEdit(`the relationship ${from} -[:${spec.type}]-> ${to}`, sourceId ?? MANUAL_SOURCE_ID);
    if (!saved.props) throw badInput(`from or to vanished during the write; nothing was written`, 'from');
    return { id: edgeId(from, spec.type, to), type: spec.type, source: from, target: to, properties: saved.props, synthetic: saved.props.synthetic === true };
  }

  /** Deletes the relationship `from -[type]-> to`; false when there was none. The triple and both nodes are checked. */
  async unlink(from: string, type: string, to: string): Promise<boolean> {
    const spec = tripleOf(from, type, to);
    const deleted = await this.db.writeTransaction(async (run) => {
      await this.requireEndpoints(run, from, to);
      return repo.deleteRelationship(run, spec, { from, to });
    });
    if (deleted) this.logger.info('relationship deleted', { id: edgeId(from, spec.type, to), by: this.by() });
    return deleted;
  }

  /** BAD_USER_INPUT naming `from`/`to` when a node does not exist (a dangling id). */
  private async requireEndpoints(run: Run, from: string, to: string): Promise<void> {
    const found = await repo.existingIds(run, [from, to]);
    for (const [field, id] of [['from', from], ['to', to]] as const) {
      if (!found.has(id)) throw badInput(`${field}: no node with id "${id}"`, field);
    }
  }

  /** The given source must exist; without one the manual-input source is created if needed. */
  private async prepareSource(run: Run, sourceId: string | null): Promise<void> {
    if (sourceId === null) await repo.ensureManualSource(run);
    else if (!(await repo.sourceExists(run, sourceId))) throw badInput(`sourceId: no Source with id "${sourceId}"`, 'sourceId');
  }

  private by(): string {
    return writerNameOf(this.viewer);
  }

  private stamp(): Stamp {
    return { by: this.by(), at: neo4j.types.DateTime.fromStandardDate(new Date()) };
  }
}

/** BAD_USER_INPUT (CONFLICT) for a create whose id is taken. */
function alreadyExists(spec: NodeSpec, id: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `A node with id "${id}" already exists; give another id, or change it with update${spec.label}.`, {
    field: 'id',
    reason: 'CONFLICT',
  });
}

/**
 * BAD_USER_INPUT at `sourceId` for a write from synthetic Source `sourceId` that would change `what` (a node or a
 * relationship), which is real data: made-up data never changes real data (a node stays real while it has a
 * real source, so made-up text would pass for real). Nothing was written.
 */
function madeUpEdit(what: string, sourceId: string): AppError {
  return badInput(
    `${what} is real data and source "${sourceId}" is synthetic (made-up data): made-up data cannot change real data; nothing was written. ` +
      'Give a real sourceId, or write the made-up data as a node or relationship of its own.',
    'sourceId',
  );
}

/** The allowed triple for these ids and type (`link`, `unlink`), or BAD_USER_INPUT naming what is wrong. */
function tripleOf(from: string, type: string, to: string): RelationshipSpec {
  const fromSpec = endpointSpec(from, 'from');
  const toSpec = endpointSpec(to, 'to');
  return allowedTriple(fromSpec.label, type, toSpec.label, 'type');
}

/**
 * The model's triple `(from)-[type]->(to)`, or BAD_USER_INPUT at `field` (the type's field: `type`,
 * `links.1.type`): an unknown type (SOURCED_FROM among them: every write records it), or a triple the model
 * does not allow, with what it allows from `from`. Used by `link`, `unlink` and the links of a create.
 */
function allowedTriple(from: Label, type: string, to: Label, field: string): RelationshipSpec {
  const types = [...new Set(RELATIONSHIP_SPECS.map((r) => r.type))];
  if (!(types as string[]).includes(type)) {
    const hint = type === 'SOURCED_FROM' ? ' (provenance is recorded by every write: give sourceId)' : '';
    throw badInput(`Unknown relationship type "${type}"${hint}; the model has ${types.join(', ')}`, field);
  }
  const spec = relationshipSpec(from, type, to);
  if (!spec) {
    const allowed = RELATIONSHIP_SPECS.filter((r) => r.from === from).map((r) => `${r.type}→${r.to}`);
    throw badInput(`(${from})-[:${type}]->(${to}) is not allowed by the model; from ${from}: ${allowed.join(', ') || 'nothing'}`, field);
  }
  return spec;
}

/**
 * A relationship's properties checked against its triple's spec and converted for Neo4j (blank values
 * dropped), or BAD_USER_INPUT at `<prefix>properties.<key>`: a property the type does not have, or a value
 * of the wrong type or breaking the text rules. `prefix` is '' for `link`, `links.1.` for a create's link.
 */
function relationshipProps(spec: RelationshipSpec, properties: unknown, prefix: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (properties === undefined || properties === null) return props;
  if (!isObject(properties)) throw badInput(`${prefix}properties must be an object`, `${prefix}properties`);
  for (const [key, raw] of Object.entries(properties)) {
    const field = `${prefix}properties.${key}`;
    const property = spec.properties[key];
    if (!property) {
      const allowed = Object.keys(spec.properties);
      throw badInput(`${spec.type} has no property ${preview(key)}; allowed: ${allowed.join(', ') || 'none'}`, field);
    }
    const value = blankToNull(raw);
    if (value !== null && value !== undefined) props[key] = stored(spec.type, field, value, property);
  }
  return props;
}

/**
 * The links of a create of a `label` node (`input.links`), each checked as `link` checks its arguments (the
 * same id, triple and property checks) with the new node at one end: exactly one of `to` (new)-[type]->(to)
 * and `from` (from)-[type]->(new); at most `MAX_NEW_LINKS`; no link twice (same type, direction and other
 * end: MERGE would write it once). BAD_USER_INPUT names the item (`links.1.to`). Whether the other ends
 * exist is up to the write (`createNode`).
 */
function newLinksOf(label: Label, value: unknown): NewLink[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badInput('links must be a list of {type, to | from, properties}', 'links');
  if (value.length > MAX_NEW_LINKS) {
    throw badInput(`links: at most ${MAX_NEW_LINKS} links per create (MAX_NEW_LINKS), got ${value.length}; add the rest with link or importGraph`, 'links');
  }
  const seen = new Map<string, number>();
  return value.map((item: unknown, i): NewLink => {
    const at = `links.${i}`;
    if (!isObject(item)) throw badInput(`${at} must be an object {type, to | from, properties}`, at);
    const hasTo = item.to !== undefined && item.to !== null;
    const hasFrom = item.from !== undefined && item.from !== null;
    if (hasTo === hasFrom) {
      throw badInput(
        `${at}: give exactly one of to ((new)-[type]->(to)) and from ((from)-[type]->(new)); got ${hasTo ? 'both' : 'neither'}`,
        at,
      );
    }
    const direction = hasTo ? 'out' : 'in';
    const end = hasTo ? 'to' : 'from';
    const other = String(hasTo ? item.to : item.from);
    const otherLabel = endpointSpec(other, `${at}.${end}`).label;
    const type = typeof item.type === 'string' ? item.type : String(item.type);
    const spec = direction === 'out' ? allowedTriple(label, type, otherLabel, `${at}.type`) : allowedTriple(otherLabel, type, label, `${at}.type`);
    const props = relationshipProps(spec, item.properties, `${at}.`);
    const key = `${spec.type}|${direction}|${other}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw badInput(`${at} repeats links.${earlier} (${spec.type} ${end} "${other}"); give each relationship once`, at);
    seen.set(key, i);
    return { direction, type: spec.type, otherLabel, other, props };
  });
}

/** The spec of an endpoint id, or BAD_USER_INPUT naming the field (`from`, `to`, `links.1.to`). */
function endpointSpec(id: string, field: string): NodeSpec {
  const tooLong = idLengthProblem(id);
  if (tooLong) throw badInput(`${field}: the id ${tooLong}`, field);
  const spec = specOfId(id);
  if (!spec || !ID_PATTERN.test(id)) throw badInput(`${field}: ${preview(id)} is not a node id (<type>:<slug>)`, field);
  return spec;
}

/**
 * A value converted for Neo4j, or BAD_USER_INPUT naming the item (`Practice`, `USES`), the field and what
 * it must be: its type, and for text the model's text rules (length limit, no control characters, valid
 * Unicode; model/text-rules.ts), the same rules every import applies.
 */
function stored(item: string, field: string, value: unknown, property: NodeSpec['properties'][string]): unknown {
  const converted = toStoredValue(value, property);
  if (converted === INVALID_VALUE) throw badInput(`${item} ${field} must be ${describeType(property)} (got ${preview(value)})`, field);
  const problem = propertyTextProblem(value, property);
  if (problem) throw badInput(`${item} ${field} ${problem}`, field);
  return converted;
}

/** NOT_FOUND for node `id` of `label`; `concurrent`: it was there, but a concurrent request deleted it first. */
function notFound(label: string, id: string, concurrent = false): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `No ${label} with id ${preview(id)}${concurrent ? ' (deleted by a concurrent request; nothing was written)' : ''}.`, { field: 'id' });
}

/** The database's answer when a node the write had found was deleted by a concurrent transaction (db/database.ts). */
function deletedMeanwhile(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCode.NOT_FOUND && error.extensions.reason === 'CONCURRENT_DELETE';
}

/** Blank text counts as absent: an optional property given as "" is not stored (or is removed). */
function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/** `<prefix>:<slug of the display text>`, the slug cut at a word boundary to `MAX_DERIVED_SLUG` characters. */
function derivedId(spec: NodeSpec, display: unknown): string {
  let slug = slugify(String(display ?? ''));
  if (slug.length > MAX_DERIVED_SLUG) {
    const cut = slug.slice(0, MAX_DERIVED_SLUG + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, MAX_DERIVED_SLUG);
  }
  if (slug === '') throw badInput(`${spec.display} has no letters or digits to make an id from; give an id ("${spec.idPrefix}:<slug>")`, 'id');
  return `${spec.idPrefix}:${slug}`;
}

function checkedId(spec: NodeSpec, id: unknown): string {
  const tooLong = typeof id === 'string' ? idLengthProblem(id) : undefined;
  if (tooLong) throw badInput(`id ${tooLong}`, 'id');
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || !id.startsWith(`${spec.idPrefix}:`)) {
    throw badInput(`id must look like "${spec.idPrefix}:<slug>" (lower case letters, digits and single dashes)`, 'id');
  }
  return id;
}

/**
 * An ILLUSTRATIVE source holds made-up data, so it is always `synthetic: true` (SourceKind's contract): the
 * flag of everything it is the source of follows its own, and a non-synthetic illustrative source would turn
 * that made-up data into real data. BAD_USER_INPUT at `field` (what the write changed: `synthetic`, or `kind`
 * when only the kind was given) when `source` (its properties after the write) breaks that.
 */
function requireSyntheticIfIllustrative(source: Record<string, unknown>, field: 'synthetic' | 'kind'): void {
  if (source.kind !== 'ILLUSTRATIVE' || source.synthetic === true) return;
  throw badInput(
    field === 'synthetic'
      ? 'synthetic must be true for kind ILLUSTRATIVE (an illustrative source holds made-up data); give synthetic: true, or another kind'
      : 'kind ILLUSTRATIVE needs synthetic: true, and this source is synthetic: false (an illustrative source holds made-up data); give synthetic: true with it, or another kind',
    field,
  );
}

/** The given sourceId, checked to name a Source (and not the node itself); null when not given. */
function sourceIdOf(value: unknown, ownId: string | null): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || idLengthProblem(value) || !ID_PATTERN.test(value) || specOfId(value)?.label !== 'Source') {
    throw badInput(`sourceId must be the id of a Source ("source:<slug>"), got ${preview(value)}`, 'sourceId');
  }
  if (value === ownId) throw badInput('A source cannot be its own source', 'sourceId');
  return value;
}

/** The `sourceLocator` to record (trimmed; blank: none), or BAD_USER_INPUT when it breaks the text rules. */
function locatorOf(value: unknown): string | null {
  const problem = typeof value === 'string' ? textProblem(value, SHORT_TEXT) : undefined;
  if (problem) throw badInput(`sourceLocator ${problem}`, 'sourceLocator');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
