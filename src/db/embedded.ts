import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';

/** Folder holding `pom.xml` and `Launcher.java`. */
export const NEO4J_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../neo4j');

const WAYS_OUT =
  'Three ways out: install Java 17+ and Maven (e.g. `apt-get install openjdk-17-jdk-headless maven`); ' +
  'or set NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) to a Neo4j 5 you run; or run `docker compose up`.';

/** Java or Maven is missing or too old; the message names the three ways out. */
export class EmbeddedNeo4jUnavailableError extends Error {
  override name = 'EmbeddedNeo4jUnavailableError';
}

export interface EmbeddedNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Store directory; created when missing. */
  dataDir: string;
  /** How long to wait for the ready line (the first run also resolves jars with Maven). */
  startTimeoutMs: number;
  logger: Logger;
  /** The JVM shuts down when this process dies (it watches its stdin). Default true; false only to make an orphan in a test. */
  watchOwner?: boolean;
  /** Extra JVM options (NEO4J_EMBEDDED_JAVA_OPTS), placed before the launcher's classpath. */
  javaOptions?: readonly string[];
}

/** A running embedded Neo4j child process. */
export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /**
   * SIGTERM, then wait for the clean shutdown (SIGKILL only if it does not come within `graceMs`).
   * Resolves with `clean: true` when the launcher reported `NEO4J_STOPPED` (store checkpointed, no recovery
   * needed on the next start); an unclean stop is also logged as a warning.
   */
  stop(graceMs?: number): Promise<EmbeddedStopResult>;
  /** Resolves with the exit code once the JVM has exited, for whatever reason. */
  readonly exited: Promise<number | null>;
  /** Resolves with the exit code or the signal once the JVM has exited. */
  readonly exit: Promise<EmbeddedExit>;
}

/** How the embedded Neo4j ended. */
export interface EmbeddedStopResult {
  /** The launcher printed `NEO4J_STOPPED`: the database shut down and checkpointed. */
  clean: boolean;
  /** Exit code of the JVM (143 after a SIGTERM handled by its shutdown hook), or null when killed by a signal. */
  code: number | null;
}

/** Checks `java` (17+) and `mvn` are on the PATH; throws `EmbeddedNeo4jUnavailableError` otherwise. */
export function checkJavaAndMaven(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new EmbeddedNeo4jUnavailableError(`The embedded Neo4j needs Java 17+, and \`java\` was not found. ${WAYS_OUT}`);
  }
  const major = Number(/version "(\d+)/.exec(java.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new EmbeddedNeo4jUnavailableError(`The embedded Neo4j needs Java 17+, found Java ${major || 'of unknown version'}. ${WAYS_OUT}`);
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new EmbeddedNeo4jUnavailableError(`The embedded Neo4j needs Maven to fetch its jars, and \`mvn\` was not found. ${WAYS_OUT}`);
  }
}

/**
 * The Neo4j classpath, resolved by Maven once and cached in `neo4j/target/classpath.txt`
 * (invalidated when `pom.xml` changes or a jar has gone from `~/.m2`).
 */
