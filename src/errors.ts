import { GraphQLError } from 'graphql';

/** The `extensions.code` values our API sets. Clients branch on these, so they never change meaning. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** HTTP status that goes with a code when the error aborts the whole request. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * The one error class of the API: always carries `extensions.code`, optionally more extensions
 * (e.g. `field` for the argument that was wrong). Errors of any other class are masked in production.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, { extensions: { ...extensions, code }, originalError: asError(options.cause) });
    this.name = 'AppError';
  }
}

/** The challenge a 401 carries (RFC 6750). */
export const BEARER_CHALLENGE = 'Bearer realm="practice-graph"';

/**
 * An error that decides the whole response's HTTP status (Apollo reads `extensions.http`, and drops it from
 * the body): UNAUTHENTICATED → 401 with the Bearer challenge, FORBIDDEN → 403. Used for every refusal of
 * who the caller is, whether it comes from the `Authorization` header or from a resolver, so a client sees
 * the same status for the same code with or without a token.
 */
export function accessError(code: ErrorCode.UNAUTHENTICATED | ErrorCode.FORBIDDEN, message: string, extensions: Record<string, unknown> = {}): AppError {
  const headers = new Map(code === ErrorCode.UNAUTHENTICATED ? [['www-authenticate', BEARER_CHALLENGE]] : []);
  return new AppError(code, message, { ...extensions, http: { status: HTTP_STATUS[code], headers } });
}

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);

function asError(cause: unknown): Error | undefined {
  return cause instanceof Error ? cause : undefined;
}

/** Closes an exhaustive switch: adding an enum member fails to compile where it is not handled. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
