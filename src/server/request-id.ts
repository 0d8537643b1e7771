import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Response header that carries the request id (also in every GraphQL error's `extensions.requestId`). */
export const REQUEST_ID_HEADER = 'x-request-id';

const store = new AsyncLocalStorage<string>();

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

/**
 * Runs the rest of the chain with the request id in async-local storage, so code without the request at
 * hand (Apollo's `formatError`) can read it with `currentRequestId()`. Mount it after the body parser:
 * stream callbacks of body parsing do not keep the async context.
 */
export function bindRequestId(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => store.run(requestIdOf(res), next);
}

/** The id `assignRequestId` gave this response (a new one when it did not run). */
export function requestIdOf(res: Response): string {
  if (typeof res.locals.requestId !== 'string') res.locals.requestId = randomUUID();
  return res.locals.requestId as string;
}

/** The id of the request being handled, when called inside `bindRequestId`; else undefined. */
export function currentRequestId(): string | undefined {
  return store.getStore();
}
