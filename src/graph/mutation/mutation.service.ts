import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { AppError, ErrorCode, badInput } from '../../errors.js';
import { describeType, INVALID_VALUE, toStoredValue } from '../../db/values.js';
import {
  isObject, searchKeyOf, MANUAL_SOURCE_ID, edgeId, ID_PATTERN, NODE_SPECS, RELATIONSHIP_SPECS, relationshipSpec, slugify, specOfId, toNodeRecord,
  idLengthProblem, preview, propertyTextProblem, SHORT_TEXT, textProblem,
  type Viewer, type NodeSpec, type NodeType, type RelationshipSpec, type NodeRecord,
  writerNameOf,
} from '../../model/index.js';
import type { Logger } from '../../logger.js';
import { type GraphEdgeData } from '../../analytics/projection.js';
import { mutationRepository as repo, type Run, type Stamp } from './mutation.repository.js';

/** Longest slug an id derives from a display text (long statements would give unwieldy ids); cut at a word. */
export const MAX_DERIVED_SLUG = 80;

/** Input of create/update: the model's properties plus the provenance fields (and `id` on create). */
type WriteValues = Record<string, unknown> & { id?: unknown; sourceId?: unknown; sourceLocator?: unknown };

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

  /** Creates a node of `type`; the id derives from the display text when not given. */
  async create(type: NodeType, input: WriteValues): Promise<NodeRecord> {
    const spec = NODE_SPECS[type];
    const { id: givenId, sourceId: givenSource, sourceLocator, ...values } = input;
    const props: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(spec.properties)) {
      const value = blankToNull(values[key]);
      if (value === null || value === undefined) {
        if (property.required) throw badInput(`${key} is required`, key);
        continue;
      }
      props[key] = stored(spec.label, key, value, property);
    }
    const id = givenId === undefined || givenId === null ? derivedId(spec, props[spec.display]) : checkedId(spec, givenId);
    const sourceId = sourceIdOf(givenSource, id);
    const locator = locatorOf(sourceLocator);
    const stamp = this.stamp();

    const record = await this.db
      .writeTransaction(async (run) => {
        const created = await repo.createNode(run, spec.label, { id, props, searchKey: searchKeyOf(props[spec.display]) }, { sourceId, locator, ...stamp });
        if (!created.sourceFound) throw badInput(`sourceId: no Source with id "${sourceId}"`, 'sourceId');
        if (created.exists || !created.props) throw alreadyExists(spec, id);
        return toNodeRecord(type, created.props);
      })
      .catch((error: unknown) => {
        // A concurrent create of the same id, refused by the uniqueness constraint at commit.
        throw error instanceof AppError && error.extensions.reason === 'CONFLICT' && error.message.includes(`"${id}"`) ? alreadyExists(spec, id) : error;
      });
    this.logger.info('node created', { id, by: stamp.by });
    return record;
  }

  /** Changes the given properties of node `id` (which must be of `type`); `null` removes an optional property. */
  async update(type: NodeType, id: string, input: WriteValues): Promise<NodeRecord> {
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

    const write = this.db.writeTransaction(async (run) => {
      if (!(await repo.nodeExists(run, spec.label, id))) throw notFound(spec.label, id);
      await this.prepareSource(run, sourceId);
      const updated = await repo.updateNode(
        run,
        spec.label,
        { id, set, searchKey: display === undefined ? null : searchKeyOf(display) },
        { sourceId: sourceId ?? MANUAL_SOURCE_ID, locator, ...stamp },
      );
      if (!updated) throw notFound(spec.label, id);
      if (spec.label === 'Source' && set.synthetic !== undefined) await repo.refreshFromSource(run, id);
      return toNodeRecord(type, updated);
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
   * against the model's allowed triples and relationship properties; both nodes must exist.
   */
  async link(from: string, type: string, to: string, properties: unknown, givenSource?: string | null): Promise<GraphEdgeData> {
    const spec = this.tripleOf(from, type, to);
    const props: Record<string, unknown> = {};
    if (properties !== undefined && properties !== null) {
      if (!isObject(properties)) throw badInput('properties must be an object', 'properties');
      for (const [key, raw] of Object.entries(properties)) {
        const property = spec.properties[key];
        if (!property) {
          const allowed = Object.keys(spec.properties);
          throw badInput(`${type} has no property ${preview(key)}; allowed: ${allowed.join(', ') || 'none'}`, `properties.${key}`);
        }
        const value = blankToNull(raw);
        if (value !== null && value !== undefined) props[key] = stored(type, `properties.${key}`, value, property);
      }
    }
    const sourceId = sourceIdOf(givenSource, null);
    const stamp = this.stamp();
    return this.db.writeTransaction(async (run) => {
      const saved = await repo.mergeRelationship(run, spec, { from, to, props, sourceId, ...stamp });
      if (!saved.fromFound) throw badInput(`from: no node with id "${from}"`, 'from');
      if (!saved.toFound) throw badInput(`to: no node with id "${to}"`, 'to');
      if (!saved.sourceFound) throw badInput(`sourceId: no Source with id "${sourceId}"`, 'sourceId');
      if (!saved.props) throw badInput(`from or to vanished during the write; nothing was written`, 'from');
      return { id: edgeId(from, spec.type, to), type: spec.type, source: from, target: to, properties: saved.props, synthetic: saved.props.synthetic === true };
    });
  }

  /** Deletes the relationship `from -[type]-> to`; false when there was none. The triple and both nodes are checked. */
  async unlink(from: string, type: string, to: string): Promise<boolean> {
    const spec = this.tripleOf(from, type, to);
    const deleted = await this.db.writeTransaction(async (run) => {
      await this.requireEndpoints(run, from, to);
      return repo.deleteRelationship(run, spec, { from, to });
    });
    if (deleted) this.logger.info('relationship deleted', { id: edgeId(from, spec.type, to), by: this.by() });
    return deleted;
  }

  /** The allowed triple for these ids and type, or BAD_USER_INPUT naming what is wrong. */
  private tripleOf(from: string, type: string, to: string): RelationshipSpec {
    const fromSpec = endpointSpec(from, 'from');
    const toSpec = endpointSpec(to, 'to');
    const types = [...new Set(RELATIONSHIP_SPECS.map((r) => r.type))];
    if (!(types as string[]).includes(type)) {
      const hint = type === 'SOURCED_FROM' ? ' (provenance is recorded by every write: give sourceId)' : '';
      throw badInput(`Unknown relationship type "${type}"${hint}; the model has ${types.join(', ')}`, 'type');
    }
    const spec = relationshipSpec(fromSpec.label, type, toSpec.label);
    if (!spec) {
      const allowed = RELATIONSHIP_SPECS.filter((r) => r.from === fromSpec.label).map((r) => `${r.type}→${r.to}`);
      throw badInput(
        `(${fromSpec.label})-[:${type}]->(${toSpec.label}) is not allowed by the model; from ${fromSpec.label}: ${allowed.join(', ') || 'nothing'}`,
        'type',
      );
    }
    return spec;
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

/** The spec of an endpoint id, or BAD_USER_INPUT naming the field. */
function endpointSpec(id: string, field: 'from' | 'to'): NodeSpec {
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
