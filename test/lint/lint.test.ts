import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint that `npm test` runs keeps the layering of DESIGN.md. These tests prove its rules can fail:
 * each feeds it one violation and expects the rule that guards against it.
 */
const eslint = new ESLint({ cwd: process.cwd(), ignore: false });

async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(filePath) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('the lint run by npm test', () => {
  it('refuses an import cycle between modules', async () => {
    const results = await eslint.lintFiles(['test/fixtures/lint-cycle/first.ts']);
    expect(results[0]!.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  }, 60_000);

  it('refuses an import that climbs a layer (db from graph, model from db, export from server)', async () => {
    expect(await rulesBroken("import { buildGraphSchema } from '../graph/schema.js';\nexport const x = buildGraphSchema;\n", 'src/db/probe.ts')).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesBroken("import { toPlain } from '../db/values.js';\nexport const x = toPlain;\n", 'src/model/probe.ts')).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesBroken("import { exportRoutes } from '../server/export-routes.js';\nexport const x = exportRoutes;\n", 'src/export/probe.ts')).toContain(
      'import-x/no-restricted-paths',
    );
  }, 60_000);

  it('accepts an import that points down, and refuses a default export', async () => {
    expect(await rulesBroken("import { NODE_SPECS } from '../model/index.js';\nexport const x = NODE_SPECS;\n", 'src/db/probe.ts')).toEqual([]);
    expect(await rulesBroken('export default 1;\n', 'src/model/probe.ts')).toContain('import-x/no-default-export');
  }, 60_000);
});
