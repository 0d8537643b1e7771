import { isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_SPECS, NODE_TYPES } from '../../src/model/index.js';
import { NODE_TYPES as EXPLORER_TYPES } from '../../web/explore/api.js';
import { TYPE_LOOKS } from '../../web/explore/style.js';
import { graphSchema } from '../support/api.js';

/**
 * The model (`NODE_SPECS`) is declared once, and three other places must follow it: the GraphQL object
 * types, the create/update inputs, and the explorer's type list. A property added to one and forgotten
 * in another fails here, naming the place and the property.
 *
 * Exempt from the input check, each with its reason: quotations come only from a REFI-QDA import (their
 * positions must match a source text, which no mutation could check), and talks only from a source
 * document (the seed or a bulk import), so neither has create/update mutations.
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graphSchema();
});

const WITHOUT_INPUTS = new Set(['Quotation', 'Talk']);

describe('the model and the places that repeat it', () => {
  it('every node type is a GraphQL object type with a field for each of its properties', () => {
    const missing: string[] = [];
    for (const type of NODE_TYPES) {
      const spec = NODE_SPECS[type];
      const objectType = schema.getType(spec.label);
      if (!isObjectType(objectType)) {
        missing.push(`${spec.label}: no GraphQL object type`);
        continue;
      }
      const fields = objectType.getFields();
      for (const property of ['id', ...Object.keys(spec.properties)]) {
        if (!fields[property]) missing.push(`${spec.label}.${property}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every writable node type has create and update inputs that take each of its properties', () => {
    const missing: string[] = [];
    for (const type of NODE_TYPES) {
      const spec = NODE_SPECS[type];
      if (WITHOUT_INPUTS.has(spec.label)) continue;
      for (const name of [`Create${spec.label}Input`, `Update${spec.label}Input`]) {
        const input = schema.getType(name);
        if (!isInputObjectType(input)) {
          missing.push(`${name}: no input type`);
          continue;
        }
        const fields = input.getFields();
        for (const property of Object.keys(spec.properties)) {
          if (!fields[property]) missing.push(`${name}.${property}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('the explorer knows every node type, and draws each with a look of its own', () => {
    expect([...EXPLORER_TYPES].sort()).toEqual([...NODE_TYPES].sort());
    for (const type of NODE_TYPES) expect(TYPE_LOOKS[type as keyof typeof TYPE_LOOKS], type).toBeDefined();
  });

  it('the NodeType enum of the schema lists exactly the model types', () => {
    const nodeType = schema.getType('NodeType') as { getValues(): Array<{ name: string }> } | undefined;
    expect(nodeType?.getValues().map((value) => value.name).sort()).toEqual([...NODE_TYPES].sort());
  });
});
