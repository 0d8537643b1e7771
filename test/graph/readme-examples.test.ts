import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TOKENS, useAuthApi, type AuthApi } from '../mutations/support.js';

/**
 * The GraphQL a newcomer copies from the READMEs runs as printed against the seeded graph: every ```graphql
 * block, and every whole operation written inline (`{ … }` in backticks that parses as a document). A
 * mutation runs as an editor and what it creates is removed afterwards.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const READMES = ['README.md', 'seed/README.md'];

function examplesOf(file: string): string[] {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const inline = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`]+)`/g)]
    .map((match) => match[1]!)
    .filter((span) => /^\s*(\{|query\b|mutation\b)/.test(span) && parsesAsOperation(span));
  return [...blocks, ...inline];
}

function parsesAsOperation(text: string): boolean {
  try {
    return parse(text).definitions.every((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
}

const examples = READMES.flatMap((file) => examplesOf(file).map((document) => ({ file, document, name: document.replace(/\s+/g, ' ').trim().slice(0, 70) })));

let api: AuthApi;
const created = new Set<string>();
useAuthApi(created, (started) => (api = started));

describe('the GraphQL examples of the READMEs', () => {
  it('are found: the blocks and the inline operations', () => {
    // Not vacuous: README.md's three blocks (a create with links, the meeting's provenance, REAL against all)
    // and seed/README.md's block and inline co-occurrence.
    expect(examples.filter((e) => e.file === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((e) => e.file === 'seed/README.md').length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('$file: $name', async ({ document }) => {
    const operation = parse(document).definitions[0] as OperationDefinitionNode;
    const mutation = operation.operation === 'mutation';
    const { status, body } = await api.raw(document, mutation ? `Bearer ${TOKENS.editor}` : undefined);
    if (mutation) {
      for (const value of Object.values(body.data ?? {})) {
        const id = (value as { id?: unknown } | null)?.id;
        if (typeof id === 'string') created.add(id);
      }
    }
    expect(body.errors ?? []).toEqual([]);
    expect(status).toBe(200);
    // Every top-level field answered, and at least one with something in it (README.md's `real:` similarity is
    // empty on the seed, as the README says: its employees and cases are all illustrative).
    const answers = Object.entries(body.data ?? {});
    for (const [field, value] of answers) expect(value, field).not.toBeNull();
    expect(answers.some(([, value]) => !Array.isArray(value) || value.length > 0)).toBe(true);
  });
});
