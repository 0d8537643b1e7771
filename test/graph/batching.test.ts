import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityTreeQuery } from '../generated/operations.js';
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { graphSchema, startTestApi, type TestApi } from '../support/api.js';
import { query } from '../support/operations.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const field = (schema: GraphQLSchema, type: string, name: string): GraphQLField<unknown, unknown> => (schema.getType(type) as GraphQLObjectType).getFields()[name]!;

/** Runs `work` and returns the Cypher statements the API sent meanwhile (one statement = one round trip). */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const stop = api.db.observe(({ cypher }) => statements.push(cypher));
  try {
    await work();
  } finally {
    stop();
  }
  return statements;
}

describe('the N+1 guard', () => {
  it('answers municipalities → employees → practice uses → dilemmas in 4 round trips, one per level', async () => {
    let data!: MunicipalityTreeQuery;
    const statements = await statementsDuring(async () => {
      data = await query<MunicipalityTreeQuery>(`${api.url}/graphql`, 'MunicipalityTree');
    });
    // The answer is complete: all 6 municipalities, 30 employees, every use with its practice's dilemmas.
    expect(data.municipalities.totalCount).toBe(6);
    const employees = data.municipalities.edges.flatMap((m) => m.node.employees.edges);
    expect(employees).toHaveLength(30);
    const uses = employees.flatMap((e) => e.node.practiceUses);
    expect(uses).toHaveLength(80);
    expect(uses.every((use) => use.evidence && use.practice.name)).toBe(true);
    // …and it cost exactly one statement per level, whatever the number of parents.
    expect(statements).toHaveLength(4);
    expect(statements.filter((cypher) => cypher.includes('UNWIND $ids'))).toHaveLength(3);
  });

  it('loads the sibling relationship fields of many parents together: one statement per level', async () => {
    let reply!: Awaited<ReturnType<TestApi['gql']>>;
    const statements = await statementsDuring(async () => {
      reply = await api.gql('{ cases(first: 36) { edges { node { id municipality { id } practices { id } dilemmas { id } sources { id } } } } }');
    });
    // The cases list, then the 4 relations (municipality, practices, dilemmas, sources) of all 36 cases at once.
    expect(statements).toHaveLength(2);
    expect(statements[1]!.match(/UNWIND \$ids\d+ AS id/g)).toHaveLength(4);
    const cases = (reply.body.data as { cases: { edges: Array<{ node: Record<string, unknown> & { id: string } }> } }).cases.edges.map((edge) => edge.node);
    expect(cases).toHaveLength(36);
    // Every relation answered for its own parents: compare with one case asked on its own.
    const alone = await api.gql<{ case: unknown }>('query($id: ID!) { case(id: $id) { id municipality { id } practices { id } dilemmas { id } sources { id } } }', { id: cases[7]!.id });
    expect(alone.body.data!.case).toEqual(cases[7]);
  });

  it('keeps windows of the same relation apart when loaded together, counted or not', async () => {
    type Page = { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> };
    const statements = await statementsDuring(async () => {
      const reply = await api.gql<{ practice: Record<'one' | 'two' | 'all' | 'counted' | 'rest', Page> }>(
        `query($after: String) { practice(id: "practice:vertrouwen") {
           one: cases(first: 1) { ...Ids } two: cases(first: 2) { ...Ids } all: cases(first: 100) { ...Ids }
           counted: cases(first: 1) { totalCount ...Ids } rest: cases(first: 100, after: $after) { ...Ids } } }
         fragment Ids on CaseConnection { pageInfo { hasNextPage endCursor } edges { node { id } } }`,
        { after: Buffer.from('o:0').toString('base64url') },
      );
      expect(reply.body.errors).toBeUndefined();
      const ids = (page: Page) => page.edges.map((edge) => edge.node.id);
      const { one, two, all, counted, rest } = reply.body.data!.practice;
      expect(ids(all).length).toBeGreaterThan(2);
      expect(ids(one)).toEqual(ids(all).slice(0, 1));
      expect(ids(two)).toEqual(ids(all).slice(0, 2));
      expect(ids(rest)).toEqual(ids(all).slice(1));
      // Without totalCount the page still knows whether more follow.
      expect([one.pageInfo.hasNextPage, two.pageInfo.hasNextPage, all.pageInfo.hasNextPage, rest.pageInfo.hasNextPage]).toEqual([true, true, false, false]);
      expect(counted).toEqual({ ...one, totalCount: ids(all).length });
    });
    // Uncounted windows are top-k sorts; the counted one sorts every case.
    expect(statements).toHaveLength(1);
    expect(statements[0]!.match(/LIMIT \$first\d+ \+ 1/g)).toHaveLength(4);
  });

  it('reads a node by id with the relations its fields select in one statement, answering as the fields would alone', async () => {
    const fields =
      'id name dilemmas { id name } cases(first: 3) { totalCount edges { node { id title } } } all: cases(first: 100) { totalCount } ' +
      'usedBy { evidence employee { id } } sources { id } provenance { locator source { id } }';
    let direct!: Awaited<ReturnType<TestApi['gql']>>;
    const statements = await statementsDuring(async () => {
      direct = await api.gql(`query($id: ID!) { practice(id: $id) { ${fields} } }`, { id: 'practice:keukentafelgesprek' });
    });
    expect(direct.body.errors).toBeUndefined();
    // Only the nested `employee { id }` of usedBy is a second level.
    expect(statements).toHaveLength(1);
    // `node(id)` does not look ahead: the same fields, each loaded when resolved.
    const plain = await api.gql(`query($id: ID!) { node(id: $id) { ... on Practice { ${fields} } } }`, { id: 'practice:keukentafelgesprek' });
    expect((direct.body.data as { practice: unknown }).practice).toEqual((plain.body.data as { node: unknown }).node);
    const practice = (direct.body.data as { practice: { dilemmas: unknown[]; usedBy: unknown[]; sources: unknown[] } }).practice;
    expect(practice.dilemmas.length).toBeGreaterThan(0);
    expect(practice.usedBy.length).toBeGreaterThan(0);
    expect(practice.sources.length).toBeGreaterThan(0);
  });

  it('looks a list ahead level by level: the same relation under several aliases, scopes and selections answers each as asked alone', async () => {
    const employeeFields =
      'id all: practices { id name dilemmas { id name } } synthetic: practices(scope: SYNTHETIC) { id description } real: practices(scope: REAL) { id } ' +
      'cases { id practices { id } } municipality { id }';
    type Employee = { id: string; all: Array<{ dilemmas: unknown[] }>; synthetic: unknown[]; cases: unknown[] };
    let reply!: Awaited<ReturnType<TestApi['gql']>>;
    const statements = await statementsDuring(async () => {
      reply = await api.gql(`{ municipalities(first: 6) { edges { node { id employees(first: 100) { edges { node { ${employeeFields} } } } } } } }`);
    });
    expect(reply.body.errors).toBeUndefined();
    const municipalities = (reply.body.data as { municipalities: { edges: Array<{ node: { employees: { edges: Array<{ node: Employee }> } } }> } }).municipalities.edges;
    const employees = municipalities.flatMap((m) => m.node.employees.edges.map((edge) => edge.node));
    expect(employees).toHaveLength(30);
    expect(employees.flatMap((e) => e.all.flatMap((p) => p.dilemmas)).length).toBeGreaterThan(0);
    expect(employees.flatMap((e) => e.synthetic).length).toBeGreaterThan(0);
    expect(employees.flatMap((e) => e.cases).length).toBeGreaterThan(0);
    // The list, the employees, what the query reads of the employees (five loads), and of their practices
    // and cases: one statement per level.
    expect(statements).toHaveLength(4);
    // Each employee as the same fields read on their own (the single-node path, no list look-ahead).
    for (const employee of [employees[0]!, employees[13]!, employees[29]!]) {
      const alone = await api.gql<{ employee: unknown }>(`query($id: ID!) { employee(id: $id) { ${employeeFields} } }`, { id: employee.id });
      expect(alone.body.data!.employee).toEqual(employee);
    }
  });

  it('answers the looked-ahead levels of a list at once, without a promise per row', async () => {
    // What the look-ahead is for (graph/shared/look-ahead.ts): count how the relationship fields below the
    // list answer. Wrapped on the schema the test API serves, restored afterwards.
    const schema = await graphSchema();
    const answers = { value: 0, promise: 0 };
    const wrapped = [field(schema, 'Employee', 'practices'), field(schema, 'Practice', 'dilemmas'), field(schema, 'Municipality', 'employees')];
    const originals = wrapped.map((f) => f.resolve!);
    wrapped.forEach((f, i) => {
      f.resolve = (...args) => {
        const answer = originals[i]!(...args);
        if (f.name !== 'employees') answers[answer instanceof Promise ? 'promise' : 'value'] += 1;
        return answer;
      };
    });
    try {
      const reply = await api.gql('{ municipalities(first: 6) { edges { node { employees(first: 100) { edges { node { id practices { id dilemmas { id } } } } } } } } }');
      expect(reply.body.errors).toBeUndefined();
    } finally {
      wrapped.forEach((f, i) => (f.resolve = originals[i]));
    }
    // 30 employees' practices and every one of their practices' dilemmas.
    expect(answers.value).toBeGreaterThan(30);
    expect(answers.promise).toBe(0);
  });

  it('leaves a field with bad arguments to its resolver, which refuses it', async () => {
    const reply = await api.gql('{ practice(id: "practice:vertrouwen") { id cases(first: 0) { totalCount } } }');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await api.gql('{ practice(id: "practice:vertrouwen") { id cases(after: "not-a-cursor") { totalCount } } }');
    expect(cursor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('batches node lookups of different types into one statement', async () => {
    const statements = await statementsDuring(() =>
      api.gql('{ a: node(id: "practice:vertrouwen") { id } b: node(id: "dilemma:bemiddelen") { id } c: node(id: "municipality:breda") { id } d: node(id: "case:nope") { id } }'),
    );
    expect(statements).toHaveLength(1);
  });

  it('never shares loader caches between requests: a write between two requests is seen by the second', async () => {
    const id = `practice:batching-${Date.now().toString(36)}`;
    await api.db.write('CREATE (p:Practice {id: $id, name: $name, kind: "SKILL", searchKey: $name})', { id, name: 'eerste' });
    try {
      const read = () => api.gql<{ practice: { name: string } }>('query($id: ID!) { practice(id: $id) { name } }', { id });
      expect((await read()).body.data?.practice.name).toBe('eerste');
      await api.db.write('MATCH (p:Practice {id: $id}) SET p.name = "tweede"', { id });
      expect((await read()).body.data?.practice.name).toBe('tweede');
    } finally {
      await api.db.write('MATCH (p:Practice {id: $id}) DETACH DELETE p', { id });
    }
  });
});
