import { once } from 'node:events';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { NEIGHBOURHOOD_MAX_LIMIT, neighbourhood } from '../analytics/index.js';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode, HTTP_STATUS, badInput } from '../errors.js';
import { DataScope, NODE_TYPES, NodeType, canSeeRestricted, parseScope, slugify } from '../model/index.js';
import type { Logger } from '../logger.js';
import { viewerOfResponse } from './auth.js';
import { refiExportHandler } from './import-routes.js';
import { EXPORT_FILES, ExportFile, formatOf, renderGraph, subgraphMetrics, subgraphStream, wholeGraphMetrics, wholeGraphStream, withMetrics, type GraphStream } from '../export/index.js';

/** What an export asks for, from its query string. */
export interface ExportQuery {
  /** Export the neighbourhood of this node instead of the whole graph. */
  focus?: string;
  /** With `focus`: hops, 1..3 (default 1). */
  depth?: number;
  /** With `focus`: most nodes, 1..2000 (default 2000). */
  limit?: number;
  /** Only nodes of these types (and the relationships among them). */
  types?: NodeType[];
  /** With `focus`: only these relationship types (default all but SOURCED_FROM, as for `neighbourhood`). */
  relationshipTypes?: string[];
  /** `scope=real|synthetic|all` (any case): only real or only made-up nodes and relationships; default all. */
  scope?: DataScope;
}

const PARAMETERS = ['focus', 'depth', 'limit', 'types', 'relationshipTypes', 'scope'] as const;
const FOCUS_ONLY = ['depth', 'limit', 'relationshipTypes'] as const;

/**
 * Reads and checks an export's query string: `focus=<id>`, `depth=<n>`, `limit=<n>`, `types=PRACTICE,DILEMMA`,
 * `scope=real|synthetic|all` (a bad scope → BAD_USER_INPUT naming "scope")
 * (case-insensitive), `relationshipTypes=USES,APPLIES`. Unknown or repeated parameters, numbers that are
 * not whole, unknown node types, and depth/limit/relationshipTypes without focus → BAD_USER_INPUT (a typo
 * must not silently export the whole graph). Ranges are checked by `neighbourhood`.
 */
export function parseExportQuery(query: Record<string, unknown>): ExportQuery {
  const result: ExportQuery = {};
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badInput(`"${name}" must be given once, as plain text.`, name);
    return value.trim();
  };
  for (const name of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw badInput(`Unknown parameter "${name}"; an export takes ${PARAMETERS.join(', ')}.`, name);
    }
  }
  const whole = (name: 'depth' | 'limit') => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!/^\d{1,6}$/.test(value)) throw badInput(`"${name}" must be a whole number (got "${value.slice(0, 40)}").`, name);
    return Number(value);
  };
  const list = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (items.length === 0) throw badInput(`"${name}" must list at least one type, comma-separated.`, name);
    return items;
  };
  const scope = text('scope');
  if (scope !== undefined) {
    const parsed = parseScope(scope);
    if (parsed === undefined) throw badInput(`"scope" must be one of real, synthetic or all (got "${scope.slice(0, 40)}").`, 'scope');
    result.scope = parsed;
  }
  const focus = text('focus');
  if (focus !== undefined) {
    if (focus === '') throw badInput('"focus" must be a node id.', 'focus');
    result.focus = focus;
  }
  result.depth = whole('depth');
  result.limit = whole('limit');
  const types = list('types');
  if (types) {
    const unknown = types.filter((type) => !(NODE_TYPES as string[]).includes(type.toUpperCase()));
    if (unknown.length > 0) throw badInput(`Unknown node type(s) ${unknown.join(', ')} in "types"; the types are ${NODE_TYPES.join(', ')}.`, 'types');
    result.types = [...new Set(types.map((type) => type.toUpperCase() as NodeType))];
  }
  result.relationshipTypes = list('relationshipTypes');
  if (result.focus === undefined) {
    const given = FOCUS_ONLY.find((name) => query[name] !== undefined);
    if (given) throw badInput(`"${given}" applies to a neighbourhood: give "focus" too.`, given);
  }
  return result;
}

/** Options of `exportRoutes`. */
export interface ExportRoutesOptions {
  logger: Logger;
  /** Middleware run before each export, e.g. authentication (it may answer the request itself). Default none. */
  authenticate?: RequestHandler;
  /**
   * Whether the caller may see restricted properties (Case.summary, USES.evidence). Default: the rule of
   * `canSeeRestricted` for the viewer `authenticate` found (editors and admins); anonymous without it.
   */
  includeRestricted?: (req: Request, res: Response) => boolean;
  /** Nodes per database statement for whole-graph exports; default 1000. */
  pageSize?: number;
}

// Bytes gathered before a write: few syscalls, and the status line waits until the first page has been read.
const FLUSH_AT = 64 * 1024;

/**
 * `GET /export/graph.graphml`, `/export/graph.gexf`, `/export/graph.json` (Cytoscape.js elements),
 * `/export/nodes.csv`, `/export/edges.csv`: the whole graph (the same nodes and relationships `stats`
 * counts), or with `?focus=<id>&depth=<n>` the subgraph `neighbourhood` returns (the same function), and
 * `?types=` to keep some node types. Whole-graph exports are streamed page by page with backpressure.
 * `Content-Disposition: attachment` with a file name saying what was exported; focused exports add
 * `X-Subgraph-Truncated`. Bad parameters → 400, unknown focus → 404, database down → 503, all with a JSON
 * body `{ errors: [{ message, extensions: { code, field? } }] }` (the shape GraphQL errors have) and none of the
 * file's headers. An error
 * after the first bytes were sent aborts the response, so a client never mistakes a cut file for a whole one.
 */
