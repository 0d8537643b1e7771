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

/** Starts Neo4j embedded in a JVM child process and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const { port, logger } = options;
  checkJavaAndMaven();
  const classpath = resolveClasspath(logger);
  const launcherDir = compileLauncher(classpath);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const child = spawn('java', ['-XX:+UseG1GC', '-cp', `${launcherDir}:${classpath}`, 'Launcher'], {
    env: { ...process.env, NEO4J_EMBEDDED_PORT: String(port), NEO4J_EMBEDDED_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const closed = new Promise<void>((resolveClose) => child.once('close', () => resolveClose()));
  // If this Node process dies without stopping us, the JVM still gets SIGTERM and shuts down cleanly.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

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
    void exited.then((code) => {
      clearTimeout(timer);
      const hint = /Address already in use|BindException/.test(stderr.join('')) ? ` Port ${port} is in use: set NEO4J_EMBEDDED_PORT.` : '';
      rejectReady(new Error(`The embedded Neo4j exited with code ${code} before it was ready.${hint}\n${stderr.join('').slice(-3000)}`));
    });
  });
  logger.info('embedded Neo4j ready', { uri, dataDir, pid: child.pid });

  return {
    uri,
    pid: child.pid!,
    exited,
    stop: async (graceMs = 60_000) => {
      await stopChild(child, exited, graceMs);
      await closed; // 'exit' can come before the last stdout chunk; 'close' comes after all of it.
      const result = { clean: stdout.includes('NEO4J_STOPPED'), code: await exited };
      if (!result.clean) logger.warn('the embedded Neo4j did not shut down cleanly; the next start will recover its store', { ...result, dataDir });
      return result;
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, graceMs: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
