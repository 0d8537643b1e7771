import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * TypeScript types for the operations kept in test/operations (used by the tests and the example
 * client), generated from the committed schema/schema.graphql. `npm run codegen` writes them;
 * `npm test` checks they are current (`--check`).
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  generates: {
    'test/generated/operations.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { ID: 'string', JSONObject: 'Record<string, unknown>', LocalDate: 'string' },
        useTypeImports: true,
      },
    },
  },
  hooks: {},
};

export default config;
