import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jvmOptions } from './embedded.js';

/** Whether `java` starts with `options` (it prints its version and exits), and what it said. */
function javaStarts(options: string[]): { ok: boolean; said: string } {
  const run = spawnSync('java', [...options, '-version'], { encoding: 'utf8' });
  return { ok: run.status === 0, said: `${run.stdout}${run.stderr}`.trim() };
}

describe('the embedded JVM options (NEO4J_EMBEDDED_JAVA_OPTS)', () => {
  it('G1 by default, the user options after it so theirs win where a flag repeats', () => {
    expect(jvmOptions([])).toEqual(['-XX:+UseG1GC']);
    expect(jvmOptions(['-Xmx2g', '-XX:TieredStopAtLevel=1'])).toEqual(['-XX:+UseG1GC', '-Xmx2g', '-XX:TieredStopAtLevel=1']);
    expect(javaStarts(jvmOptions(['-Xmx64m']))).toMatchObject({ ok: true });
  });

  it('a collector of the user replaces G1: the JVM refuses to start with two', () => {
    expect(jvmOptions(['-Xmx2g', '-XX:+UseParallelGC'])).toEqual(['-Xmx2g', '-XX:+UseParallelGC']);
    expect(javaStarts(jvmOptions(['-XX:+UseParallelGC']))).toMatchObject({ ok: true });
    expect(javaStarts(['-XX:+UseG1GC', '-XX:+UseParallelGC'])).toEqual({ ok: false, said: expect.stringContaining('Multiple garbage collectors selected') });
  });
});
