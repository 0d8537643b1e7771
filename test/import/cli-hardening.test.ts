import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, tempDir, testLogger, uniqueId } from '../support/neo4j.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

/**
 * Issue 15, the command-line import (`npm run import`) as a careless user or a failing server meets it:
 * files that are not UTF-8 are refused naming the encoding or the byte offset (a Latin-1 file used to
 * import with exit 0 as "Caf\uFFFD"; UTF-16 and a BOM gave "Unexpected token"); a UTF-8 BOM is accepted;
 * NUL bytes and shifted CSV rows are refused; and a Neo4j that dies during the import ends the command
 * with exit 1 and ONE line naming the cause (it used to print a raw Neo4jError stack).
 */
const run = promisify(execFile);
const dir = tempDir('practice-graph-cli-hardening');
const slug = uniqueId('clihard').replace(':', '-');
const db = openTestDatabase(inject('neo4jUri'), testLogger);

function cli(args: string[], uri = inject('neo4jUri')) {
  const env = {
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USER: process.env.NEO4J_TEST_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD ?? '',
    NEO4J_DATABASE: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
    LOG_LEVEL: 'warn',
  };
  return run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/import.ts', ...args], { env, cwd: process.cwd(), timeout: 120_000, maxBuffer: 10_000_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const document = (name: string) => ({
  source: { id: `source:${slug}`, title: 'CLI-codering', kind: 'DOCUMENT', synthetic: true },
  nodes: [{ type: 'Dilemma', id: `dilemma:${slug}`, name }],
  relationships: [],
});
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir.path, name);
  writeFileSync(path, bytes);
  return path;
};
const stored = async () => db.read('MATCH (n) WHERE n.id STARTS WITH $a OR n.id STARTS WITH $b RETURN n.id AS id, n.name AS name', { a: `dilemma:${slug}`, b: `source:${slug}` });

afterAll(async () => {
  await db.write('MATCH (n) WHERE n.id STARTS WITH $a OR n.id STARTS WITH $b DETACH DELETE n', { a: `dilemma:${slug}`, b: `source:${slug}` }).catch(() => undefined);
  await db.close();
  dir.remove();
});

// Each case starts the command (tsx, a Neo4j connection): seconds each, more on a loaded machine.
describe('npm run import: files that are not UTF-8', { timeout: 120_000 }, () => {
  it('a Latin-1 JSON file is refused naming the byte offset; nothing imported (not "Caf\\uFFFD")', async () => {
    const text = JSON.stringify(document('Café'));
    const latin1 = Buffer.from(text, 'latin1');
    const offset = latin1.indexOf(0xe9);
    const result = await cli([file('latin1.json', latin1)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`latin1.json is not valid UTF-8 at byte ${offset} (0xE9; Latin-1 or Windows-1252?); only UTF-8 is accepted: save the file as UTF-8`);
    expect(await stored()).toEqual([]);
  });

  it('UTF-16 LE and BE files are refused naming the encoding', async () => {
    const text = JSON.stringify(document('Café'));
    const le = await cli([file('utf16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))]);
    expect(le.code).toBe(1);
    expect(le.stderr).toContain('utf16le.json is UTF-16 LE (byte order mark FF FE at byte 0); only UTF-8 is accepted');
    const be = Buffer.from(text, 'utf16le').swap16();
    const beResult = await cli([file('utf16be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))]);
    expect(beResult.stderr).toContain('utf16be.json is UTF-16 BE (byte order mark FE FF at byte 0)');
    expect(await stored()).toEqual([]);
  });

  it('a Latin-1 nodes.csv is refused the same way', async () => {
    const csv = Buffer.from(`Id,Type,name\ndilemma:${slug}-csv,Dilemma,Café\n`, 'latin1');
    const result = await cli([file('latin1-nodes.csv', csv)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/latin1-nodes\.csv is not valid UTF-8 at byte \d+ \(0xE9;/);
    expect(await stored()).toEqual([]);
  });

  it('a NUL byte in a CSV file is refused naming the byte (nodes.csv used to carry it into the graph)', async () => {
    const result = await cli([file('nul-nodes.csv', `Id,Type,name\ndilemma:${slug}-nul,Dilemma,Nul\u0000byte\n`)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nul-nodes\.csv has a NUL byte at byte \d+/);
    expect(await stored()).toEqual([]);
  });

  it('a shifted CSV row (unquoted comma) is refused naming the line', async () => {
    const result = await cli([file('shift-nodes.csv', `Id,Type,kind,name,description\npractice:${slug}-komma,Practice,SKILL,Hello, world,the description\n`)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: 6 cells, but the header has 5 columns');
    expect(await db.read('MATCH (n {id: $id}) RETURN n', { id: `practice:${slug}-komma` })).toEqual([]);
  });

  it('a UTF-8 file with a byte order mark imports, with the text intact', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(document('Café ☕')), 'utf8')]);
    const result = await cli([file('bom.json', withBom)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await stored()).toEqual(expect.arrayContaining([{ id: `dilemma:${slug}`, name: 'Café ☕' }]));
  });
});

describe('npm run import: Neo4j dies during the import', () => {
  it('exits 1 with one line naming the cause, no Neo4jError stack; nothing of the file written', async () => {
    const big = {
      source: { id: `source:${slug}-groot`, title: 'Groot', kind: 'DOCUMENT', synthetic: true },
      nodes: Array.from({ length: 3_000 }, (_, i) => ({ type: 'Dilemma', id: `dilemma:${slug}-groot-${i}`, name: `Dilemma ${i}`, description: 'Een beschrijving van enige lengte. '.repeat(3) })),
      relationships: [],
    };
    const path = file('big.json', JSON.stringify(big));
    // Migrations and validation send a few kB; the first batch of rows is ~250 kB: the proxy "kills" the
    // test Neo4j once the import starts sending its rows.
    const proxy = await startTcpProxy(new URL(inject('neo4jUri')), { killAfterClientBytes: 100_000 });
    try {
      const started = Date.now();
      const result = await cli([path], proxy.uri);
      expect(proxy.killed).toBe(true);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^Import failed: .*(database|Neo4j)/i);
      expect(result.stderr).not.toMatch(/\n\s+at |Neo4jError:/);
      console.info(`CLI import with Neo4j gone midway: exit ${result.code} after ${Date.now() - started} ms: ${lines[0]}`);
    } finally {
      proxy.kill();
    }
    expect(await db.read('MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS n', { p: `dilemma:${slug}-groot` })).toEqual([{ n: 0 }]);
  }, 180_000);

  it('a Neo4j that is not there at all: one line too', async () => {
    const proxy = await startTcpProxy(new URL(inject('neo4jUri')));
    proxy.kill();
    const result = await cli([file('small.json', JSON.stringify(document('Nergens')))], proxy.uri);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
    expect(result.stderr).toMatch(/^Import failed: The database is not reachable/);
  }, 180_000);
});