export function resolveClasspath(logger: Logger): string {
  const pom = readFileSync(join(NEO4J_DIR, 'pom.xml'));
  const key = createHash('sha256').update(pom).digest('hex');
  const cacheFile = join(NEO4J_DIR, 'target', 'classpath.txt');
  if (existsSync(cacheFile)) {
    const [cachedKey, classpath] = readFileSync(cacheFile, 'utf8').split('\n');
    if (cachedKey === key && classpath && classpath.split(':').every((jar) => existsSync(jar))) return classpath;
  }
  checkJavaAndMaven();
  logger.info('resolving the embedded Neo4j classpath with Maven (first run downloads the jars)');
  const outputFile = join(NEO4J_DIR, 'target', 'classpath.raw');
  mkdirSync(dirname(outputFile), { recursive: true });
  const mvn = spawnSync('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${outputFile}`], {
    cwd: NEO4J_DIR,
    encoding: 'utf8',
  });
  if (mvn.status !== 0) {
    const tail = `${mvn.stdout ?? ''}${mvn.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new EmbeddedNeo4jUnavailableError(`Maven could not resolve the Neo4j jars:\n${tail}\n${WAYS_OUT}`);
  }
  const classpath = readFileSync(outputFile, 'utf8').trim();
  writeFileSync(cacheFile, `${key}\n${classpath}\n`);
  return classpath;
}

/** Compiles Launcher.java once into neo4j/target/launcher (saves the source launcher's compile on every start). */
function compileLauncher(classpath: string): string {
  const source = join(NEO4J_DIR, 'Launcher.java');
  const outDir = join(NEO4J_DIR, 'target', 'launcher');
  const classFile = join(outDir, 'Launcher.class');
  if (existsSync(classFile) && statSync(classFile).mtimeMs >= statSync(source).mtimeMs) return outDir;
  const javac = spawnSync('javac', ['-cp', classpath, '-d', outDir, source], { encoding: 'utf8' });
  if (javac.error || javac.status !== 0) {
    throw new EmbeddedNeo4jUnavailableError(`Could not compile neo4j/Launcher.java (is a JDK 17+ installed?): ${javac.stderr ?? javac.error}. ${WAYS_OUT}`);
  }
  return outDir;
}

/** How the JVM ended: its exit code, or the signal that ended it. */
export interface EmbeddedExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The `java` arguments that run the launcher with `javaOptions` (NEO4J_EMBEDDED_JAVA_OPTS): checks Java and
 * Maven, resolves the classpath and compiles the launcher when needed.
 */
export function launcherArgs(logger: Logger, javaOptions: readonly string[] = []): string[] {
  checkJavaAndMaven();
  const classpath = resolveClasspath(logger);
  const launcherDir = compileLauncher(classpath);
  return [...jvmOptions(javaOptions), '-cp', `${launcherDir}:${classpath}`, 'Launcher'];
}

/**
 * The JVM options before the classpath: the G1 collector, then the user's options, so theirs win where a flag
 * is given twice. A user's collector replaces G1 rather than following it: the JVM refuses to start with two
 * ("Multiple garbage collectors selected").
 */
export function jvmOptions(javaOptions: readonly string[]): string[] {
  const choosesCollector = javaOptions.some((option) => /^-XX:\+Use\w+GC$/.test(option));
  return [...(choosesCollector ? [] : ['-XX:+UseG1GC']), ...javaOptions];
}

/** Starts Neo4j embedded in a JVM child process and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  return launch(options, launcherArgs(options.logger, options.javaOptions));
}

async function launch(options: EmbeddedNeo4jOptions, javaArgs: string[], abort?: AbortSignal): Promise<EmbeddedNeo4j> {
  const { port, logger } = options;
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const child = spawn('java', javaArgs, {
    env: {
      ...process.env,
      NEO4J_EMBEDDED_PORT: String(port),
      NEO4J_EMBEDDED_DATA: dataDir,
      NEO4J_EMBEDDED_WATCH_STDIN: options.watchOwner === false ? '0' : '1',
      NEO4J_EMBEDDED_OWNER_PID: String(process.pid),
    },
    // stdin is a pipe we never write to: when this process dies, however, the OS closes it and the
    // launcher shuts Neo4j down (see Launcher.java), so no orphan keeps the port and the store.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin!.on('error', () => undefined); // EPIPE once the JVM has gone: nothing was to be written anyway
  // A JVM that cannot be spawned (`java` gone from the PATH since the start, EAGAIN at the process limit) gets
  // 'error' and never 'exit': unheard, that error would be an uncaught exception ending the API. It fails this
  // start instead, which a supervised restart retries. A later 'error' (a kill that failed) is only logged.
  const spawnFailed = new Promise<NodeJS.ErrnoException>((resolveFailure) =>
    child.on('error', (error) => (child.pid === undefined ? resolveFailure(error) : logger.warn('the embedded Neo4j process reported an error', { pid: child.pid, error: error.message }))),
  );
  const exit = new Promise<EmbeddedExit>((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const exited = exit.then(({ code }) => code);
  const closed = new Promise<void>((resolveClose) => child.once('close', () => resolveClose()));
  // On a normal exit of this Node process the JVM also gets SIGTERM at once (the closed stdin would do it too).
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  void Promise.race([exited, spawnFailed]).then(() => process.removeListener('exit', killOnExit));
  const onAbort = () => child.kill('SIGTERM');
  abort?.addEventListener('abort', onAbort, { once: true });

  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 50) stderr.shift();
  });

  // The launcher's stdout: the ready line, and the line marking a clean shutdown.
  let stdout = '';
  const uri = await new Promise<string>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectReady(new Error(`The embedded Neo4j did not become ready within ${options.startTimeoutMs} ms.\n${stderr.join('')}`));
    }, options.startTimeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const ready = /NEO4J_READY (\S+)/.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        resolveReady(ready[1]!);
      }
    });
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      const output = stderr.join('');
      rejectReady(new Error(`The embedded Neo4j exited (${signal ?? `code ${code}`}) before it was ready.${startFailureHint(output, port, dataDir)}\n${output.slice(-3000)}`));
    });
    void spawnFailed.then((error) => {
      clearTimeout(timer);
      const hint = error.code === 'ENOENT' ? ': `java` is not on the PATH (any more)' : '';
      rejectReady(new Error(`The embedded Neo4j could not be started (${error.message})${hint}.`, { cause: error }));
    });
  }).finally(() => abort?.removeEventListener('abort', onAbort));
  logger.info('embedded Neo4j ready', { uri, dataDir, pid: child.pid });

  return {
    uri,
    pid: child.pid!,
    exited,
    exit,
    stop: async (graceMs = 60_000) => {
      await stopChild(child, exited, graceMs);
      await closed; // 'exit' can come before the last stdout chunk; 'close' comes after all of it.
      const result = { clean: stdout.includes('NEO4J_STOPPED'), code: await exited };
      if (!result.clean) logger.warn('the embedded Neo4j did not shut down cleanly; the next start will recover its store', { ...result, dataDir });
      return result;
    },
  };
}

/** What to do when the launcher failed for a reason a person can fix. */
function startFailureHint(output: string, port: number, dataDir: string): string {
  if (/Address already in use|BindException/.test(output)) return ` Port ${port} is in use: set NEO4J_EMBEDDED_PORT.`;
  if (/store_lock|locked by another process|FileLockException/i.test(output)) {
    return (
      ` Another process holds the store in ${dataDir} (its store lock): an embedded Neo4j of an earlier run is still there, ` +
      `or another command started one. Stop it (find it with \`pgrep -af 'java.*Launcher'\`, then \`kill <pid>\`) or set NEO4J_EMBEDDED_DATA to another directory.`
    );
  }
  return '';
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, graceMs: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Supervision: the API restarts its embedded Neo4j when the JVM exits without being asked to.

