import {
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
} from 'graphql';

/** A small seeded PRNG (mulberry32): a failing run can be replayed with its seed. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof random>;

/** A GraphQL request as sent: `{ query, variables, operationName? }`. */
export interface GeneratedRequest {
  query: string;
  variables: Record<string, unknown>;
}

const INTS = [0, 1, 2, 3, 5, 10, 20, 50, 100, 101, -1, 2_000, 2_147_483_647];
const STRINGS = [
  '',
  'vertrouwen',
  'loslaten',
  'Breda',
  'wijkregisseur',
  '"loslaten of sturen"',
  'ë ü ç — 漢字 🙂',
  'x'.repeat(300),
  "' OR 1=1 //",
  '*',
  '\\',
  'USES',
  'SOURCED_FROM',
  'NOT_A_TYPE',
];
const IDS = [
  'municipality:breda',
  'municipality:tilburg',
  'practice:vertrouwen',
  'practice:heldere-visie-en-kaders',
  'dilemma:loslaten-of-sturen',
  'meeting:leerkring-2018-03-14',
  'research:ambtelijk-vakmanschap',
  'source:leerkring-2018-03-14',
  'person:merlijn-van-hulst',
  'organisation:vng',
  'conclusion:nieuwe-werkgeversrol',
  'practice:bestaat-niet',
  'onbekend:iets',
  'geen-prefix',
  '',
  'municipality:',
];

/**
 * Random VALID operations over `schema`: fields, arguments (as variables, with values of the right types
 * but arbitrary content: sizes out of range, unknown ids, odd strings), nested selections up to
 * `maxDepth`, inline fragments on interfaces. Valid GraphQL, not necessarily acceptable input: the server
 * must answer each with data or a client error.
 */
