import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A server under test, running as a child process. */
export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Peak resident set size seen so far, in MB (kernel's VmHWM, and our own samples of VmRSS). */
  peakRssMb(): number;
  /** Current resident set size in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  name: string;
  /** Node arguments, e.g. `['--import', 'tsx', 'src/main.ts']`. */
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Resolves with the GraphQL URL once the server answers. */
  ready(child: ChildProcess, output: () => string): Promise<string>;
  /** Give up after this long; default 120 s. */
  timeoutMs?: number;
}

/**
 * Starts a server as `node <args>` (the node binary itself, no npm or tsx wrapper process in between, so
 * `pid` is the process whose memory we report). Its RSS is sampled every 250 ms from /proc/<pid>/status.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    options.ready(child, () => output),
    exited.then((code) => {
      throw new Error(`${options.name} exited with code ${code} before it was ready:\n${output.slice(-3000)}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${options.name} was not ready within ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));

  let peakMb = 0;
  const sample = () => {
    const status = readStatus(child.pid!);
    if (status) peakMb = Math.max(peakMb, status.rssMb, status.hwmMb);
  };
  sample();
  const sampler = setInterval(sample, 250);
  sampler.unref();

  return {
    name: options.name,
    url,
    pid: child.pid!,
    peakRssMb: () => {
      sample();
      return Math.round(peakMb);
    },
    rssMb: () => Math.round(readStatus(child.pid!)?.rssMb ?? 0),
    stop: async () => {
      sample();
      clearInterval(sampler);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(hard);
      }
      process.removeListener('exit', killOnExit);
    },
  };
}

/** VmRSS and VmHWM (peak RSS) of a process, in MB; undefined once it is gone. */
export function readStatus(pid: number): { rssMb: number; hwmMb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Polls `url` until it answers 200. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A free TCP port on 127.0.0.1 (the project's one helper, re-exported for bench's own modules). */
export { anyFreePort as freePort } from '../../src/util/index.js';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; undefined elsewhere or once it is gone). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the parenthesised command name: utime is the 14th field of the line, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The pid of a child of `parent` whose command line contains `needle` (the embedded Neo4j's JVM: `Launcher`). */
export function childPid(parent: number, needle: string): number | undefined {
  try {
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (Number(stat.split(') ')[1]!.split(' ')[1]) !== parent) continue;
        if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return undefined;
}
