import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Response header that carries the request id (also in every GraphQL error's `extensions.requestId`). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Gives the request a fresh id (a UUID; a client-sent id is never trusted, it would end up in our logs),
 * puts it in `res.locals.requestId` and the `X-Request-Id` response header. Mount it first.
 */
export function assignRequestId(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/** The id `assignRequestId` gave this response (a new one when it did not run). */
export function requestIdOf(res: Response): string {
  if (typeof res.locals.requestId !== 'string') res.locals.requestId = randomUUID();
  return res.locals.requestId as string;
}
