// ESLint for the TypeScript code: the layering of DESIGN.md, no import cycles, named exports only.
// The schema lint (@graphql-eslint over schema/schema.graphql) has its own config: eslint.schema.config.js.
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Arrows only point down: server → graph → (analytics, import, export) → db → model.
 * Each zone lists the folders a layer may not import from (import-x/no-restricted-paths).
 */
const layers = [
  { target: './src/util', from: ['./src/model', './src/db', './src/analytics', './src/import', './src/export', './src/graph', './src/server', './src/cli'], message: 'src/util holds small helpers that import nothing of ours.' },
  { target: './src/model', from: ['./src/db', './src/analytics', './src/import', './src/export', './src/graph', './src/server', './src/cli'], message: 'src/model is the ground floor: it imports nothing of ours but errors and config.' },
  { target: './src/db', from: ['./src/analytics', './src/import', './src/export', './src/graph', './src/server', './src/cli'], message: 'src/db sits below the services: it may import only src/model.' },
  { target: './src/analytics', from: ['./src/import', './src/graph', './src/server', './src/cli'], message: 'src/analytics is a service: it may import db and model (never GraphQL or HTTP).' },
  { target: './src/import', from: ['./src/analytics', './src/export', './src/graph', './src/server', './src/cli'], message: 'src/import is a service: it may import db and model (never GraphQL or HTTP).' },
  { target: './src/export', from: ['./src/import', './src/graph', './src/server', './src/cli'], message: 'src/export is formats and streams: it may import analytics, db and model (never GraphQL or HTTP).' },
  { target: './src/graph', from: ['./src/server', './src/cli'], message: 'src/graph is the GraphQL layer: it never knows HTTP.' },
  { target: './src', from: ['./test', './bench'], message: 'Nothing in src/ imports from test/ or bench/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'bench/node_modules/**', 'bench/.work/**', 'test/generated/**', 'examples/client/generated/**', '.data/**', 'test/fixtures/lint-cycle/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } })],
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-fallthrough': 'error',
      'default-case-last': 'error',
    },
  },
  {
    // Config files are read by their tools through a default export; declaration files describe
    // third-party modules that export a default.
    files: ['*.config.ts', '*.config.js', 'codegen.ts', 'bench/**/*.config.ts', 'test/setup/*.ts', '**/*.d.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
);
