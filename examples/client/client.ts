/**
 * A typed client for the Practice Graph API, as a developer would write one: the operations live in
 * operations.graphql, `npm run codegen` generates their TypeScript types (generated.ts) from
 * schema/schema.graphql, and plain `fetch` sends them.
 *
 *   npm start                                  # the API on http://127.0.0.1:4000/graphql
 *   npx tsx examples/client/client.ts          # or: … client.ts http://host:port/graphql
 *
 * Prints which practices address a dilemma, what Breda and Tilburg share, how Berkelland connects to
 * the dilemma "bemiddelen", and a full-text search.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type {
  ConnectionQuery,
  ConnectionQueryVariables,
  FindQuery,
  FindQueryVariables,
  PracticesForDilemmaQuery,
  PracticesForDilemmaQueryVariables,
  SharedPracticesQuery,
  SharedPracticesQueryVariables,
} from './generated.js';

/** Every operation of operations.graphql by name: [result, variables]. */
interface Operations {
  PracticesForDilemma: [PracticesForDilemmaQuery, PracticesForDilemmaQueryVariables];
  SharedPractices: [SharedPracticesQuery, SharedPracticesQueryVariables];
  Connection: [ConnectionQuery, ConnectionQueryVariables];
  Find: [FindQuery, FindQueryVariables];
}

/** The whole document is sent with `operationName`: the server runs the named operation. */
const DOCUMENT = readFileSync(new URL('./operations.graphql', import.meta.url), 'utf8');

/** A GraphQL error answer: message and `extensions.code` (e.g. BAD_USER_INPUT, NOT_FOUND). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(code ? `${message} (${code})` : message);
  }
}

/** A client for one endpoint; `run` is typed by operation name, for its variables and its result. */
export function createClient(endpoint: string, headers: Record<string, string> = {}) {
  return async function run<Name extends keyof Operations>(operationName: Name, variables: Operations[Name][1]): Promise<Operations[Name][0]> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify({ query: DOCUMENT, operationName, variables }),
    });
    const body = (await response.json()) as { data?: Operations[Name][0] | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) throw new GraphQLRequestError(body.errors[0]!.message, body.errors[0]!.extensions?.code);
    if (!body.data) throw new GraphQLRequestError(`HTTP ${response.status} without data`, undefined);
    return body.data;
  };
}

/** Runs the example against `endpoint`, writing its report line by line to `print`. */
export async function runExample(endpoint: string, print: (line: string) => void = console.log): Promise<void> {
  const run = createClient(endpoint);

  const { dilemma } = await run('PracticesForDilemma', { id: 'dilemma:loslaten-of-sturen' });
  if (!dilemma) throw new Error('dilemma:loslaten-of-sturen is not in this graph: is the seed loaded?');
  print(`Practices that address “${dilemma.name}” (${dilemma.gloss ?? 'no gloss'}): ${dilemma.practices.length}`);
  for (const practice of dilemma.practices) {
    const synthetic = practice.sources.some((source) => source.synthetic) ? ' [illustrative]' : '';
    // A source need not say what kind of practice it names (the 2018 report never does).
    print(`  - ${practice.name} (${practice.kind?.toLowerCase() ?? 'kind not stated'})${synthetic}`);
  }

  const { sharedPractices } = await run('SharedPractices', { municipalityIds: ['municipality:breda', 'municipality:tilburg'] });
  print(`Practices Breda and Tilburg share: ${sharedPractices.length}`);
  for (const { practice, support } of sharedPractices) {
    const where = support.map((s) => `${s.municipality.name} ${s.caseCount} cases/${s.employeeCount} employees`).join(', ');
    print(`  - ${practice.name}: ${where}`);
  }

  const { shortestPath } = await run('Connection', { from: 'municipality:berkelland', to: 'dilemma:bemiddelen' });
  if (!shortestPath) {
    print('Berkelland and “Bemiddelen” are not connected.');
  } else {
    const steps = shortestPath.nodes.map((node, i) => {
      const edge = shortestPath.edges[i];
      const arrow = edge ? (edge.source === node.id ? ` –${edge.type}→ ` : ` ←${edge.type}– `) : '';
      return `${node.label}${arrow}`;
    });
    print(`Shortest path (${shortestPath.edges.length} steps): ${steps.join('')}`);
  }

  const { search } = await run('Find', { text: '"geest van de wet"', types: ['PRACTICE'] });
  print(`Search “geest van de wet” among practices: ${search.length} hit(s)`);
  for (const hit of search) print(`  - ${hit.label} (${hit.node.id}, score ${hit.score.toFixed(2)})`);
}

// Run as a script (not when imported).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const endpoint = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
  runExample(endpoint).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
