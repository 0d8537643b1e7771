import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../examples/client/client.js';
import { startTestApi, type TestApi } from '../support/api.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = resolve(ROOT, 'examples/client/client.ts');

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

describe('the typed client example (examples/client)', () => {
  it('runs as a script against the API and prints what the seed graph says', async () => {
    // As a developer runs it: `npx tsx examples/client/client.ts <endpoint>`.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, `${api.url}/graphql`], { cwd: ROOT, timeout: 60_000 });
    const lines = stdout.trim().split('\n');

    // seed/README.md: four practices address "loslaten of sturen".
    expect(lines[0]).toBe('Practices that address “Loslaten of sturen” (Letting go or (still) steering): 4');
    const practices = lines.slice(1, 5).map((line) => line.replace(/^ {2}- /, '').replace(/ \(.*$/, ''));
    expect(practices.sort()).toEqual(['Heldere visie en kaders', 'Rolwisseling expliciet maken', 'Verwachtingen managen', 'Vroegtijdig kaders meegeven']);
    // Breda and Tilburg share six practices.
    expect(lines[5]).toBe('Practices Breda and Tilburg share: 6');
    // Every municipality has a case for every dilemma: Berkelland ←IN– a case –RAISES→ Bemiddelen.
    const path = lines.find((line) => line.startsWith('Shortest path'));
    expect(path).toMatch(/^Shortest path \(2 steps\): Berkelland ←IN– .+ –RAISES→ Bemiddelen$/);
    // The phrase search finds the practice named after it.
    const search = lines.findIndex((line) => line.startsWith('Search “geest van de wet”'));
    expect(lines[search + 1]).toMatch(/^ {2}- Handelen in de geest van de wet \(practice:handelen-in-de-geest-van-de-wet, score /);
  });

  it('types each operation by name, variables and result', async () => {
    const run = createClient(`${api.url}/graphql`);
    const { dilemma } = await run('PracticesForDilemma', { id: 'dilemma:bemiddelen' });
    expect(dilemma?.practices.map((practice) => practice.id).sort()).toEqual([
      'practice:buurtschouw',
      'practice:keukentafelgesprek',
      'practice:rolwisseling-expliciet-maken',
      'practice:verbinden-van-partijen',
    ]);
  });
});
