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

/**
 * Error handler for the JSON body parser of `/graphql`: a body over the limit is 413, malformed JSON 400,
 * an unsupported charset or encoding 415, each with a GraphQL error body (code BAD_REQUEST) instead of
 * Express's HTML page. Other errors pass on.
 */
export function bodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, req: Request, res: Response, next: NextFunction) => {
    switch (error?.type) {
      case 'entity.too.large':
        return sendGraphqlError(
          req,
          res,
          413,
          `The request body is larger than the limit of ${maxBodyBytes} bytes (HTTP_MAX_BODY_BYTES); for big imports use \`npm run import\`.`,
        );
      case 'entity.parse.failed':
        return sendGraphqlError(req, res, 400, `The request body is not valid JSON: ${error.message ?? 'parse error'}.`);
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return sendGraphqlError(req, res, 415, `${error.message ?? 'Unsupported body encoding'}; send UTF-8 JSON.`);
      case 'request.aborted':
      case 'request.size.invalid':
      case 'stream.encoding.set':
        return sendGraphqlError(req, res, 400, `The request body could not be read: ${error.message ?? error.type}.`);
      default:
        return next(error);
    }
  };
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
