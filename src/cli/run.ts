import { Neo4jError } from 'neo4j-driver';
import { ConfigError } from '../config.js';
import { EmbeddedNeo4jUnavailableError } from '../db/embedded.js';
import { AppError } from '../errors.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs a command's `main` and exits 1 when it fails, with ONE line on stderr naming the cause
 * (`describeFailure`); the stack only with `LOG_LEVEL=debug`. A dead database, a refused connection or a
 * bug all end the same way: no driver stack for the user to dig through.
 */
export function runMain(main: () => Promise<void>, expected: ErrorClass[] = []): void {
  main().catch((error: unknown) => exitWith(error, expected));
}

/** Writes `describeFailure(error)` (and, at LOG_LEVEL=debug, the stack) to stderr and exits 1. */
export function exitWith(error: unknown, expected: ErrorClass[] = []): never {
  process.stderr.write(`${describeFailure(error, expected)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/**
 * One line saying why a command failed. Errors that explain themselves (bad configuration, no Java/Maven,
 * the command's `expected` classes) are their message; our coded errors their message and the underlying
 * cause (`The database is not reachable right now; … (Neo4j: Connection was closed by server)`); a Neo4j
 * error its code and first line; anything else its name and message.
 */
export function describeFailure(error: unknown, expected: ErrorClass[] = []): string {
  const known: ErrorClass[] = [ConfigError, EmbeddedNeo4jUnavailableError, ...expected];
  if (known.some((cls) => error instanceof cls)) return (error as Error).message.trimEnd();
  if (error instanceof AppError) {
    const cause = error.originalError ?? (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause !== error ? ` (${causeOf(cause)})` : '';
    return `${firstLine(error.message)}${detail} [${error.code}]`;
  }
  if (error instanceof Error) return causeOf(error);
  return `Failed: ${String(error)}`;
}

function causeOf(error: Error): string {
  if (error instanceof Neo4jError) return `Neo4j error ${error.code}: ${firstLine(error.message)}`;
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${firstLine(error.message)}`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