export interface SupervisionOptions {
  /** Restart the JVM when it exits unasked (the API); otherwise the exit is only logged (short commands). */
  restart: boolean;
  /** Delay before the first restart; doubled after each failed restart. Default 1000. */
  firstRestartDelayMs?: number;
  /** Longest delay between restarts. Default 30 000. */
  maxRestartDelayMs?: number;
  /** A Neo4j that ran this long before it exited starts again from the first delay. Default 60 000. */
  stableAfterMs?: number;
}

/** An embedded Neo4j that is started again (same port and store) whenever its JVM exits unasked. */
export interface SupervisedNeo4j {
  readonly uri: string;
  /** The pid of the JVM running now; undefined between an exit and the restart. */
  readonly pid: number | undefined;
  /** How many times it has been restarted. */
  readonly restarts: number;
  /** Calls `listener` each time a restarted Neo4j is ready; returns the function that removes it. */
  onRestart(listener: () => void): () => void;
  /** Stops supervising and stops the JVM cleanly (a restart under way is aborted). */
  stop(graceMs?: number): Promise<EmbeddedStopResult | undefined>;
}

/**
 * Starts the embedded Neo4j and watches its JVM: an exit nobody asked for is logged at once (pid, exit
 * code or signal, how long it ran) and, with `restart`, followed by a restart on the same port and store
 * after 1 s, 2 s, 4 s … (at most 30 s) while restarts keep failing. The driver keeps its URI, so it
 * reconnects by itself once Bolt answers again.
 */
