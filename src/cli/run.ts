import { ConfigError } from '../config.js';
import { EmbeddedNeo4jUnavailableError } from '../db/embedded.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs a command's `main` and exits 1 when it fails: errors that explain themselves to the user (bad
 * configuration, no Java/Maven, and the command's own `expected` classes) as their one-line message,
 * anything else with its stack.
 */
export function runMain(main: () => Promise<void>, expected: ErrorClass[] = []): void {
  const known: ErrorClass[] = [ConfigError, EmbeddedNeo4jUnavailableError, ...expected];
  main().catch((error: unknown) => {
    const explained = known.some((cls) => error instanceof cls);
    process.stderr.write(`${explained ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  });
}
