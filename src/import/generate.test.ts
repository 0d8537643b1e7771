import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../model/index.js';
import { validateDocument, type ExistingIds } from './document.js';
import { countsForScale, dutchMunicipalities, generateGraph, SYNTHETIC_SOURCE_ID } from './generate.js';

const nothingExists: ExistingIds = async () => new Set();

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe('the municipality list', () => {
  it('holds the 342 municipalities of 2023 in 12 provinces, with distinct ids', () => {
    const all = dutchMunicipalities();
    expect(all).toHaveLength(342);
    expect(countBy(all, (m) => m.province)).toEqual({
      Groningen: 10, 'Fryslân': 18, Drenthe: 12, Overijssel: 25, Flevoland: 6, Gelderland: 51, Utrecht: 26,
      'Noord-Holland': 44, 'Zuid-Holland': 50, Zeeland: 13, 'Noord-Brabant': 56, Limburg: 31,
    });
    expect(all.map((m) => m.name)).toEqual(expect.arrayContaining(['Tilburg', 'Voorne aan Zee', "'s-Gravenhage", 'Súdwest-Fryslân']));
    expect(all.map((m) => m.name)).not.toContain('Weesp');
  });
});

describe('countsForScale', () => {
  it('gives the issue\'s numbers at scale 1 and floors at small scales', () => {
    expect(countsForScale(1)).toEqual({ municipalities: 342, employees: 20_000, practices: 500, dilemmas: 40, cases: 100_000 });
    expect(countsForScale(0.1)).toEqual({ municipalities: 50, employees: 2_000, practices: 50, dilemmas: 10, cases: 10_000 });
    expect(countsForScale(2).municipalities).toBe(342);
  });

  it.each([0, -1, 11, Number.NaN])('refuses scale %s', (scale) => {
    expect(() => countsForScale(scale)).toThrow(RangeError);
  });
});

describe('generateGraph', () => {
  const graph = generateGraph({ scale: 0.01 });
  const { document } = graph;

  it('has the planned number of nodes of each type, all with valid, distinct ids', () => {
    expect(graph.counts).toEqual({ municipalities: 50, employees: 200, practices: 50, dilemmas: 10, cases: 1_000 });
    expect(countBy(document.nodes, (n) => n.type as string)).toEqual({ Municipality: 50, Employee: 200, Practice: 50, Dilemma: 10, Case: 1_000 });
    const ids = document.nodes.map((n) => n.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
  });

  it('hangs everything off one synthetic, illustrative source', () => {
    expect(document.source).toMatchObject({ id: SYNTHETIC_SOURCE_ID, kind: 'ILLUSTRATIVE', synthetic: true });
  });

  it('is shaped like the real graph: one workplace per employee, one municipality and one author per case', () => {
    const byType = countBy(document.relationships, (r) => r.type as string);
    expect(byType.WORKS_AT).toBe(200);
    expect(byType.DESCRIBED).toBe(1_000);
    expect(byType.IN).toBe(1_000);
    // 3-9 practices per employee (mean 6), 1-2 per case (mean 1.5), 1-2 dilemmas per case (mean 1.1), 1-3 per practice.
    expect(byType.USES).toBeGreaterThanOrEqual(200 * 5);
    expect(byType.USES).toBeLessThanOrEqual(200 * 7);
    expect(byType.APPLIES).toBeGreaterThanOrEqual(1_000 * 1.35);
    expect(byType.APPLIES).toBeLessThanOrEqual(1_000 * 1.65);
    expect(byType.RAISES).toBeGreaterThanOrEqual(1_000 * 1.0);
    expect(byType.RAISES).toBeLessThanOrEqual(1_000 * 1.2);
    expect(byType.ADDRESSES).toBeGreaterThanOrEqual(50);
    expect(byType.ADDRESSES).toBeLessThanOrEqual(150);
    expect(graph.relationshipCounts).toEqual(byType);
    // A case is in the municipality where its author works.
    const worksAt = new Map(document.relationships.filter((r) => r.type === 'WORKS_AT').map((r) => [r.from, r.to]));
    const caseIn = new Map(document.relationships.filter((r) => r.type === 'IN').map((r) => [r.from, r.to]));
    for (const r of document.relationships.filter((rel) => rel.type === 'DESCRIBED')) {
      expect(caseIn.get(r.to)).toBe(worksAt.get(r.from));
    }
  });

  it('passes the bulk import\'s validation (every triple allowed, every property well typed)', async () => {
    const result = await validateDocument(document, nothingExists);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    expect(generateGraph({ scale: 0.01 })).toEqual(graph);
    expect(generateGraph({ scale: 0.01, seed: 7 }).document.relationships).not.toEqual(document.relationships);
  });

  it('names fixtures that exist in the document', () => {
    const ids = new Set(document.nodes.map((n) => n.id));
    const { fixtures } = graph;
    expect(fixtures.municipalityIds).toHaveLength(10);
    for (const id of [fixtures.practiceId, fixtures.dilemmaId, fixtures.municipalityId, ...fixtures.municipalityIds]) expect(ids.has(id)).toBe(true);
    expect(document.nodes.some((n) => typeof n.title === 'string' && n.title.toLowerCase().includes(fixtures.searchText))).toBe(true);
  });

  it('reaches about 600,000 relationships at scale 1', () => {
    const full = generateGraph({ scale: 1 });
    expect(full.document.nodes).toHaveLength(342 + 20_000 + 500 + 40 + 100_000);
    expect(full.document.relationships.length).toBeGreaterThan(570_000);
    expect(full.document.relationships.length).toBeLessThan(630_000);
    expect(new Set(full.document.nodes.filter((n) => n.type === 'Practice').map((n) => n.name)).size).toBe(500);
    expect(new Set(full.document.nodes.filter((n) => n.type === 'Dilemma').map((n) => n.name)).size).toBe(40);
  });
});