export async function superviseEmbeddedNeo4j(options: EmbeddedNeo4jOptions, supervision: SupervisionOptions): Promise<SupervisedNeo4j> {
  const { logger } = options;
  const firstDelay = supervision.firstRestartDelayMs ?? 1_000;
  const maxDelay = supervision.maxRestartDelayMs ?? 30_000;
  const stableAfter = supervision.stableAfterMs ?? 60_000;
  const javaArgs = launcherArgs(logger, options.javaOptions);
  const listeners = new Set<() => void>();
  let current: EmbeddedNeo4j | undefined = await launch(options, javaArgs);
  let startedAt = Date.now();
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  const aborter = new AbortController();

  const nextDelay = () => Math.min(maxDelay, firstDelay * 2 ** failures);

  const restart = (downSince: number) => {
    const delayMs = nextDelay();
    timer = setTimeout(() => {
      timer = undefined;
      if (stopping) return;
      restarting = launch(options, javaArgs, aborter.signal).then(
        (neo4j) => {
          restarting = undefined;
          current = neo4j;
          startedAt = Date.now();
          restarts++;
          if (stopping) return; // stop() is waiting for this start, and stops it
          logger.info('embedded Neo4j restarted', { pid: neo4j.pid, downMs: Date.now() - downSince, restarts });
          watch(neo4j);
          for (const listener of listeners) listener();
        },
        (error: Error) => {
          restarting = undefined;
          if (stopping) return;
          failures++;
          const retryMs = nextDelay();
          logger.error('restarting the embedded Neo4j failed; trying again', { retryMs, error: error.message.split('\n')[0] });
          restart(downSince);
        },
      );
    }, delayMs);
  };

  const watch = (neo4j: EmbeddedNeo4j) => {
    void neo4j.exit.then(({ code, signal }) => {
      if (stopping || neo4j !== current) return;
      current = undefined;
      const upMs = Date.now() - startedAt;
      if (upMs >= stableAfter) failures = 0;
      if (!supervision.restart) {
        logger.error('the embedded Neo4j exited', { pid: neo4j.pid, code, signal, upMs });
        return;
      }
      logger.error('the embedded Neo4j exited; restarting it', { pid: neo4j.pid, code, signal, upMs, restartInMs: nextDelay() });
      restart(Date.now());
    });
  };
  watch(current);

  return {
    uri: current.uri,
    get pid() {
      return current?.pid;
    },
    get restarts() {
      return restarts;
    },
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(graceMs) {
      stopping = true;
      clearTimeout(timer);
      aborter.abort();
      await restarting;
      return current?.stop(graceMs);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Telling our own running Neo4j from a stale one.

/** Written by the launcher into the data directory while it runs (see Launcher.java). */
export const OWNER_FILE = 'embedded-owner.json';

/** The launcher's record: its pid, the pid of the process that started it, its Bolt port. */
export interface OwnerRecord {
  pid: number;
  owner: number;
  port: number;
}

/**
 * Who holds the store in `dataDir`:
 * - `none`: no launcher runs on it (no owner file, or the file names a process that has gone);
 * - `owned`: a launcher runs and is still the child of the process that started it (an `npm start`, or
 *   another command, that is alive): use it;
 * - `orphan`: a launcher runs but its starter has gone (it was re-parented): stale, stop it.
 */
export function inspectEmbedded(dataDir: string): { kind: 'none' } | { kind: 'owned' | 'orphan'; record: OwnerRecord } {
  const record = readOwnerRecord(dataDir);
  if (!record || !isRunning(record.pid) || !/Launcher/.test(commandOf(record.pid) ?? 'Launcher')) return { kind: 'none' };
  return { kind: parentOf(record.pid) === record.owner && isRunning(record.owner) ? 'owned' : 'orphan', record };
}

export function readOwnerRecord(dataDir: string): OwnerRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(resolve(dataDir), OWNER_FILE), 'utf8')) as Partial<OwnerRecord>;
    const valid = [record.pid, record.owner, record.port].every((value) => Number.isSafeInteger(value) && (value as number) > 0);
    return valid ? (record as OwnerRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops a launcher this process did not start (an orphan): SIGTERM, which shuts the database down cleanly,
 * then SIGKILL if it is still there after `graceMs`. Resolves once the process has gone.
 */
export async function stopStaleNeo4j(pid: number, graceMs = 60_000): Promise<{ clean: boolean }> {
  const deadline = Date.now() + graceMs;
  signal(pid, 'SIGTERM');
  while (isRunning(pid)) {
    if (Date.now() > deadline) {
      signal(pid, 'SIGKILL');
      while (isRunning(pid)) await sleep(100);
      return { clean: false };
    }
    await sleep(200);
  }
  return { clean: true };
}

/** Whether `pid` is a live process (a zombie, exited but not yet reaped by its new parent, is not). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}

/** The parent pid of `pid`: from /proc on Linux, else from `ps`. */
function parentOf(pid: number): number | undefined {
  const stat = procStat(pid);
  if (stat) return stat.ppid;
  const ps = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
  const ppid = Number(ps.stdout?.trim());
  return Number.isSafeInteger(ppid) && ppid > 0 ? ppid : undefined;
}

/** The command line of `pid` (to tell a launcher from a process that got its recycled pid), when it can be read. */
function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout : undefined;
  }
}

/** State and parent pid from /proc/<pid>/stat (Linux); undefined elsewhere. */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
