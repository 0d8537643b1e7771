import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import type { Context } from '../graph/context.js';
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

/**
 * graphql-js's suggestions (`Did you mean "name"?`, `Did you mean the enum value "SKILL"?`): with
 * introspection off they would still reveal the schema, so production strips them.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export interface FormatErrorOptions {
  /** Mask unexpected errors (message, stack) and strip suggestions instead of showing them. */
  production: boolean;
}

/** An error whose message was not written for clients (a bug, a driver failure): logged, masked in production. */
function isUnexpected(code: unknown, error: unknown): boolean {
  return !(unwrapResolverError(error) instanceof ArgumentValidationError) && !(typeof code === 'string' && CLIENT_CODES.has(code));
}

/**
 * Apollo `formatError`:
 * - class-validator failures become BAD_USER_INPUT with the violated constraint's message;
 * - errors with a client code keep their message (in production without stack trace or field suggestions);
 * - anything else is unexpected (logged by `errorReporting`), and in production it reaches the client only
 *   as INTERNAL_SERVER_ERROR "Internal server error." (no message, stack or Cypher).
 */
export function createFormatError({ production }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const messages = original.extensions.validationErrors.flatMap((v) => Object.values(v.constraints ?? {}));
      const field = original.extensions.validationErrors[0]?.property;
      return {
        message: messages.join('; ') || 'Invalid argument.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}), ...requestIdOf(formatted) },
      };
    }
    const code = formatted.extensions?.code;
    if (!isUnexpected(code, error)) {
      if (!production) return formatted;
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: formatted.message.replace(SUGGESTION, ''), extensions };
    }
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...requestIdOf(formatted) },
    };
  };
}

/** Keeps a request id an error already carries (errors of the context function get theirs in app.ts). */
function requestIdOf(formatted: GraphQLFormattedError): { requestId?: unknown } {
  const requestId = formatted.extensions?.requestId;
  return requestId === undefined ? {} : { requestId };
}

/**
 * Gives every error of a response the request's id in `extensions.requestId` (the same id as the
 * `X-Request-Id` header and the log lines), and logs each unexpected error in full with that id.
 * A plugin rather than async-local storage: the id travels in the context, and no async hook has to
 * follow every promise of every request.
 */
export function errorReporting(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const { requestId } = contextValue;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors as readonly GraphQLError[]) {
            if (isUnexpected(error.extensions?.code, error)) {
              logger.error('unexpected error', { requestId, error: unwrapResolverError(error), message: error.message, path: error.path });
            }
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId },
          }));
        },
      };
    },
  };
}
