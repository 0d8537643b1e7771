/**
 * The text rules of every write path: mutations (`create*`, `update*`, `link` and its relationship
 * properties), `importGraph`, `importCsv`, the command-line import and every importer to come. Whatever
 * writes text into the graph checks it here first, so a value refused on one path is refused on all:
 *
 * - length: at most the property's `maxLength` in model.ts (`maxLengthOf`): short texts (names, titles, roles) 500
 *   characters, long ones (descriptions, summaries, statements, evidence) 10,000; ids at most 200, far
 *   below Neo4j's index key limit (~8 kB), which otherwise fails the write with "Property value is too
 *   large to index";
 * - no control characters except tab, line feed and carriage return (C0, DEL and C1 are refused: a NUL
 *   would reach every export and CSV file);
 * - valid Unicode only: a lone surrogate is refused rather than stored as U+FFFD by the driver.
 *
 * Files are read with `decodeUtf8`: UTF-8 only, a byte order mark accepted and stripped; anything else is
 * refused naming the encoding found or the first byte that is not UTF-8.
 *
 * Lengths count Unicode characters (code points), as class-validator's `MaxLength` does.
 */

/** Longest id: well below Neo4j's ~8 kB index key limit, even at 4 bytes a character. */
export const MAX_ID_LENGTH = 200;
/** Default limit of a text property: names, titles, roles, locators of a position in a source. */
export const SHORT_TEXT = 500;
/** Limit of the long text properties (descriptions, summaries, statements, evidence). */
export const LONG_TEXT = 10_000;

/** The limit of a text property: its `maxLength`, else `SHORT_TEXT`. */
export function maxLengthOf(spec: { maxLength?: number }): number {
  return spec.maxLength ?? SHORT_TEXT;
}

// C0 controls except tab (09), line feed (0A) and carriage return (0D); DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a text under the rules above, as the end of a sentence that starts with the field's
 * name (`is 12,000 characters long; at most 10,000 are allowed`); undefined when it is fine.
 */
export function textProblem(value: string, maxLength: number): string | undefined {
  // Length first: cheap, and spares scanning a 50 MB value for anything else.
  if (value.length > maxLength) {
    const length = characterCount(value);
    if (length > maxLength) return `is ${length.toLocaleString('en')} characters long; at most ${maxLength.toLocaleString('en')} are allowed`;
  }
  const control = CONTROL.exec(value);
  if (control) {
    return `contains the control character ${codePoint(control[0])} at character ${characterCount(value.slice(0, control.index)) + 1}; only tab, line feed and carriage return are allowed`;
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return `is not valid Unicode: a lone surrogate ${codePoint(surrogate[0])} at character ${characterCount(value.slice(0, surrogate.index)) + 1}`;
  }
  return undefined;
}

/** Most items of a list of texts (`stringList`, e.g. a research's questions). */
export const MAX_LIST_ITEMS = 100;

/**
 * `textProblem` of a property value: a text property (`type: 'string'`) given a string, or each item of a
 * list of texts (`stringList`; each item within the property's limit, at most `MAX_LIST_ITEMS` items);
 * undefined for anything else (other types have their own checks).
 */
export function propertyTextProblem(value: unknown, spec: { type: string; maxLength?: number }): string | undefined {
  if (spec.type === 'string' && typeof value === 'string') return textProblem(value, maxLengthOf(spec));
  if (spec.type === 'stringList' && Array.isArray(value)) {
    if (value.length > MAX_LIST_ITEMS) return `has ${value.length.toLocaleString('en')} items; at most ${MAX_LIST_ITEMS} are allowed`;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const problem = typeof item === 'string' ? textProblem(item, maxLengthOf(spec)) : undefined;
      if (problem) return `item ${i + 1} ${problem}`;
    }
  }
  return undefined;
}

/** What is wrong with the length of an id (its shape is `ID_PATTERN`'s business); undefined when fine. */
export function idLengthProblem(id: string): string | undefined {
  return id.length > MAX_ID_LENGTH ? `is ${id.length.toLocaleString('en')} characters long; ids are at most ${MAX_ID_LENGTH}` : undefined;
}

/**
 * A value quoted for an error message, cut to `max` characters (`"xxxx…" (100,000 characters)`), so a
 * refused 50 MB value is not echoed back whole.
 */
export function preview(value: unknown, max = 60): string {
  if (typeof value !== 'string') {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > max ? `${json.slice(0, max)}…` : json;
  }
  if (value.length <= max) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, max))}… (${value.length.toLocaleString('en')} characters)`;
}

/** Code points in a string (a surrogate pair is one character, a lone surrogate one too). */
function characterCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A file's text, or why it is not UTF-8 (`is UTF-16 LE (byte order mark FF FE at byte 0); …`). */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: string };

const SAVE_AS = 'only UTF-8 is accepted: save the file as UTF-8';
const BOMS: Array<[string, number[]]> = [
  // UTF-32 LE before UTF-16 LE: its mark begins with UTF-16 LE's.
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
  ['UTF-16 BE', [0xfe, 0xff]],
];

/**
 * Decodes a file's bytes as UTF-8: a UTF-8 byte order mark is accepted and stripped; a UTF-16/UTF-32 byte
 * order mark, a NUL byte (UTF-16 without a mark, or a binary file) or a byte sequence that is not UTF-8
 * (Latin-1's `é` is 0xE9) is refused naming the encoding or the byte offset (from 0), never decoded as
 * U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  for (const [name, mark] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return { ok: false, problem: `is ${name} (byte order mark ${hex(mark)} at byte 0); ${SAVE_AS}` };
    }
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return { ok: false, problem: `has a NUL byte at byte ${nul + start} (UTF-16 without a byte order mark, or not a text file?); ${SAVE_AS}` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const offset = firstInvalidByte(body) + start;
    const byte = bytes[offset]!;
    return { ok: false, problem: `is not valid UTF-8 at byte ${offset} (0x${hex([byte])}; Latin-1 or Windows-1252?); ${SAVE_AS}` };
  }
}

/**
 * Offset of the first byte that is not part of valid UTF-8. A valid prefix survives decoding and
 * re-encoding unchanged, while the first invalid sequence becomes U+FFFD (EF BF BD): the first byte
 * that differs is where it starts.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const roundTrip = new TextEncoder().encode(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  let i = 0;
  while (i < bytes.length && bytes[i] === roundTrip[i]) i++;
  return i;
}

function hex(bytes: number[]): string {
  return bytes.map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
