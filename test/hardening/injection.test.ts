import { readFileSync } from 'node:fs';
import {
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphSchema } from '../support/api.js';
import { uniqueId } from '../support/neo4j.js';
import { startHardenedApi, testAuth, type HardenedApi } from './support.js';

/**
 * Issue 7, Cypher injection: hostile strings through EVERY string and ID argument of every query field
 * (including those inside filter inputs and lists), and through the mutations that can be tried without
 * writing (ids of absent nodes, relationship types, dry-run imports). Nothing but data comes back (no
 * INTERNAL_SERVER_ERROR, which a broken Cypher text would cause; an injected selector selects nothing),
 * and the graph is unchanged: every seed node and relationship as before, no node carrying the marker.
 */
const MARKER = uniqueId('pwned').replace(':', '_');
const PAYLOADS = [
  `' OR 1=1 //${MARKER}`,
  `"}) MATCH (n) DETACH DELETE n //${MARKER}`,
  `x' }) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //${MARKER}`,
  `\`) DETACH DELETE n //${MARKER}`,
  `'; CREATE (:Pwned {marker: '${MARKER}'}) //`,
  `practice:x' OR '1'='1 ${MARKER}`,
  `*/ MATCH (n) SET n.pwned = '${MARKER}' /*`,
  `USES]->() DETACH DELETE n //${MARKER}`,
  `Practice) DETACH DELETE n //${MARKER}`,
  `$id ${MARKER}`,
  `\\u0027) DETACH DELETE n //${MARKER}`,
  `.*${MARKER}|.*`,
];

/** A valid value for a required argument that is not the one under attack. */
function filler(type: GraphQLInputType, name: string): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [filler(inner.ofType as GraphQLInputType, name)];
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = filler(field.type, field.name);
    }
    return out;
  }
  if (isScalarType(inner)) {
    if (inner.name === 'Int') return 1;
    if (inner.name === 'Boolean') return false;
    if (inner.name === 'ID') return name === 'to' ? 'municipality:tilburg' : 'municipality:breda';
    return 'x';
  }
  return null;
}

/** Every place a string goes in an argument: `[path from the argument, a setter that builds the value]`. */
function stringSlots(type: GraphQLInputType, depth = 0): Array<{ path: string; build: (payload: string) => unknown }> {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    return stringSlots(inner.ofType as GraphQLInputType, depth).map(({ path, build }) => ({ path: `${path}[]`, build: (payload) => [build(payload)] }));
  }
  if (isScalarType(inner) && (inner.name === 'String' || inner.name === 'ID')) return [{ path: '', build: (payload) => payload }];
  if (isInputObjectType(inner) && depth < 3) {
    const base = filler(inner, '') as Record<string, unknown>;
    return Object.values(inner.getFields()).flatMap((field) =>
      stringSlots(field.type, depth + 1).map(({ path, build }) => ({ path: `.${field.name}${path}`, build: (payload: string) => ({ ...base, [field.name]: build(payload) }) })),
    );
  }
  return [];
}

/** A selection that makes every result visible enough to see whether anything was selected. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  const fields = (type as GraphQLObjectType).getFields();
  if ('totalCount' in fields) return '{ totalCount }';
  if ('nodes' in fields && 'edges' in fields) return '{ nodes { id } }';
  if ('rows' in fields) return '{ rows { id } }';
  if ('id' in fields) return '{ id }';
  return '{ __typename }';
}

/** Whether `data` selected nothing: null, empty lists, zero counts (a `__typename` alone does not count). */
function selectsNothing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== '__typename');
    return entries.every(([key, inner]) => (key === 'totalCount' ? inner === 0 : selectsNothing(inner)));
  }
  return false;
}

/**
 * Arguments whose content does not choose what comes back (the other, valid arguments do), so an answer
 * with data is fine there: a cursor, the relationship or node types a neighbourhood may follow from a
 * valid focus, and full-text words (matched as words, never as syntax).
 */
const NOT_SELECTING = new Set(['after', 'neighbourhood.relationshipTypes[]', 'search.query']);

interface Attempt {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** The answer must select nothing. */
  selecting: boolean;
}

function queryAttempts(query: GraphQLObjectType): Attempt[] {
  const attempts: Attempt[] = [];
  for (const field of Object.values(query.getFields())) {
    for (const arg of field.args) {
      for (const slot of stringSlots(arg.type)) {
        const slotName = `${field.name}.${arg.name}${slot.path}`;
        for (const payload of PAYLOADS) {
          const variables: Record<string, unknown> = {};
          const definitions: string[] = [];
          const passed: string[] = [];
          field.args.forEach((other: GraphQLArgument, i) => {
            const required = isNonNullType(other.type) && other.defaultValue === undefined;
            if (other !== arg && !required) return;
            variables[`a${i}`] = other === arg ? slot.build(payload) : filler(other.type, other.name);
            definitions.push(`$a${i}: ${other.type.toString()}`);
            passed.push(`${other.name}: $a${i}`);
          });
          attempts.push({
            label: slotName,
            query: `query Injection(${definitions.join(', ')}) { ${field.name}(${passed.join(', ')}) ${selectionOf(field)} }`,
            variables,
            selecting: !NOT_SELECTING.has(slotName) && !NOT_SELECTING.has(arg.name),
          });
        }
      }
    }
  }
  return attempts;
}