export function exportRoutes(db: Database, options: ExportRoutesOptions): Router {
  const router = Router();
  const { logger, includeRestricted = (_req: Request, res: Response) => canSeeRestricted(viewerOfResponse(res)), pageSize } = options;
  if (options.authenticate) router.use('/export', options.authenticate);

  // REFI-QDA (quotations, codebook): files of their own shape, ahead of the graph formats below.
  router.get('/export/project.qdpx', refiExportHandler(db, 'project.qdpx', logger));
  router.get('/export/codebook.qdc', refiExportHandler(db, 'codebook.qdc', logger));
  router.get('/export/:file', async (req, res) => {
    const file = req.params.file as ExportFile;
    if (!EXPORT_FILES.includes(file)) {
      sendError(res, new AppError(ErrorCode.NOT_FOUND, `No export named "${req.params.file}"; the exports are ${EXPORT_FILES.join(', ')}.`));
      return;
    }
    const format = formatOf(file);
    let chunks: AsyncGenerator<string> | undefined;
    try {
      const query = parseExportQuery(req.query as Record<string, unknown>);
      const restricted = includeRestricted(req, res);
      let graph: GraphStream;
      let name = 'practice-graph';
      // Headers that describe the file: they go out with its first bytes (see `send`), never with an error.
      const fileHeaders: Record<string, string> = {};
      if (query.focus !== undefined) {
        const subgraph = await neighbourhood(db, {
          id: query.focus,
          depth: query.depth,
          limit: query.limit ?? NEIGHBOURHOOD_MAX_LIMIT,
          types: query.types,
          relationshipTypes: query.relationshipTypes,
          includeRestricted: restricted,
          scope: query.scope,
        });
        graph = withMetrics(subgraphStream(subgraph), subgraphMetrics(subgraph));
        name += `-${slugify(query.focus)}-depth-${query.depth ?? 1}`;
        fileHeaders['X-Subgraph-Truncated'] = String(subgraph.truncated);
      } else {
        graph = wholeGraphStream(db, { types: query.types, includeRestricted: restricted, pageSize, scope: query.scope });
        // Network measures as node attributes (cached per dataset version); edges.csv has no nodes to carry them.
        if (format.nodes) {
          const metrics = await wholeGraphMetrics(db, { types: query.types, scope: query.scope });
          if (metrics.omitted) fileHeaders['X-Network-Metrics-Omitted'] = metrics.omitted;
          graph = withMetrics(graph, metrics);
        }
      }
      if (query.types) name += `-${query.types.map((type) => type.toLowerCase()).join('-')}`;
      // A scoped file says so in its name: practice-graph-real.graphml.
      if (query.scope && query.scope !== DataScope.ALL) name += `-${query.scope.toLowerCase()}`;
      fileHeaders['X-Data-Scope'] = query.scope ?? DataScope.ALL;
      // practice-graph.gexf, practice-graph-municipality-breda-depth-2-nodes.csv, …
      if (format.extension === 'csv') name += `-${file.slice(0, file.lastIndexOf('.'))}`;
      fileHeaders['Content-Type'] = format.contentType;
      fileHeaders['Content-Disposition'] = `attachment; filename="${name}.${format.extension}"`;
      res.set('Cache-Control', 'no-store');
      chunks = renderGraph(format, graph);
      await send(res, chunks, fileHeaders);
    } catch (error) {
      if (!res.headersSent) {
        if (error instanceof AppError) {
          sendError(res, error);
          return;
        }
        logger.error('export failed', { error, path: req.path });
        sendError(res, new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'The export failed.'));
        return;
      }
      // Headers (and part of the file) are out: cut the connection so the file is visibly incomplete.
      logger.error('export failed while streaming', { error, path: req.path });
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      // Stops reading pages when the client went away mid-stream.
      await chunks?.return(undefined).catch(() => undefined);
    }
  });
  return router;
}

/**
 * Writes the chunks in ~64 KiB pieces, waiting for `drain` (or the client leaving) when the socket is full.
 * `headers` (the file's type, name and X- facts) are set only just before the first bytes go out: a page read
 * that fails before then (Neo4j down) is answered by a JSON error, which must not carry them (a client would
 * save `{"errors":…}` as practice-graph-edges.csv).
 */
async function send(res: Response, chunks: AsyncIterable<string>, headers: Record<string, string>): Promise<void> {
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length < FLUSH_AT) continue;
    if (!res.headersSent) res.set(headers);
    if (!(await write(res, buffer))) return;
    buffer = '';
  }
  if (!res.headersSent) res.set(headers);
  res.end(buffer);
}

/** False when the client has gone. */
async function write(res: Response, text: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(text)) return true;
  await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

function sendError(res: Response, error: AppError): void {
  const { code } = error;
  const field = error.extensions.field;
  res
    .status(HTTP_STATUS[code])
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message: error.message, extensions: { code, ...(field ? { field } : {}) } }] });
}
