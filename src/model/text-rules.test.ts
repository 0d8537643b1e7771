import { describe, expect, it } from 'vitest';
import { decodeUtf8, idLengthProblem, LONG_TEXT, MAX_ID_LENGTH, maxLengthOf, preview, propertyTextProblem, SHORT_TEXT, textProblem } from './text-rules.js';
import { NODE_SPECS, NodeType, RELATIONSHIP_SPECS } from './model.js';
import { MAX_SEARCH_KEY, searchKeyOf } from './search-key.js';

describe('textProblem', () => {
  it('accepts ordinary text with tabs, newlines, carriage returns, diacritics and emoji', () => {
    expect(textProblem('Café\tüber\r\nnaïef 🙂 漢字', 100)).toBeUndefined();
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(textProblem('🙂'.repeat(10), 10)).toBeUndefined();
    expect(textProblem('🙂'.repeat(11), 10)).toBe('is 11 characters long; at most 10 are allowed');
    expect(textProblem('x'.repeat(50_000_000), LONG_TEXT)).toBe('is 50,000,000 characters long; at most 10,000 are allowed');
  });

  it('refuses control characters other than tab, line feed and carriage return, naming the character and where', () => {
    expect(textProblem('ab\u0000c', 100)).toBe('contains the control character U+0000 at character 3; only tab, line feed and carriage return are allowed');
    expect(textProblem('🙂\u001b[31m', 100)).toMatch(/U\+001B at character 2;/);
    expect(textProblem('x\u007f', 100)).toMatch(/U\+007F/);
    expect(textProblem('x\u0085', 100)).toMatch(/U\+0085/);
  });

  it('refuses lone surrogates (high or low) but not pairs', () => {
    expect(textProblem('a\uD800b', 100)).toBe('is not valid Unicode: a lone surrogate U+D800 at character 2');
    expect(textProblem('ab\uDC00', 100)).toBe('is not valid Unicode: a lone surrogate U+DC00 at character 3');
    expect(textProblem('\uD83D\uDE42', 100)).toBeUndefined();
  });
});

describe('limits from the model', () => {
  it('short texts by default, long ones for descriptions, summaries, statements and evidence', () => {
    expect(maxLengthOf(NODE_SPECS[NodeType.PRACTICE].properties.name!)).toBe(SHORT_TEXT);
    expect(maxLengthOf(NODE_SPECS[NodeType.PRACTICE].properties.description!)).toBe(LONG_TEXT);
    expect(maxLengthOf(NODE_SPECS[NodeType.CONCLUSION].properties.statement!)).toBe(LONG_TEXT);
    expect(maxLengthOf(NODE_SPECS[NodeType.CASE].properties.summary!)).toBe(LONG_TEXT);
    const uses = RELATIONSHIP_SPECS.find((spec) => spec.type === 'USES')!;
    expect(propertyTextProblem('x'.repeat(LONG_TEXT + 1), uses.properties.evidence!)).toMatch(/at most 10,000/);
    expect(propertyTextProblem('x'.repeat(SHORT_TEXT + 1), NODE_SPECS[NodeType.PERSON].properties.name!)).toMatch(/at most 500/);
    // Only text properties are checked here (the others have their own type checks).
    expect(propertyTextProblem(42, NODE_SPECS[NodeType.PERSON].properties.name!)).toBeUndefined();
  });

  it('lists of texts: each item by the text rules, at most 100 items', () => {
    const questions = NODE_SPECS[NodeType.RESEARCH].properties.questions!;
    expect(propertyTextProblem(['Wat werkt?', 'Waarom?'], questions)).toBeUndefined();
    expect(propertyTextProblem(['Wat werkt?', 'Nul\u0000'], questions)).toMatch(/^item 2 contains the control character U\+0000 at character 4;/);
    expect(propertyTextProblem(['x'.repeat(SHORT_TEXT + 1)], questions)).toBe('item 1 is 501 characters long; at most 500 are allowed');
    expect(propertyTextProblem(Array.from({ length: 101 }, () => 'x'), questions)).toBe('has 101 items; at most 100 are allowed');
  });

  it('ids at most 200 characters', () => {
    expect(idLengthProblem(`practice:${'a'.repeat(MAX_ID_LENGTH - 9)}`)).toBeUndefined();
    expect(idLengthProblem(`practice:${'a'.repeat(9_000)}`)).toBe('is 9,009 characters long; ids are at most 200');
  });

  it('previews long values shortly', () => {
    expect(preview('abc')).toBe('"abc"');
    expect(preview('x'.repeat(100_000), 5)).toBe('"xxxxx"… (100,000 characters)');
  });
});

