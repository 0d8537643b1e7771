import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions, Metafile, Plugin } from 'esbuild';
import { BUNDLE_DIR, PROJECT_ROOT, WEB_MANIFEST, type WebManifest } from '../server/web.js';

/**
 * `npm run build:web`: bundles the browser sources in web/ with esbuild into dist/web (git-ignored):
 * GraphiQL (graphiql.js/.css + Monaco's editor, JSON and GraphQL workers + the codicon font), the explorer
 * (explore.js/.css) and the two HTML pages. Nothing is fetched at run time from anywhere else.
 *
 * `--if-stale` skips the build when dist/web was built from the same inputs (web/**, package-lock.json
 * and this script): `npm start` and `npm test` run it that way first.
 */
const SOURCE_DIR = join(PROJECT_ROOT, 'web');

/** What one build produced. */
export interface WebBuildResult {
  /** False when `ifStale` found the bundles current. */
  built: boolean;
  manifest: WebManifest;
}

export interface WebBuildOptions {
  /** Build only when the inputs changed since the last build. Default false (always build). */
  ifStale?: boolean;
  /** Minify (default true); source maps are written either way. */
  minify?: boolean;
  /** Where to write; default dist/web, which the server serves. */
  outDir?: string;
}

/** Builds the browser bundles (see the file comment); safe to run from several processes at once. */
export async function buildWebBundles({ ifStale = false, minify = true, outDir = BUNDLE_DIR }: WebBuildOptions = {}): Promise<WebBuildResult> {
  const inputsKey = await hashInputs();
  if (ifStale) {
    const current = await readManifestAt(outDir);
    if (current?.inputsKey === inputsKey) return { built: false, manifest: current };
  }

  // esbuild is a dev dependency: loaded only when something is built (a production install never does).
  const { build } = await import('esbuild');
  const started = performance.now();
  // Build beside the target and swap it in at the end, so a server (or a parallel test file) never
  // sees half a bundle folder, and two builds racing each other both end with a complete one.
  const staging = `${outDir}.tmp-${process.pid}-${Date.now().toString(36)}`;
  await mkdir(staging, { recursive: true });
  try {
    const common: BuildOptions = {
      bundle: true,
      minify,
      sourcemap: 'linked',
      target: ['chrome110', 'firefox115', 'safari16'],
      legalComments: 'linked',
      logLevel: 'silent',
      metafile: true,
      define: { 'process.env.NODE_ENV': '"production"' },
    };
    const [pages, workers] = await Promise.all([
      build({
        ...common,
        entryPoints: { graphiql: join(SOURCE_DIR, 'graphiql/main.ts'), explore: join(SOURCE_DIR, 'explore/main.ts') },
        outdir: staging,
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        assetNames: 'assets/[name]-[hash]',
        loader: { '.ttf': 'file' },
        // @graphiql/react imports 'monaco-graphql/esm/utils' without an extension; the package's
        // `./*` export maps it to a file that does not exist (Vite guesses the .js, esbuild does not).
        alias: { 'monaco-graphql/esm/utils': 'monaco-graphql/esm/utils.js' },
        plugins: [slimMonaco],
      }),
      // Monaco's workers as classic scripts: every browser runs them, and no bundler runtime is needed.
      build({
        ...common,
        entryPoints: {
          'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
          'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
          'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
        },
        outdir: staging,
        format: 'iife',
      }),
    ]);
    for (const page of ['graphiql', 'explore']) {
      await copyFile(join(SOURCE_DIR, page, 'index.html'), join(staging, `${page}.html`));
    }
    const manifest: WebManifest = {
      inputsKey,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
      files: summarise(staging, pages.metafile!, workers.metafile!),
    };
    await writeFile(join(staging, WEB_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    // A parallel build of the same inputs may have finished first: keep its folder (pages may be
    // loading from it right now) rather than swapping an identical one in.
    if ((await readManifestAt(outDir))?.inputsKey !== inputsKey) await swapInto(staging, outDir);
    return { built: true, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Resolves the bare `monaco-editor` import (the full editor with every language) to web/graphiql/monaco.ts
 * (the core editor + JSON); deep imports such as `monaco-editor/esm/...` resolve as usual.
 */
const slimMonaco: Plugin = {
  name: 'slim-monaco',
  setup(builder) {
    builder.onResolve({ filter: /^monaco-editor$/ }, () => ({ path: join(SOURCE_DIR, 'graphiql/monaco.ts') }));
  },
};

/** The manifest of the bundles in `dir`, or undefined when there are none. */
async function readManifestAt(dir: string): Promise<WebManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, WEB_MANIFEST), 'utf8')) as WebManifest;
  } catch {
    return undefined;
  }
}

/** A key over everything that shapes the bundles: web/** sources, the locked dependency tree, this script. */
async function hashInputs(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await listFiles(SOURCE_DIR)), join(PROJECT_ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];
  for (const file of files.sort()) {
    const info = await stat(file).catch(() => undefined);
    hash.update(`${relative(PROJECT_ROOT, file)}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Output files with their sizes (source maps and license files left out), largest first. */
function summarise(staging: string, ...metafiles: Metafile[]): WebManifest['files'] {
  const files: WebManifest['files'] = [];
  for (const metafile of metafiles) {
    for (const [path, output] of Object.entries(metafile.outputs)) {
      if (path.endsWith('.map') || path.endsWith('.LEGAL.txt')) continue;
      files.push({ path: relative(staging, path), bytes: output.bytes });
    }
  }
  return files.sort((a, b) => b.bytes - a.bytes);
}

/** Replaces `target` with the finished `staging` folder; a lost race with an identical build is fine. */
async function swapInto(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}-${Date.now().toString(36)}`;
  await rename(target, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  try {
    await rename(staging, target);
  } catch (error) {
    // Another build put its folder in place between our two renames: same inputs, keep theirs.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  } finally {
    await rm(old, { recursive: true, force: true });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifStale = process.argv.includes('--if-stale');
  // `npm start` runs this with --if-stale. A production image holds no web/ sources and no esbuild: it
  // serves the bundles it was built with (or none), so there is nothing to do and nothing to fail.
  if (ifStale && !existsSync(SOURCE_DIR)) {
    process.stdout.write(`no web/ sources here: serving the bundles in ${relative(process.cwd(), BUNDLE_DIR) || '.'} as they are\n`);
    process.exit(0);
  }
  if (ifStale && !(await import('esbuild').then(() => true, () => false))) {
    process.stderr.write('cannot build the browser bundles (esbuild, a dev dependency, is not installed): GraphiQL and /explore answer 503 until `npm ci && npm run build:web`\n');
    process.exit(0);
  }
  const result = await buildWebBundles({ ifStale });
  const { manifest } = result;
  if (!result.built) {
    process.stdout.write(`web bundles are current (${relative(process.cwd(), BUNDLE_DIR)}, built ${manifest.builtAt})\n`);
  } else {
    const total = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    process.stdout.write(`built web bundles into ${relative(process.cwd(), BUNDLE_DIR)} in ${manifest.buildMs} ms (${formatBytes(total)}):\n`);
    for (const file of manifest.files.filter((f) => !f.path.startsWith('chunks/') || f.bytes > 50_000)) {
      process.stdout.write(`  ${basename(file.path).padEnd(40)} ${formatBytes(file.bytes).padStart(10)}\n`);
    }
  }
}
