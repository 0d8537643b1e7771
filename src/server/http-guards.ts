import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { CorsOrigins } from '../config.js';
import { requestIdOf } from './request-id.js';

/** Request headers a cross-origin page may send (Apollo's CSRF prevention accepts the last two as proof of a preflight). */
const CORS_ALLOWED_HEADERS = 'Content-Type, Authorization, Apollo-Require-Preflight, X-Apollo-Operation-Name';

/**
 * CORS for every route (GraphQL and the exports). An allowed `Origin` (exact match, or any with `*`) gets
 * `Access-Control-Allow-Origin` (and `X-Request-Id` exposed); a preflight (`OPTIONS` with
 * `Access-Control-Request-Method`) is answered 204 here, with the allowed methods and headers when the origin
 * is allowed and without them otherwise, so the browser refuses. No credentials (cookies) are involved: the
 * API authenticates with bearer tokens. Default (no origins): same-origin pages only.
 */
export function cors(origins: CorsOrigins): RequestHandler {
  const allowed = (origin: string) => origins === '*' || origins.includes(origin.toLowerCase());
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (origins !== '*') res.vary('Origin');
    if (origin && allowed(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origins === '*' ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
      if (preflight) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
    }
    if (preflight) {
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Sends a GraphQL-shaped error body (`{ errors: [{ message, extensions: { code, requestId } }] }`) outside Apollo. */
export function sendGraphqlError(req: Request, res: Response, status: number, message: string, code = 'BAD_REQUEST'): void {
  const type = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
  res
    .status(status)
    .type(type)
    .send(JSON.stringify({ errors: [{ message, extensions: { code, requestId: requestIdOf(res) } }] }));
}

/** Options of `bodyErrors`; the defaults are `/graphql`'s. */
export interface BodyErrorOptions {
  /** `extensions.code` of the answer. Default `BAD_REQUEST`. */
  code?: string;
  /** The message for a body over the limit. Default: names `HTTP_MAX_BODY_BYTES` and `npm run import`. */
  tooLarge?: string;
  /** What the body must be, for a body in an encoding or charset that cannot be read. Default `UTF-8 JSON`. */
  expected?: string;
}

/** A body-parser error as its parts: the status it carries, its `type` (when it has one) and message. */
type BodyParserError = { type?: unknown; status?: unknown; statusCode?: unknown; message?: unknown };

/**
 * Error handler for a body parser (`express.json`, `express.raw`): every failure to read the body answers
 * with the parser's status and a GraphQL error body (`{ errors: [{ message, extensions: { code } }] }`,
 * code `options.code`) instead of Express's HTML page: over the limit 413, an unsupported Content-Encoding
 * or charset 415, malformed JSON 400, and any other failure to read it 400 (a body that does not decompress
 * as its Content-Encoding says: zlib's error, which has no `type`). Other errors pass on.
 */
export function bodyErrors(maxBodyBytes: number, options: BodyErrorOptions = {}): ErrorRequestHandler {
  const code = options.code ?? 'BAD_REQUEST';
  const tooLarge = options.tooLarge ?? `The request body is larger than the limit of ${maxBodyBytes} bytes (HTTP_MAX_BODY_BYTES); for big imports use \`npm run import\`.`;
  const expected = options.expected ?? 'UTF-8 JSON';
  return (error: BodyParserError | undefined, req: Request, res: Response, next: NextFunction) => {
    const problem = bodyProblem(error, req, { tooLarge, expected });
    if (!problem) return next(error);
    sendGraphqlError(req, res, problem.status, problem.message, code);
  };
}

/** Status and message for an error of a body parser; undefined for any other error. */
function bodyProblem(error: BodyParserError | undefined, req: Request, messages: { tooLarge: string; expected: string }): { status: number; message: string } | undefined {
  const detail = typeof error?.message === 'string' && error.message !== '' ? error.message : undefined;
  switch (error?.type) {
    case 'entity.too.large':
      return { status: 413, message: messages.tooLarge };
    case 'entity.parse.failed':
      return { status: 400, message: `The request body is not valid JSON: ${detail ?? 'parse error'}.` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: `${detail ?? 'Unsupported body encoding'}; send ${messages.expected}.` };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, message: `The request body could not be read: ${detail ?? String(error.type)}.` };
  }
  // body-parser gives every failure to read a body a 4xx status, with or without a `type`.
  const status = typeof error?.status === 'number' ? error.status : error?.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const encoding = req.headers['content-encoding'];
  return { status, message: `The request body could not be read${encoding ? ` as Content-Encoding ${encoding}` : ''}: ${detail ?? 'read error'}.` };
}

/**
 * With batching on, refuses batches of more than `batchMax` operations (400) before Apollo runs any of them;
 * with batching off Apollo itself refuses every array (400 "Operation batching disabled").
 */
export function batchGuard({ batching, batchMax }: { batching: boolean; batchMax: number }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (batching && Array.isArray(req.body) && req.body.length > batchMax) {
      return sendGraphqlError(req, res, 400, `A batch holds at most ${batchMax} operations (GRAPHQL_BATCH_MAX); this one has ${req.body.length}.`);
    }
    next();
  };
}

/**
 * With `GRAPHIQL=false`: a browser navigation to `/graphql` (Accept prefers HTML) gets a plain 404 naming
 * the switch, rather than GraphiQL; GraphQL-over-HTTP GETs pass on to Apollo. Mount before the web routes.
 */
export function graphiqlDisabled(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path !== '/graphql') return next();
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) !== 'text/html') return next();
    res.status(404).type('text/plain').send('GraphiQL is switched off on this server (GRAPHIQL=false). POST GraphQL requests to /graphql.');
  };
}
