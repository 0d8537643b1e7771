import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode, HTTP_STATUS, badInput } from '../errors.js';
import { exportCodebook, exportProject } from '../export/qdpx.js';
import { DEFAULT_MAPPING, importQdpx, MAX_QDPX_BYTES, parseMapping, type QdpxMapping } from '../import/qdpx/index.js';
import type { Logger } from '../logger.js';
import { DataScope, canSeeRestricted, canWrite, parseScope, writerNameOf } from '../model/index.js';
import { viewerOfResponse } from './auth.js';
import { bodyErrors } from './http-guards.js';

/** Options of `importRoutes`. */
export interface ImportRoutesOptions {
  logger: Logger;
  /** Authentication middleware (sets the viewer, or answers 401 itself). Without it every caller is anonymous, so imports are refused. */
  authenticate?: RequestHandler;
  /** Whether tokens are configured (`Authenticator.enabled`); without them nobody may write. */
  writesEnabled: boolean;
  /** Largest body accepted; default `MAX_QDPX_BYTES`, the command line's limit. */
  maxBytes?: number;
}

const FLAGS = ['dryRun', 'synthetic', 'public'] as const;

/** Time an upload's write transaction may take (a project of 100,000 codings writes in a few minutes). */
export const IMPORT_TIMEOUT_MS = 15 * 60_000;
const PARAMETERS = [...FLAGS, 'mapping', 'kind'];

/**
 * `POST /import/qdpx`: a REFI-QDA project (`.qdpx`, or with `?kind=qdc` a `.qdc` codebook) as the request
 * body, imported as `npm run import -- FILE.qdpx` does it (same reader, mapping, validation, one
 * transaction, same size limit). Editors and admins only (bearer token): anonymous or reader → 403.
 * Query: `dryRun`, `synthetic`, `public` (`true`/`false`), `mapping` (the mapping file's JSON, URL-encoded).
 * Answers `200 { summary, refi }`; a bad file → `400 { errors: [{ message, extensions: { code, errors } }] }`
 * naming each element and GUID at fault, nothing written; too large → 413; a body that cannot be read (a
 * Content-Encoding other than gzip, deflate or br → 415, one it does not decompress as → 400) the same JSON error.
 */
export function importRoutes(db: Database, options: ImportRoutesOptions): Router {
  const router = Router();
  const maxBytes = options.maxBytes ?? MAX_QDPX_BYTES;
  if (options.authenticate) router.use('/import', options.authenticate);
  router.post(
    '/import/qdpx',
    (_req, res, next) => {
      // Refused before the body is read: no upload of 200 MB just to be told no.
      // The same answers as a mutation (graph/mutation/mutation.guard.ts).
      const viewer = viewerOfResponse(res);
      if (!options.writesEnabled) sendError(res, new AppError(ErrorCode.FORBIDDEN, 'Writes are disabled on this server: no AUTH_TOKENS are configured.', { reason: 'WRITES_DISABLED' }));
      else if (viewer.role === 'anonymous') sendError(res, new AppError(ErrorCode.UNAUTHENTICATED, 'Importing needs an editor or admin token: send "Authorization: Bearer <token>".'));
      else if (!canWrite(viewer)) sendError(res, new AppError(ErrorCode.FORBIDDEN, `The ${viewer.role} role may not import; it needs an editor or admin token.`));
      else next();
    },
    express.raw({ type: () => true, limit: maxBytes }),
    async (req, res) => {
      try {
        const query = parseQuery(req.query as Record<string, unknown>);
        const body = req.body as unknown;
        if (!(body instanceof Buffer) || body.length === 0) throw badInput('Send the .qdpx file as the request body.');
        const viewer = viewerOfResponse(res);
        const result = await importQdpx(db, new Uint8Array(body.buffer, body.byteOffset, body.length), {
          ...query,
          by: writerNameOf(viewer),
          // One transaction for the whole project, as on the command line: longer than a GraphQL request may take.
          timeoutMs: IMPORT_TIMEOUT_MS,
          file: query.expect === 'qdc' ? 'codebook.qdc' : 'project.qdpx',
        });
        res.status(200).set('Cache-Control', 'no-store').json(result);
      } catch (error) {
        if (error instanceof AppError) {
          sendError(res, error);
          return;
        }
        options.logger.error('qdpx import failed', { error, path: req.path });
        sendError(res, new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'The import failed; nothing was written.'));
      }
    },
  );
  // A body express.raw cannot read fails before the handler runs: over the limit (413), a Content-Encoding it
  // cannot undo (415), one the body does not decompress as (400). Each gets the JSON error of a bad file.
  router.use(
    '/import',
    bodyErrors(maxBytes, {
      code: ErrorCode.BAD_USER_INPUT,
      tooLarge: `The file is larger than ${maxBytes.toLocaleString('en')} bytes.`,
      expected: 'the file uncompressed (or with Content-Encoding gzip, deflate or br)',
    }),
  );
  return router;
}

