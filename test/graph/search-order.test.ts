import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { search } from '../../src/analytics/search.js';
import type { Database } from '../../src/db/database.js';
import { applyPublicCopies } from '../../src/db/fulltext.js';
import { NodeType } from '../../src/model/index.js';
import { openTestDatabase, testLogger, uniqueId } from '../support/neo4j.js';

// Two restricted cases of this file's own (unique ids, no edge to any seed node, removed after): titles of
// the same length, and only the first one's hidden summary is full of the searched word. Its id sorts
// last, so a score that still counted the summary would move it to the top.
const slug = uniqueId('o').slice(2);
const word = `zqo${slug.replace(/-/g, '')}`;
const ids = { loud: `case:${slug}-z`, quiet: `case:${slug}-a`, open: `case:${slug}-m` };

let db: Database;
beforeAll(async () => {
  db = openTestDatabase(inject('neo4jUri'), testLogger);
  await db.write(
    `CREATE (:Case {id: $ids.loud, title: 'Testcasus ' + $word + ' alfa', summary: trim(reduce(s = '', i IN range(1, 12) | s + ' ' + $word)), restricted: true})
     CREATE (:Case {id: $ids.quiet, title: 'Testcasus ' + $word + ' beta', summary: 'niets bijzonders', restricted: true})
     CREATE (:Case {id: $ids.open, title: 'Open casus ' + $word, summary: $word + ' ' + $word})`,
    { ids, word },
  );
  // Written by hand, not through a write path of the API: the public copies are mended as at a start.
  await applyPublicCopies(db);
});
afterAll(async () => {
  await db?.write('MATCH (n:Case) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ids) });
  await db?.close();
});

const hits = async (includeRestricted: boolean) =>
  (await search(db, { query: word, includeRestricted })).map((hit) => ({ id: hit.node.id, score: hit.score }));

describe('search order never leaks a hidden summary', () => {
  it('ranks restricted cases by their public text only for viewers who may not read the summary', async () => {
    const anonymous = await hits(false);
    const loud = anonymous.find((hit) => hit.id === ids.loud)!;
    const quiet = anonymous.find((hit) => hit.id === ids.quiet)!;
    expect(loud, 'the title matches, so the case is found').toBeDefined();
    expect(quiet).toBeDefined();
    // Same public text, same score: ties go by id, so the quiet case (id …-a) comes first.
    expect(loud.score).toBeCloseTo(quiet.score, 10);
    expect(anonymous.findIndex((hit) => hit.id === ids.quiet)).toBeLessThan(anonymous.findIndex((hit) => hit.id === ids.loud));
    // An open case still counts its summary.
    expect(anonymous.find((hit) => hit.id === ids.open)!.score).toBeGreaterThan(quiet.score);
  });

  it('the same summary does raise the score for a viewer allowed to read it (so the test above can fail)', async () => {
    const editor = await hits(true);
    const loud = editor.find((hit) => hit.id === ids.loud)!;
    const quiet = editor.find((hit) => hit.id === ids.quiet)!;
    expect(loud.score).toBeGreaterThan(quiet.score * 1.5);
    expect(editor[0]!.id).toBe(ids.loud);
  });

  it('hidden text does not move a public hit\'s score either (the viewer\'s index does not hold it)', async () => {
    const scoreOfOpen = async (includeRestricted: boolean) => (await hits(includeRestricted)).find((hit) => hit.id === ids.open)!.score;
    const before = { viewer: await scoreOfOpen(false), editor: await scoreOfOpen(true) };
    // Only hidden text changes: the quiet case's summary now holds the word too (one more document with it).
    await db.write('MATCH (c:Case {id: $id}) SET c.summary = $summary', { id: ids.quiet, summary: `${word} ${word} ${word}` });
    await applyPublicCopies(db);
    try {
      const after = { viewer: await scoreOfOpen(false), editor: await scoreOfOpen(true) };
      expect(after.viewer).toBe(before.viewer);
      // For an editor, who may read it, the statistics do move (so the line above can fail).
      expect(after.editor).not.toBeCloseTo(before.editor, 6);
    } finally {
      await db.write("MATCH (c:Case {id: $id}) SET c.summary = 'niets bijzonders'", { id: ids.quiet });
    }
  });

  it('a type filter still applies to hidden cases', async () => {
    expect(await search(db, { query: word, types: [NodeType.PRACTICE] })).toEqual([]);
  });
});

describe('search that reads only the ids of the nodes found', () => {
  it('finds the same hits in the same order, with the same labels, types and flags, as a search that reads the whole node', async () => {
    for (const query of ['vertrouwen', 'buurt', word]) {
      const whole = await search(db, { query, first: 50 });
      const lean = await search(db, { query, first: 50, nodeProperties: ['id'] });
      expect(whole.length).toBeGreaterThan(0);
      const summary = (hit: (typeof whole)[number]) => ({ id: hit.node.id, score: hit.score, type: hit.type, label: hit.label, synthetic: hit.synthetic });
      expect(lean.map(summary)).toEqual(whole.map(summary));
      // …while the whole node has properties the lean one was never sent.
      const leanNode = (id: string) => lean.find((hit) => hit.node.id === id)!.node;
      expect(whole.some((hit) => Object.keys(hit.node).some((key) => !(key in leanNode(hit.node.id))))).toBe(true);
    }
  });
});