describe('searchKeyOf', () => {
  it('cuts the folded key to MAX_SEARCH_KEY units, never inside a surrogate pair', () => {
    expect(searchKeyOf('\uFDFA'.repeat(10_000)).length).toBe(MAX_SEARCH_KEY);
    const emoji = searchKeyOf(`x${'🙂'.repeat(5_000)}`);
    expect(emoji.length).toBe(MAX_SEARCH_KEY - 1);
    expect(textProblem(emoji, MAX_SEARCH_KEY)).toBeUndefined();
    expect(searchKeyOf('Geïnterviewd')).toBe('geinterviewd');
  });
});

describe('decodeUtf8', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('decodes UTF-8 and strips a byte order mark', () => {
    expect(decodeUtf8(utf8('Café 🙂'))).toEqual({ ok: true, text: 'Café 🙂' });
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, ...utf8('{"a":1}')))).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('refuses Latin-1 naming the byte offset, instead of decoding it as U+FFFD', () => {
    // "Café" in Latin-1: é is 0xE9 at byte 3.
    expect(decodeUtf8(bytes(0x43, 0x61, 0x66, 0xe9))).toEqual({
      ok: false,
      problem: 'is not valid UTF-8 at byte 3 (0xE9; Latin-1 or Windows-1252?); only UTF-8 is accepted: save the file as UTF-8',
    });
    // After a BOM and a valid multi-byte character the offset still counts from the file's start.
    const result = decodeUtf8(bytes(0xef, 0xbb, 0xbf, ...utf8('é'), 0x41, 0xff));
    expect(result.ok === false && result.problem).toMatch(/^is not valid UTF-8 at byte 6 \(0xFF;/);
  });

  it('names UTF-16 and UTF-32 by their byte order marks, and a NUL byte', () => {
    expect(decodeUtf8(bytes(0xff, 0xfe, 0x7b, 0x00))).toEqual({ ok: false, problem: 'is UTF-16 LE (byte order mark FF FE at byte 0); only UTF-8 is accepted: save the file as UTF-8' });
    expect(decodeUtf8(bytes(0xfe, 0xff, 0x00, 0x7b))).toMatchObject({ ok: false, problem: expect.stringMatching(/^is UTF-16 BE/) });
    expect(decodeUtf8(bytes(0xff, 0xfe, 0x00, 0x00))).toMatchObject({ ok: false, problem: expect.stringMatching(/^is UTF-32 LE/) });
    expect(decodeUtf8(bytes(0x7b, 0x00, 0x7d, 0x00))).toMatchObject({ ok: false, problem: expect.stringMatching(/^has a NUL byte at byte 1/) });
  });
});

describe('decodeUtf8 over random bytes (seeded)', () => {
  // mulberry32, as test/hardening/fuzz.ts: a failing case can be replayed.
  let state = 20261201;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const RUNS = 5_000;

  it(`${RUNS} files of random bytes: decoded text round-trips exactly, refusals name a byte inside the file`, () => {
    const pieces = [[0x41], [0xc3, 0xa9], [0xe2, 0x98, 0x95], [0xf0, 0x9f, 0x99, 0x82], [0xe9], [0x80], [0xc3], [0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0x00], [0x0a]];
    let accepted = 0;
    for (let run = 0; run < RUNS; run++) {
      const bytes = Uint8Array.from(Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]!).flat());
      const result = decodeUtf8(bytes);
      if (result.ok) {
        accepted++;
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        // Nothing was replaced: the text is exactly the bytes (after a stripped BOM).
        expect(Buffer.from(result.text, 'utf8').equals(Buffer.from(bytes.subarray(bom)))).toBe(true);
        expect(result.text).not.toContain('\uFFFD');
      } else {
        const offset = Number(/at byte (\d+)/.exec(result.problem)?.[1]);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThan(bytes.length);
      }
    }
    // Both outcomes occur.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(accepted).toBeLessThan(RUNS);
  });
});