export class OperationGenerator {
  private variables: Record<string, unknown> = {};
  private definitions: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Random,
    private readonly maxDepth = 6,
  ) {}

  /** A query (or, with `mutationShare`, a mutation) with 1 to 3 root fields. */
  operation(mutationShare = 0.1): GeneratedRequest {
    this.variables = {};
    this.definitions = [];
    const mutation = this.schema.getMutationType();
    const root = mutation && this.rng.chance(mutationShare) ? mutation : this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    for (let i = this.rng.int(1, 3); i > 0; i--) chosen.add(this.rng.pick(fields));
    const selections = [...chosen].map((field) => this.field(field, 1));
    const kind = root === mutation ? 'mutation' : 'query';
    const header = this.definitions.length ? `(${this.definitions.join(', ')})` : '';
    return { query: `${kind} Fuzz${header} { ${selections.join(' ')} }`, variables: this.variables };
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined ? true : this.rng.chance(0.4))
      .map((arg) => `${arg.name}: ${this.variable(arg)}`);
    const call = args.length ? `${field.name}(${args.join(', ')})` : field.name;
    const type = getNamedType(field.type);
    return isLeafType(type) ? call : `${call} { ${this.selection(type, depth + 1)} }`;
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (isAbstractType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const parts = ['__typename'];
      if (isInterfaceType(type)) parts.push(this.objectSelection(type.getFields(), depth));
      for (let i = this.rng.int(0, 2); i > 0 && depth < this.maxDepth; i--) {
        const concrete = this.rng.pick(possible);
        parts.push(`... on ${concrete.name} { ${this.objectSelection(concrete.getFields(), depth + 1)} }`);
      }
      return parts.join(' ');
    }
    if (isObjectType(type) || isInterfaceType(type)) return this.objectSelection(type.getFields(), depth);
    return '__typename';
  }

  private objectSelection(fieldMap: Record<string, GraphQLField<unknown, unknown>>, depth: number): string {
    const fields = Object.values(fieldMap);
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    const candidates = depth >= this.maxDepth ? leaves : fields;
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    for (let i = this.rng.int(1, 4); i > 0 && candidates.length; i--) chosen.add(this.rng.pick(candidates));
    const parts = [...chosen].map((field) => this.field(field, depth));
    return parts.length ? parts.join(' ') : '__typename';
  }

  private variable(arg: GraphQLArgument): string {
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${arg.type.toString()}`);
    this.variables[name] = this.value(arg.type, arg.name, 0);
    return `$${name}`;
  }

  /** A value of `type` (never null for a non-null type): the shape is right, the content arbitrary. */
  value(type: GraphQLInputType, name: string, depth: number): unknown {
    if (!isNonNullType(type) && this.rng.chance(0.1)) return null;
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) {
      return Array.from({ length: this.rng.int(0, 3) }, () => this.value(inner.ofType as GraphQLInputType, name, depth + 1));
    }
    if (isEnumType(inner)) return this.rng.pick(inner.getValues()).name;
    if (isInputObjectType(inner)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (required || (depth < 3 && this.rng.chance(0.4))) out[field.name] = this.value(field.type, field.name, depth + 1);
      }
      return out;
    }
    if (isScalarType(inner)) {
      switch (inner.name) {
        case 'Int':
          return this.rng.pick(INTS);
        case 'Float':
          return this.rng.pick([0, 0.5, -1.5, 1e9]);
        case 'Boolean':
          return this.rng.chance(0.5);
        case 'ID':
          return this.rng.pick(IDS);
        case 'String':
          return /type/i.test(name) && this.rng.chance(0.5) ? this.rng.pick(['USES', 'ADDRESSES', 'WORKS_AT', 'nope']) : this.rng.pick(STRINGS);
        case 'LocalDate':
          return this.rng.pick(['2018-03-14', '2019-01-01', '2018-02-30', 'gisteren']);
        case 'JSONObject':
          return this.rng.pick([{}, { evidence: 'x' }, { nodes: [], relationships: [] }, { source: { id: 'source:x' }, nodes: 'no' }]);
        default:
          return this.rng.pick(STRINGS);
      }
    }
    return null;
  }
}

/** One malformed request: a raw body (or a GET URL) the server must refuse with a 4xx, never crash on. */
export interface InvalidRequest {
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Random INVALID requests: broken documents, wrong shapes, broken JSON, bytes, over-limit queries. */
export function invalidRequest(rng: Random, valid: GeneratedRequest): InvalidRequest {
  const json = { 'content-type': 'application/json', accept: rng.pick(['application/json', 'application/graphql-response+json', '*/*']) };
  const post = (body: string | Uint8Array, headers: Record<string, string> = json): InvalidRequest => ({ method: 'POST', path: '/graphql', headers, body });
  const doc = valid.query;
  switch (rng.int(0, 15)) {
    case 0: {
      // A random slice of the document cut out.
      const from = rng.int(0, doc.length - 1);
      return post(JSON.stringify({ ...valid, query: doc.slice(0, from) + doc.slice(from + rng.int(1, 20)) }));
    }
    case 1: {
      // A random character put in.
      const at = rng.int(0, doc.length);
      return post(JSON.stringify({ ...valid, query: doc.slice(0, at) + rng.pick(['{', '}', '(', ')', '$', '@', '"', '...', ':', '!', '#', '\u0000']) + doc.slice(at) }));
    }
    case 2:
      return post(JSON.stringify({ ...valid, query: doc.replace(/\{ (\w+)/, '{ $1Typo') }));
    case 3:
      return post(JSON.stringify({ query: doc, variables: Object.fromEntries(Object.keys(valid.variables).map((key) => [key, rng.pick([{ nested: true }, 'x', 12.5, [1, 2], true])])) }));
    case 4: {
      // Deeper than the depth limit.
      const levels = rng.int(10, 40);
      return post(JSON.stringify({ query: `{ practice(id: "practice:vertrouwen") { ${'dilemmas { practices { '.repeat(levels)}id${' } }'.repeat(levels)} } }` }));
    }
    case 5:
      return post(JSON.stringify({ query: `{ ${Array.from({ length: rng.int(16, 60) }, (_, i) => `a${i}: stats { nodeCount }`).join(' ')} }` }));
    case 6:
      return post(JSON.stringify(rng.pick([{ query: 5 }, { query: null }, { query: '{ __typename }', variables: 'x' }, { query: '{ __typename }', operationName: 3 }, { query: ['{ __typename }'] }, {}, { variables: {} }, { query: '{ __typename }', extensions: [] }])));
    case 7:
      return post(rng.pick(['', '{', '{"query": "{ __typename }"', 'null', '[]', '[1]', 'true', '"x"', '{"query":"{ __typename }"}}', '\u0000\u0001']));
    case 8:
      return post(Uint8Array.from({ length: rng.int(1, 200) }, () => rng.int(0, 255)));
    case 9:
      return post(JSON.stringify({ query: doc }), { 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) });
    case 10:
      return { method: 'GET', path: `/graphql?query=${encodeURIComponent(doc)}&variables=${encodeURIComponent(JSON.stringify(valid.variables))}`, headers: { accept: 'application/json' } };
    case 11:
      return { method: 'GET', path: `/graphql?query=${encodeURIComponent(doc.slice(0, rng.int(0, doc.length)))}`, headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } };
    case 12:
      return post(JSON.stringify({ query: `{ practices(first: ${rng.pick([0, -5, 101, 999999999999, 1.5])}) { totalCount } }` }));
    case 13:
      return post(JSON.stringify({ query: `{ node(id: ${rng.pick(['1', 'true', '{}', '[1]', 'null', 'X'])}) { id } }` }));
    case 14:
      return post(JSON.stringify({ query: 'mutation { deleteNode(id: "practice:vertrouwen") }' }));
    default:
      return post(JSON.stringify({ query: `{ ${'__typename '.repeat(rng.int(2_001, 3_000))}}` }));
  }
}
