import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { currentRequestId } from './request-id.js';

/** Codes whose messages are written for clients; anything else is an unexpected error. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js's suggestions (`Did you mean "name"?`, `Did you mean the enum value "SKILL"?`): with
 * introspection off they would still reveal the schema, so production strips them.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export interface FormatErrorOptions {
  /** Mask unexpected errors (message, stack) and strip suggestions instead of showing them. */
  production: boolean;
  logger: Logger;
}

/**
 * Apollo `formatError`. Every error gets the request's id in `extensions.requestId` (the same id as the
 * `X-Request-Id` header and the log lines), then:
 * - class-validator failures become BAD_USER_INPUT with the violated constraint's message;
 * - errors with a client code keep their message (in production without stack trace or field suggestions);
 * - anything else is unexpected: logged in full with the request id, and in production it reaches the
 *   client only as INTERNAL_SERVER_ERROR "Internal server error." (no message, stack or Cypher).
 */
export function createFormatError({ production, logger }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = currentRequestId();
    const ids = requestId ? { requestId } : {};
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const messages = original.extensions.validationErrors.flatMap((v) => Object.values(v.constraints ?? {}));
      const field = original.extensions.validationErrors[0]?.property;
      return {
        message: messages.join('; ') || 'Invalid argument.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}), ...ids },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      if (!production) return { ...formatted, extensions: { ...formatted.extensions, ...ids } };
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: formatted.message.replace(SUGGESTION, ''), extensions: { ...extensions, ...ids } };
    }
    logger.error('unexpected error', { ...ids, error: original, message: formatted.message, path: formatted.path });
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR, ...ids } };
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...ids },
    };
  };
}