/** Mutations that can be attacked without writing anything legitimately (editor token). */
function mutationAttempts(): Attempt[] {
  return PAYLOADS.flatMap((payload) => [
    { label: 'deleteNode.id', query: 'mutation ($id: ID!) { deleteNode(id: $id) }', variables: { id: payload }, selecting: true },
    {
      label: 'updatePractice.id',
      query: 'mutation ($id: ID!) { updatePractice(id: $id, input: { description: "x" }) { id } }',
      variables: { id: payload },
      selecting: true,
    },
    ...(['from', 'type', 'to'] as const).flatMap((slot) => {
      const variables = { from: 'employee:x-does-not-exist', type: 'USES', to: 'practice:vertrouwen', [slot]: payload };
      return [
        { label: `link.${slot}`, query: 'mutation ($from: ID!, $type: String!, $to: ID!) { link(from: $from, type: $type, to: $to) { id } }', variables, selecting: true },
        { label: `unlink.${slot}`, query: 'mutation ($from: ID!, $type: String!, $to: ID!) { unlink(from: $from, type: $type, to: $to) }', variables, selecting: true },
      ];
    }),
    {
      label: 'importGraph(dryRun)',
      query: 'mutation ($document: JSONObject!) { importGraph(document: $document, dryRun: true) { dryRun } }',
      variables: {
        document: {
          source: { id: `source:${payload}`, title: payload, kind: 'DOCUMENT', synthetic: false },
          nodes: [{ type: payload, id: payload, name: payload }, { type: 'PRACTICE', id: `practice:${payload}`, name: payload, kind: 'SKILL' }],
          relationships: [{ from: 'practice:vertrouwen', type: payload, to: 'dilemma:bemiddelen' }],
        },
      },
      selecting: false,
    },
    {
      label: 'importCsv(dryRun)',
      query: 'mutation ($nodes: String!, $edges: String) { importCsv(nodes: $nodes, edges: $edges, dryRun: true) { dryRun } }',
      variables: { nodes: `Id,Label,Type\n${JSON.stringify(payload)},x,${JSON.stringify(payload)}\n`, edges: `Source,Target,Type,Label\npractice:vertrouwen,dilemma:bemiddelen,${JSON.stringify(payload)},x\n` },
      selecting: false,
    },
  ]);
}

/** Every node of the seed files (with its labels and properties) and every relationship between two of them. */
async function seedFingerprint(api: HardenedApi): Promise<unknown> {
  const ids = ['seed/leerkring-2018-03-14.json', 'seed/illustrative-sample.json'].flatMap((file) => {
    const document = JSON.parse(readFileSync(file, 'utf8')) as { source: { id: string }; nodes: Array<{ id: string }> };
    return [document.source.id, ...document.nodes.map((node) => node.id)];
  });
  return api.db.read(
    `MATCH (n) WHERE n.id IN $ids
     OPTIONAL MATCH (n)-[r]->(m) WHERE m.id IN $ids
     WITH n, r, m ORDER BY type(r), m.id
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
            collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS relationships
     ORDER BY id`,
    { ids },
  );
}

describe('Cypher injection through every string argument', () => {
  let api: HardenedApi;
  let before: unknown;
  const attempts: Attempt[] = [];

  beforeAll(async () => {
    api = await startHardenedApi({ auth: testAuth() });
    before = await seedFingerprint(api);
    attempts.push(...queryAttempts((await graphSchema()).getQueryType()!), ...mutationAttempts());
  });
  afterAll(() => api?.close());

  it('covers every string and ID argument of every query field, and the attackable mutations', () => {
    const labels = new Set(attempts.map((attempt) => attempt.label));
    for (const expected of ['node.id', 'search.query', 'practices.where.nameContains', 'employees.where.roles[]', 'municipalities.where.provinces[]', 'shortestPath.from', 'neighbourhood.relationshipTypes[]', 'cooccurrence.municipalityIds[]', 'practices.after', 'link.type']) {
      expect(labels).toContain(expected);
    }
    expect(labels.size).toBeGreaterThan(60);
  });

  it('answers each attempt with data or a client error, and an injected selector selects nothing', async () => {
    const problems: string[] = [];
    const outcomes = new Map<string, number>();
    const queue = [...attempts];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let attempt = queue.shift(); attempt; attempt = queue.shift()) {
          const role = attempt.query.startsWith('mutation') ? 'editor' : undefined;
          const reply = await api.gql(attempt.query, attempt.variables, role ? { role } : {});
          const codes: string[] = (reply.body?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
          const outcome = codes.length ? codes.join('+') : 'data';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (reply.status >= 500 || codes.some((code) => !['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED'].includes(code))) {
            problems.push(`${attempt.label} ${JSON.stringify(attempt.variables)} → ${reply.status} ${reply.text.slice(0, 300)}`);
          } else if (attempt.selecting && reply.body.data && !Object.values(reply.body.data).every(selectsNothing)) {
            problems.push(`${attempt.label} ${JSON.stringify(attempt.variables)} selected ${JSON.stringify(reply.body.data).slice(0, 300)}`);
          }
        }
      }),
    );
    expect(problems.slice(0, 10)).toEqual([]);
    console.info(`${attempts.length} injection attempts: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    // Most attempts reach the database as data (a filter, an id) rather than being refused up front.
    expect(outcomes.get('data') ?? 0).toBeGreaterThan(attempts.length / 2);
  }, 300_000);

  it('leaves the graph unchanged: every seed node and relationship as before, the marker nowhere', async () => {
    expect(await seedFingerprint(api)).toEqual(before);
    const marked = await api.db.read(
      `MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL
         OR any(key IN keys(n) WHERE valueType(n[key]) STARTS WITH 'STRING' AND n[key] CONTAINS $marker)
       RETURN count(n) AS n`,
      { marker: MARKER },
    );
    expect(marked).toEqual([{ n: 0 }]);
  });
});
