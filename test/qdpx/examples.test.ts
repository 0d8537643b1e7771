import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { openTestDatabase, testLogger } from '../support/neo4j.js';
import { xsdErrors } from './fixtures.js';

/**
 * The example files the README's "Bring your coded interviews" tells a newcomer to import
 * (`test/fixtures/qdpx/`): each is valid REFI-QDA, and its dry run, the README's first command, reads,
 * maps and checks it against the seeded graph and writes nothing. Dry runs only: the files' GUIDs are
 * fixed, and a real import here would leave them in the shared test database for every later run.
 */
const EXAMPLES = resolve(import.meta.dirname, '../fixtures/qdpx');
const example = (file: string) => new Uint8Array(readFileSync(resolve(EXAMPLES, file)));

let db: Database;
beforeAll(() => {
  db = openTestDatabase(inject('neo4jUri'), testLogger);
});
afterAll(() => db?.close());

async function sourceExists(id: string): Promise<boolean> {
  const [row] = await db.read('OPTIONAL MATCH (s:Source {id: $id}) RETURN s IS NOT NULL AS found', { id });
  return row!.found as boolean;
}

describe('the example files of the README', () => {
  it('twee-interviews.qdpx is valid REFI-QDA; its dry run maps two interviews onto the seed and writes nothing', async () => {
    const bytes = example('twee-interviews.qdpx');
    expect(await xsdErrors(strFromU8(unzipSync(bytes)['project.qde']!))).toEqual([]);

    const { summary, refi } = await importQdpx(db, bytes, { expect: 'qdpx', synthetic: true, dryRun: true, by: 'test' });
    expect(summary.dryRun).toBe(true);
    expect(refi).toMatchObject({ cases: 2, sources: 2, quotations: 7 });
    expect(refi.codes).toMatchObject({ practices: 3, dilemmas: 2, conclusions: 1 });
    expect(summary.nodes.created).toBeGreaterThan(refi.quotations);
    expect(await sourceExists(summary.sourceId!)).toBe(false);
  });

  it.each(['atlas-codeboek.qdpx', 'atlas-codeboek.qdc'])('%s: its codes are valid REFI-QDA; its dry run reads the code groups as two practices and a dilemma', async (file) => {
    const bytes = example(file);
    const xml = file.endsWith('.qdc') ? strFromU8(bytes) : strFromU8(unzipSync(bytes)['project.qde']!);
    // The project schema checks a codebook's codes (a .qdc is the same CodeBook element in its own namespace).
    const codes = xml.slice(xml.indexOf('<Codes>'), xml.indexOf('</Codes>') + '</Codes>'.length);
    expect(await xsdErrors(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>${codes}</CodeBook></Project>`)).toEqual([]);
    if (file.endsWith('.qdpx')) expect(await xsdErrors(xml)).toEqual([]);

    const { summary, refi } = await importQdpx(db, bytes, { expect: file.endsWith('.qdc') ? 'qdc' : 'qdpx', synthetic: true, dryRun: true, by: 'test' });
    expect(summary.dryRun).toBe(true);
    expect(refi.codes).toMatchObject({ practices: 2, dilemmas: 1, conclusions: 0 });
    expect(await sourceExists(summary.sourceId!)).toBe(false);
  });
});
