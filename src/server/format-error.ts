import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

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

export interface FormatErrorOptions {
  /** Mask unexpected errors (message, stack) instead of showing them. */
  production: boolean;
  logger: Logger;
}

/**
 * Apollo `formatError`: class-validator failures become BAD_USER_INPUT with the violated constraint's
 * message; errors we raised keep their code; anything unexpected is logged in full and, in production,
 * reaches the client only as INTERNAL_SERVER_ERROR (no message, stack or Cypher).
 */
export function createFormatError({ production, logger }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const messages = original.extensions.validationErrors.flatMap((v) => Object.values(v.constraints ?? {}));
      const field = original.extensions.validationErrors[0]?.property;
      return {
        message: messages.join('; ') || 'Invalid argument.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return production ? { ...formatted, extensions } : formatted;
    }
    logger.error('unexpected error', { error: original, path: formatted.path });
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
