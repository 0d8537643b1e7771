import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { SEED_DIR } from '../../src/import/seed.js';
import { openTestDatabase, testLogger } from '../support/neo4j.js';

// The report's text as published, kept beside the facts taken from it (seed/sources/), so that every clone
// checks the quotes against it.
const REPORT_TEXT = join(SEED_DIR, 'sources', 'leerkring-2018-03-14.txt');
const SOURCE = 'source:leerkring-2018-03-14';
const report = JSON.parse(readFileSync(`${SEED_DIR}/leerkring-2018-03-14.json`, 'utf8')) as { nodes: unknown[]; relationships: unknown[] };

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const text = normalise(readFileSync(REPORT_TEXT, 'utf8'));
/** Verbatim, but a sentence may start with its capital dropped or added ("Hoogleraar Frank Hendriks" → "hoogleraar"). */
const inReport = (quote: string) => {
  const q = normalise(quote);
  return [q, q.charAt(0).toUpperCase() + q.slice(1), q.charAt(0).toLowerCase() + q.slice(1)].some((form) => text.includes(form));
};
/** The parts of a free text (a locator, a note) it puts between quotation marks: those claim to be the report's words. */
const quotedParts = (value: string) => [...value.matchAll(/“([^”]+)”|"([^"]+)"/g)].map((match) => (match[1] ?? match[2])!);

let db: Database;
beforeAll(() => {
  db = openTestDatabase(inject('neo4jUri'), testLogger);
});
afterAll(() => db?.close());

describe('provenance of the report\'s relationships', () => {
  it('every relationship from the report, SOURCED_FROM included, names its paragraph', async () => {
    const rows = await db.read(
      `MATCH (a)-[r]->(b)
       WHERE r.sourceId = $source OR (type(r) = 'SOURCED_FROM' AND b.id = $source)
       RETURN a.id AS from, type(r) AS type, b.id AS to, r.locator AS locator`,
      { source: SOURCE },
    );
    // Not a vacuous walk: the file's relationships, plus one SOURCED_FROM per node.
    expect(rows).toHaveLength(report.relationships.length + report.nodes.length);
    const missing = rows.filter((row) => typeof row.locator !== 'string' || !/\balinea [1-8]\b/.test(row.locator));
    expect(missing.map((row) => `${row.from} -[:${row.type}]-> ${row.to}: ${String(row.locator)}`)).toEqual([]);
  });

  it('relationships the report implies but does not state are marked inferred, with a note', async () => {
    const rows = await db.read(
      `MATCH (a)-[r {sourceId: $source}]->(b) WHERE r.inferred = true RETURN type(r) AS type, r.note AS note`,
      { source: SOURCE },
    );
    expect(rows.map((row) => row.type).sort()).toEqual(['ADDRESSES', 'ADDRESSES', 'CONCERNS', 'CONCERNS', ...Array(6).fill('PARTNERS_WITH')]);
    for (const row of rows) expect(String(row.note ?? '').trim().length, String(row.type)).toBeGreaterThan(20);
  });
});

describe('every statement the graph quotes from the report is verbatim', () => {
  it('reads the report text', () => {
    expect(text).toContain('Ambtelijk vakmanschap anno nu');
  });

  it('descriptions, statements, titles, questions, method, roles and points are the report\'s own words', async () => {
    const [row] = await db.read(
      `MATCH (s:Source {id: $source})
       CALL (s) {
         MATCH (n)-[:SOURCED_FROM]->(s)
         UNWIND [
           ['Practice.description', CASE WHEN n:Practice THEN n.description END],
           ['Dilemma.description', CASE WHEN n:Dilemma THEN n.description END],
           ['Conclusion.statement', CASE WHEN n:Conclusion THEN n.statement END],
           ['Meeting.title', CASE WHEN n:Meeting THEN n.title END],
           ['Talk.title', CASE WHEN n:Talk THEN n.title END],
           ['Talk.mainPoint', CASE WHEN n:Talk THEN n.mainPoint END],
           ['Research.method', CASE WHEN n:Research THEN n.method END],
           ['Person.role', CASE WHEN n:Person THEN n.role END]
         ] + [q IN coalesce(CASE WHEN n:Research THEN n.questions END, []) | ['Research.questions', q]] AS pair
         WITH n, pair WHERE pair[1] IS NOT NULL
         RETURN collect([n.id + ' ' + pair[0], pair[1]]) AS fields
       }
       CALL (s) {
         MATCH (a)-[r {sourceId: s.id}]->(b)
         UNWIND [['NAMES.point', r.point], ['SPOKE_AT.role', r.role]] AS pair
         WITH a, b, r, pair WHERE pair[1] IS NOT NULL
         RETURN collect([a.id + ' -[:' + type(r) + ']-> ' + b.id + ' ' + pair[0], pair[1]]) AS relFields
       }
       CALL (s) {
         OPTIONAL MATCH (a)-[r]->(b) WHERE r.sourceId = s.id OR (type(r) = 'SOURCED_FROM' AND b = s)
         UNWIND [r.locator, r.note] AS free
         WITH a, r, free WHERE free IS NOT NULL
         RETURN collect([a.id + ' -[:' + type(r) + ']-> locator/note', free]) AS freeTexts
       }
       RETURN fields + relFields AS quotes, freeTexts + [['Source.locator', s.locator]] AS freeTexts`,
      { source: SOURCE },
    );
    const quotes = row!.quotes as Array<[string, string]>;
    const fromFreeText = (row!.freeTexts as Array<[string, string]>).flatMap(([where, value]) => quotedParts(value).map((quote): [string, string] => [`${where} (quoted)`, quote]));
    // Not vacuous: 7 practices, 3 dilemmas, 3 conclusions, meeting title, talk title and point, method,
    // 3 questions, 2 roles (Hendriks, Houwing), 4 talk points, 2 speaker roles; and the quoted titles in locators and notes.
    expect(quotes.length).toBeGreaterThanOrEqual(28);
    expect(fromFreeText.length).toBeGreaterThanOrEqual(4);
    const notVerbatim = [...quotes, ...fromFreeText].filter(([, quote]) => !inReport(quote));
    expect(notVerbatim).toEqual([]);
  });

  it('the check itself catches a word the report does not have', () => {
    expect(inReport('Werken aan ambtelijk vakmanschap in gemeente in de participatiemaatschappij')).toBe(true);
    expect(inReport('Werken aan ambtelijk vakmanschap in gemeenten in de participatiemaatschappij')).toBe(false);
    expect(inReport('rugdekking, steun en ruimte voor creativiteit voor de medewerkers')).toBe(false);
  });
});
