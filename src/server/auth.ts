import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthConfig } from '../config.js';
import { accessError, AppError, BEARER_CHALLENGE, ErrorCode, HTTP_STATUS } from '../errors.js';
import { ANONYMOUS, type Viewer } from '../model/index.js';

interface Entry {
  digest: Buffer;
  viewer: Viewer;
}

/**
 * Turns the `Authorization` header of a request into its `Viewer`, once per request.
 *
 * - No `AUTH_TOKENS` configured: authentication is off, every caller is anonymous (a header is ignored);
 *   mutations are then refused by the resolvers (`writesEnabled` is false).
 * - No header: anonymous, or `UNAUTHENTICATED` (HTTP 401) when `AUTH_REQUIRED=true`.
 * - `Bearer <token>`: the viewer of that token; an unknown token or another scheme is `UNAUTHENTICATED`
 *   (a typo must not silently downgrade an editor to anonymous).
 *
 * Tokens are compared in constant time: the SHA-256 digest of the presented token is compared with the
 * digest of EVERY configured token with `crypto.timingSafeEqual` (equal-length digests, no early exit),
 * so neither the position nor a common prefix of a valid token shows in the timing. Tokens are never
 * logged nor put in an error message; only the viewer's non-secret `name` travels on.
 */
export class Authenticator {
  private readonly entries: Entry[];
  /** `AUTH_REQUIRED`: anonymous requests are refused. */
  readonly required: boolean;

  constructor(config: AuthConfig = { tokens: [], required: false }) {
    this.entries = config.tokens.map((entry) => ({
      digest: digest(entry.token),
      viewer: Object.freeze({ role: entry.role, name: entry.name }),
    }));
    this.required = config.required && this.entries.length > 0;
  }

  /** True when tokens are configured (and so writes can be enabled for editors and admins). */
  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /** The viewer of a request with this `Authorization` header; throws `UNAUTHENTICATED` (HTTP 401) as described above. */
  viewerOf(authorization: string | string[] | undefined): Viewer {
    if (!this.enabled) return ANONYMOUS;
    const header = (Array.isArray(authorization) ? authorization[0] : authorization)?.trim() ?? '';
    if (header === '') {
      if (this.required) throw unauthenticated('This API requires a bearer token: send "Authorization: Bearer <token>".');
      return ANONYMOUS;
    }
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const presented = digest(token);
    let match: Viewer | undefined;
    // Every entry is compared, whatever matched before: the loop's duration does not depend on the token.
    for (const entry of this.entries) {
      if (timingSafeEqual(presented, entry.digest)) match = entry.viewer;
    }
    if (!match) throw unauthenticated('The bearer token is not valid.');
    return match;
  }

  /**
   * Express middleware for the non-GraphQL routes (exports): sets `res.locals.viewer`, or answers 401
   * with a GraphQL-shaped error body when the request cannot be authenticated. Read it with `viewerOfResponse`.
   */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      try {
        res.locals.viewer = this.viewerOf(req.headers.authorization);
        next();
      } catch (error) {
        if (!(error instanceof AppError)) return next(error);
        res
          .status(HTTP_STATUS[error.code])
          .set('WWW-Authenticate', BEARER_CHALLENGE)
          .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
    };
  }
}

/** The viewer the `Authenticator.middleware()` put on the response; anonymous when it did not run. */
export function viewerOfResponse(res: Response): Viewer {
  return (res.locals.viewer as Viewer | undefined) ?? ANONYMOUS;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** UNAUTHENTICATED with HTTP 401 and a Bearer challenge: it aborts the whole request. */
function unauthenticated(message: string): AppError {
  return accessError(ErrorCode.UNAUTHENTICATED, message);
}
