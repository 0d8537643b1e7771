import type { MiddlewareFn } from 'type-graphql';
import { accessError, ErrorCode } from '../../errors.js';
import { canWrite } from '../../model/index.js';
import { type Context } from '../context.js';

/** How writes are switched on, for the message of a server without tokens. */
export const ENABLE_WRITES_HINT =
  'Set AUTH_TOKENS (comma-separated role:token pairs, e.g. AUTH_TOKENS=editor:<long random token>; roles reader, editor, admin), ' +
  'restart the API, and send "Authorization: Bearer <token>" with an editor or admin token.';

/**
 * Refuses the write unless the caller may write: no `AUTH_TOKENS` configured → FORBIDDEN (reason
 * WRITES_DISABLED) with a message saying how to enable writes; anonymous → UNAUTHENTICATED;
 * reader → FORBIDDEN. Editors and admins pass.
 *
 * The refusal sets the HTTP status (401 with the Bearer challenge, 403), as a bad token does in the context:
 * the same code gets the same status whether or not a token was sent. No partial result is lost by it:
 * every mutation field needs a writer, so a refused caller's whole operation fails anyway.
 */
export function assertCanWrite(ctx: Pick<Context, 'viewer' | 'writesEnabled'>): void {
  if (!ctx.writesEnabled) {
    throw accessError(ErrorCode.FORBIDDEN, `Writes are disabled on this server: no AUTH_TOKENS are configured. ${ENABLE_WRITES_HINT}`, {
      reason: 'WRITES_DISABLED',
    });
  }
  if (canWrite(ctx.viewer)) return;
  if (ctx.viewer.role === 'anonymous') {
    throw accessError(ErrorCode.UNAUTHENTICATED, 'Writing needs an editor or admin token: send "Authorization: Bearer <token>".');
  }
  throw accessError(ErrorCode.FORBIDDEN, `The ${ctx.viewer.role} role may not write; mutations need an editor or admin token.`);
}

/**
 * Middleware of every mutation: the role check runs before the arguments are validated, so an
 * anonymous caller learns that it must authenticate, not what was wrong with its input.
 */
export const RequireWriter: MiddlewareFn<Context> = ({ context }, next) => {
  assertCanWrite(context);
  return next();
};