function parseQuery(query: Record<string, unknown>): { dryRun: boolean; synthetic: boolean; public: boolean; mapping: QdpxMapping; expect: 'qdpx' | 'qdc' } {
  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name)) throw badInput(`Unknown parameter "${name}"; /import/qdpx takes ${PARAMETERS.join(', ')}.`, name);
  }
  const flag = (name: (typeof FLAGS)[number]) => {
    const value = query[name];
    if (value === undefined) return false;
    if (value !== 'true' && value !== 'false') throw badInput(`"${name}" must be true or false.`, name);
    return value === 'true';
  };
  let mapping = DEFAULT_MAPPING;
  if (query.mapping !== undefined) {
    try {
      mapping = parseMapping(JSON.parse(String(query.mapping)));
    } catch (error) {
      throw badInput(`"mapping": ${(error as Error).message}`, 'mapping');
    }
  }
  const kind = query.kind ?? 'qdpx';
  if (kind !== 'qdpx' && kind !== 'qdc') throw badInput('"kind" must be qdpx or qdc.', 'kind');
  return { dryRun: flag('dryRun'), synthetic: flag('synthetic'), public: flag('public'), mapping, expect: kind };
}

/**
 * The query of a REFI-QDA export: only `scope=real|synthetic|all` (any case; default all), read by the same
 * `parseScope` and answered with the same 400 naming "scope" as the graph exports (`parseExportQuery`, which
 * this module cannot import: export-routes.ts imports it). Anything else → BAD_USER_INPUT naming it.
 */
function parseRefiExportQuery(file: string, query: Record<string, unknown>): { scope: DataScope } {
  for (const name of Object.keys(query)) {
    if (name !== 'scope') throw badInput(`Unknown parameter "${name}"; ${file} takes only scope.`, name);
  }
  const value = query.scope;
  if (value === undefined) return { scope: DataScope.ALL };
  if (typeof value !== 'string') throw badInput('"scope" must be given once, as plain text.', 'scope');
  const scope = parseScope(value.trim());
  if (scope === undefined) throw badInput(`"scope" must be one of real, synthetic or all (got "${value.trim().slice(0, 40)}").`, 'scope');
  return { scope };
}

/**
 * `GET /export/project.qdpx` and `GET /export/codebook.qdc` (see export/qdpx.ts), with `?scope=real|synthetic|all`
 * as the graph exports; quotation and source texts only for callers who may read restricted text. A scoped
 * file says so in its name (`practice-graph-real-project.qdpx`) and every file in `X-Data-Scope`. Mounted by
 * `exportRoutes` ahead of its other files.
 */
export function refiExportHandler(db: Database, file: 'project.qdpx' | 'codebook.qdc', logger: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const { scope } = parseRefiExportQuery(file, req.query as Record<string, unknown>);
      // The file is built before any of its headers is set: an error (Neo4j unavailable: 503) must not go out
      // as an attachment.
      const [type, body] =
        file === 'codebook.qdc'
          ? ['application/xml', await exportCodebook(db, { scope })]
          : ['application/zip', zipBuffer((await exportProject(db, { includeRestricted: canSeeRestricted(viewerOfResponse(res)), scope })).zip)];
      const name = scope === DataScope.ALL ? `practice-graph-${file}` : `practice-graph-${scope.toLowerCase()}-${file}`;
      res.set({ 'Content-Disposition': `attachment; filename="${name}"`, 'X-Data-Scope': scope, 'Cache-Control': 'no-store' });
      res.type(type).send(body);
    } catch (error) {
      if (error instanceof AppError) {
        sendError(res, error);
        return;
      }
      logger.error('qdpx export failed', { error, path: req.path });
      sendError(res, new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'The export failed.'));
    }
  };
}

/** The zip's bytes as a Buffer, without copying them. */
function zipBuffer(zip: Uint8Array): Buffer {
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

function sendError(res: Response, error: AppError): void {
  const { code } = error;
  const extra = Object.fromEntries(Object.entries(error.extensions).filter(([key]) => key === 'field' || key === 'errors' || key === 'reason'));
  res.status(HTTP_STATUS[code]).set('Cache-Control', 'no-store').json({ errors: [{ message: error.message, extensions: { code, ...extra } }] });
}
