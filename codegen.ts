import type { CodegenConfig } from '@graphql-codegen/cli';

/** How every output is typed (the same for the tests and the example client). */
const operationTypes = {
  plugins: ['typescript-operations'],
  config: {
    enumsAsTypes: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
    scalars: { ID: 'string', JSONObject: 'Record<string, unknown>', LocalDate: 'string' },
    useTypeImports: true,
  },
};

/**
 * TypeScript types for the operations kept in test/operations (used by the tests) and in
 * examples/client (the typed client example), each output with its own documents, generated from the
 * committed schema/schema.graphql. `npm run codegen` writes them; `npm test` checks they are current
 * (`--check`).
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/schema.graphql',
  generates: {
    'test/generated/operations.ts': { documents: ['test/operations/**/*.graphql'], ...operationTypes },
    'examples/client/generated.ts': { documents: ['examples/client/**/*.graphql'], ...operationTypes },
  },
  hooks: {},
};

export default config;
