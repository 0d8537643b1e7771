import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/neo4j.js';
import { anyFreePort } from '../support/ports.js';

/** `npm start` is `tsx src/main.ts`: run exactly that entry with a given environment. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only what the entry needs: no NEO4J_* leaking in from the developer's shell.
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const child = spawn(process.execPath, [TSX, 'src/main.ts'], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe.concurrent('npm start (src/main.ts) refuses a bad configuration', () => {
  it('PORT=abc: exit 1 and one line on stderr naming PORT', async () => {
    const { code, stdout, stderr } = await runMain({ PORT: 'abc' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('PORT must be an integer from 1 to 65535 (got "abc")\n');
  });

  it('NEO4J_URI=http://…: exit 1 and one line naming NEO4J_URI', async () => {
    const { code, stderr } = await runMain({ NEO4J_URI: 'http://localhost:7474' });
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^NEO4J_URI must be a Neo4j URI/);
  });

  it('without Java and Maven on the PATH: exit 1 and one message naming the three ways out', async () => {
    const emptyPath = tempDir('practice-graph-no-java');
    const data = tempDir('practice-graph-no-java-data');
    try {
      const { code, stderr } = await runMain({
        PATH: emptyPath.path,
        // A port where no embedded Neo4j runs, so main.ts has to start its own (and cannot).
        NEO4J_EMBEDDED_PORT: String(await anyFreePort()),
        NEO4J_EMBEDDED_DATA: data.path,
        LOG_LEVEL: 'error',
      });
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/needs Java 17\+.*install Java 17\+ and Maven.*NEO4J_URI.*docker compose up/);
    } finally {
      emptyPath.remove();
      data.remove();
    }
  });
});
