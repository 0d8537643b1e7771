import { stringify } from 'csv-stringify/sync';
import type { Random } from './fuzz.js';

/**
 * Generators of hostile write requests for the write fuzzing (write-fuzz.test.ts): mutations and the two
 * import formats (JSON document, nodes.csv + edges.csv), with text that breaks the model's rules (control
 * characters, lone surrogates, over-long values and ids, shifted CSV cells) mixed with valid values, so
 * that some writes succeed and the refused ones can be checked to have written nothing.
 *
 * Every id a request can write lies under `<type>:<slug>-…` of the run's own slug (a few ids, so creates,
 * updates, links and deletes collide), never a seed id: the test can fingerprint and remove all of it.
 */

/** A GraphQL request with a label for reports (`createPractice`, `importCsv`, …). */
export interface WriteRequest {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f'];
const ALLOWED_WHITESPACE = ['\t', '\n', '\r', '\r\n'];
const SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D'];
const PLAIN = ['vertrouwen', 'Loslaten of sturen', 'Café ☕', 'ë ü ç — 漢字 🙂', "' OR 1=1 //", '"aanhalingstekens"', 'Hello, world', 'a;b', '\\', '', '   '];

/** A text: mostly fine (about 3 in 4), else with a control character, a lone surrogate, or over a limit. */
export function text(rng: Random): string {
  const base = rng.pick(PLAIN);
  switch (rng.int(0, 24)) {
    case 0: return insert(rng, base || 'x', rng.pick(CONTROL));
    case 1: return insert(rng, base || 'x', rng.pick(SURROGATES));
    case 2: return insert(rng, base || 'x', rng.pick(ALLOWED_WHITESPACE));
    case 3: return 'x'.repeat(rng.pick([499, 500, 501, 2_000]));
    case 4: return 'é'.repeat(rng.pick([9_999, 10_000, 10_001, 60_000]));
    case 5: return Array.from({ length: rng.int(1, 40) }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
    default: return base;
  }
}

function insert(rng: Random, into: string, what: string): string {
  const at = rng.int(0, into.length);
  return into.slice(0, at) + what + into.slice(at);
}

/** Ids of the run: a handful of own ids per type (mostly), and hostile ones (over-long, wrong shape, control characters). */
export function idGenerator(slug: string, rng: Random) {
  return (prefix: string): string => {
    switch (rng.int(0, 19)) {
      case 0: return `${prefix}:${slug}-${'a'.repeat(rng.pick([150, 9_000, 20_000]))}`;
      case 1: return `${prefix}:${slug}-${rng.pick(['Hoofdletter', 'met spatie', 'nul\u0000', 'dubbel--streep', ''])}`;
      case 2: return `${rng.pick(['onbekend', 'practice', 'dilemma'])}:${slug}-${rng.int(0, 3)}`;
      default: return `${prefix}:${slug}-${rng.int(0, 3)}`;
    }
  };
}

const TYPES = [
  { label: 'Practice', prefix: 'practice', display: 'name', fields: (rng: Random) => ({ name: text(rng), kind: rng.chance(0.9) ? rng.pick(['SKILL', 'ROUTINE']) : 'HOBBY', description: maybe(rng, text), gloss: maybe(rng, text) }) },
  { label: 'Dilemma', prefix: 'dilemma', display: 'name', fields: (rng: Random) => ({ name: text(rng), description: maybe(rng, text) }) },
  { label: 'Employee', prefix: 'employee', display: 'pseudonym', fields: (rng: Random) => ({ pseudonym: text(rng), role: maybe(rng, text), department: maybe(rng, text) }) },
  { label: 'Case', prefix: 'case', display: 'title', fields: (rng: Random) => ({ title: text(rng), summary: maybe(rng, text), year: rng.chance(0.8) ? rng.int(1990, 2030) : rng.pick([-1, 2.5]), restricted: rng.chance(0.5) }) },
] as const;

const RELATIONSHIPS = [
  ['Employee', 'USES', 'Practice'],
  ['Practice', 'ADDRESSES', 'Dilemma'],
  ['Case', 'APPLIES', 'Practice'],
  ['Case', 'RAISES', 'Dilemma'],
] as const;

function maybe<T>(rng: Random, make: (rng: Random) => T): T | undefined {
  return rng.chance(0.5) ? make(rng) : undefined;
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** One random write request of any kind. */
export function writeRequest(rng: Random, slug: string): WriteRequest {
  const id = idGenerator(slug, rng);
  const type = rng.pick(TYPES);
  switch (rng.int(0, 7)) {
    case 0:
    case 1: {
      const input: Record<string, unknown> = { ...defined(type.fields(rng)), ...(rng.chance(0.2) ? { sourceLocator: text(rng) } : {}) };
      // Without an id the id derives from the display text: starting it with the slug keeps it in the run's namespace.
      if (rng.chance(0.9)) input.id = id(type.prefix);
      else input[type.display] = `${slug} ${String(input[type.display])}`;
      return { kind: `create${type.label}`, query: `mutation ($input: Create${type.label}Input!) { create${type.label}(input: $input) { id } }`, variables: { input } };
    }
    case 2: {
      const fields = defined(type.fields(rng));
      const input = Object.fromEntries(Object.entries(fields).filter(() => rng.chance(0.5)));
      return { kind: `update${type.label}`, query: `mutation ($id: ID!, $input: Update${type.label}Input!) { update${type.label}(id: $id, input: $input) { id } }`, variables: { id: id(type.prefix), input } };
    }
    case 3: {
      const [from, relType, to, properties] = rng.pick([
        [id('employee'), 'USES', id('practice'), { evidence: text(rng), restricted: rng.chance(0.5) }],
        [id('practice'), 'ADDRESSES', id('dilemma'), rng.chance(0.2) ? { evidence: text(rng) } : null],
        [id('case'), 'APPLIES', id('practice'), null],
        [id('case'), rng.pick(['RAISES', 'NOT_A_TYPE', text(rng)]), id('dilemma'), null],
      ] as const);
      return {
        kind: 'link',
        query: 'mutation ($from: ID!, $type: String!, $to: ID!, $properties: JSONObject) { link(from: $from, type: $type, to: $to, properties: $properties) { id } }',
        variables: { from, type: relType, to, properties },
      };
    }
    case 4:
      return { kind: 'deleteNode', query: 'mutation ($id: ID!) { deleteNode(id: $id) }', variables: { id: id(type.prefix) } };
    case 5:
    case 6:
      return { kind: 'importGraph', query: 'mutation ($document: JSONObject!) { importGraph(document: $document) { nodes { created } } }', variables: { document: jsonDocument(rng, slug, id) } };
    default:
      return { kind: 'importCsv', query: 'mutation ($nodes: String!, $edges: String) { importCsv(nodes: $nodes, edges: $edges) { nodes { created } } }', variables: csvPair(rng, id) };
  }
}

/** A document in the seed format: a few nodes and relationships, now and then broken in shape or text. */
function jsonDocument(rng: Random, slug: string, id: (prefix: string) => string): unknown {
  const nodes = Array.from({ length: rng.int(1, 3) }, () => {
    const type = rng.pick(TYPES);
    const node: Record<string, unknown> = { type: type.label, id: id(type.prefix), ...defined(type.fields(rng)) };
    if (rng.chance(0.2)) node.sourceLocator = text(rng);
    if (rng.chance(0.05)) node.unknownProperty = text(rng);
    return node;
  });
  const ids = nodes.map((node) => node.id);
  // Mostly triples the model allows between the document's nodes, when it has the labels for one.
  const allowed = RELATIONSHIPS.flatMap(([from, type, to]) =>
    nodes.filter((a) => a.type === from).flatMap((a) => nodes.filter((b) => b.type === to).map((b) => ({ from: a.id, type, to: b.id }))),
  );
  const relationships = Array.from({ length: rng.int(0, 2) }, () => {
    const triple = allowed.length > 0 && rng.chance(0.8)
      ? rng.pick(allowed)
      : { from: rng.pick(ids), type: rng.pick(['USES', 'ADDRESSES', 'APPLIES', 'RAISES', 'SOURCED_FROM']), to: rng.pick(ids) };
    return { ...triple, ...(triple.type === 'USES' && rng.chance(0.7) ? { properties: { evidence: text(rng), restricted: rng.chance(0.5) } } : {}) };
  });
  const source = { id: `source:${slug}-bron`, title: rng.chance(0.9) ? 'Fuzzbron' : text(rng), kind: 'DOCUMENT', synthetic: true };
  switch (rng.int(0, 15)) {
    case 0: return { nodes, relationships };
    case 1: return { source, nodes: 'geen lijst', relationships };
    case 2: return { source, nodes: [...nodes, null, 42], relationships };
    default: return { source, nodes, relationships };
  }
}

/**
 * A nodes.csv (+ edges.csv) pair: cells quoted properly by csv-stringify, or joined naively (an unquoted
 * comma or line break shifts the row), or a row with a cell too many or too few.
 */
function csvPair(rng: Random, id: (prefix: string) => string): { nodes: string; edges?: string } {
  const header = ['Id', 'Label', 'Type', 'name', 'kind', 'description', 'pseudonym', 'title', 'summary', 'year', 'restricted'];
  const rows = Array.from({ length: rng.int(1, 4) }, () => {
    const type = rng.pick(TYPES);
    const fields = type.fields(rng) as Record<string, unknown>;
    const row = header.map((column) => {
      if (column === 'Id') return id(type.prefix);
      if (column === 'Type') return type.label;
      if (column === 'Label') return '';
      const value = fields[column];
      return value === undefined ? '' : String(value);
    });
    if (rng.chance(0.1)) row.push('extra');
    if (rng.chance(0.05)) row.pop();
    return row;
  });
  const naive = rng.chance(0.25);
  const table = (lines: string[][]) => (naive ? lines.map((line) => line.join(',')).join('\n') : stringify(lines));
  const nodes = table([header, ...rows]);
  if (rng.chance(0.5)) return { nodes };
  const ids = rows.map((row) => row[0]!);
  const edges = table([
    ['Source', 'Target', 'Type', 'Label', 'evidence'],
    ...Array.from({ length: rng.int(1, 3) }, () => [rng.pick(ids), rng.pick(ids), 'Directed', rng.pick(['USES', 'ADDRESSES', 'APPLIES', 'RAISES']), rng.chance(0.5) ? text(rng) : '']),
  ]);
  return { nodes, edges };
}
