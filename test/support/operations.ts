import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** All operations in test/operations, keyed by operation name (the documents codegen types). */
const OPERATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../operations');

const documents = new Map<string, string>();
for (const file of readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith('.graphql'))) {
  const text = readFileSync(join(OPERATIONS_DIR, file), 'utf8');
  for (const match of text.matchAll(/^(?:query|mutation)\s+(\w+)/gm)) documents.set(match[1]!, text);
}

/** The document holding operation `name` (sent whole, with `operationName`). */
export function operationDocument(name: string): string {
  const document = documents.get(name);
  if (!document) throw new Error(`No operation named ${name} in test/operations`);
  return document;
}

export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: Array<string | number> }>;
}

/** Runs a named operation against a GraphQL endpoint over HTTP, as a client would. */
export async function runOperation<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  url: string,
  name: string,
  variables?: TVariables,
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: operationDocument(name), operationName: name, variables: variables ?? {} }),
  });
  return (await response.json()) as GraphQLResponse<TData>;
}

/** Like `runOperation`, but fails the test on any GraphQL error and returns `data`. */
export async function query<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  url: string,
  name: string,
  variables?: TVariables,
): Promise<TData> {
  const result = await runOperation<TData, TVariables>(url, name, variables);
  if (result.errors?.length) throw new Error(`${name} failed: ${JSON.stringify(result.errors)}`);
  return result.data as TData;
}
