import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request, type Response } from 'express';
import { frontDoorRoutes } from './front-door.js';

/** The repository root (the folder holding package.json), found from this module's location. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** Where `npm run build:web` writes the browser bundles and the server reads them (git-ignored). */
export const BUNDLE_DIR = join(PROJECT_ROOT, 'dist', 'web');

/** The build's manifest file name inside the bundle folder. */
export const WEB_MANIFEST = 'manifest.json';

/** What a web build wrote: its input key (for `--if-stale`), when, how long it took, and the files. */
export interface WebManifest {
  inputsKey: string;
  builtAt: string;
  buildMs: number;
  /** Output files relative to the bundle folder, with sizes in bytes, largest first. */
  files: Array<{ path: string; bytes: number }>;
}

/** URL prefix the bundles are served under (scripts, styles, workers, fonts). */
export const ASSETS_PATH = '/assets';

export interface WebRoutesOptions {
  /** Folder with the built bundles; default `BUNDLE_DIR`. */
  bundleDir?: string;
}

/**
 * Everything nothing but the same origin may load into our pages: no CDN, font or script from elsewhere,
 * and the pages talk only to this API. Monaco injects <style> elements, hence 'unsafe-inline' for styles;
 * the explorer's PNG export needs blob: and data: images.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers of every page we serve. */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  // The pages name fixed bundle files; revalidate so a rebuild shows at once.
  'cache-control': 'no-cache',
};

/**
 * The browser pages, mounted BEFORE Apollo's /graphql middleware:
 * - `GET /graphql` from a browser (Accept prefers text/html) → GraphiQL; any other GET (GraphQL over
 *   HTTP, Accept: application/json or *\/*) and every POST fall through to Apollo unchanged;
 * - `GET /explore` → the visual explorer (`?focus=<id>&depth=<n>`);
 * - `GET /assets/*` → the bundles (ETag revalidation; 404 for anything not built);
 * - `GET /` → the front door (links to all of these, the exports and key queries; JSON for `Accept: application/json`).
 * When the bundles are missing the pages answer 503 with the command that builds them.
 */
export function webRoutes({ bundleDir = BUNDLE_DIR }: WebRoutesOptions = {}): Router {
  const router = Router();

  // Rendered by the server, not bundled: it lists what this server offers, and answers even before a web build.
  router.use(frontDoorRoutes(PAGE_HEADERS));
  router.get('/graphql', (req, res, next) => {
    // Only a browser navigation: JSON-preferring clients, and anything sending a query in the URL
    // without asking for HTML, are GraphQL-over-HTTP requests for Apollo.
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) !== 'text/html') return next();
    sendPage(res, bundleDir, 'graphiql.html');
  });
  router.get(['/explore', '/explore/'], (_req, res) => sendPage(res, bundleDir, 'explore.html'));
  router.use(
    ASSETS_PATH,
    express.static(bundleDir, { index: false, fallthrough: false, dotfiles: 'ignore' }),
    // express.static with fallthrough: false passes a 404 error for a missing file: answer it plainly.
    (error: Error & { status?: number }, _req: Request, res: Response, _next: express.NextFunction) => {
      res.status(error.status ?? 500).type('text/plain').send(error.status === 404 ? 'Not found' : 'Error');
    },
  );
  return router;
}

function sendPage(res: Response, bundleDir: string, page: string): void {
  const file = join(bundleDir, page);
  res.set({ ...PAGE_HEADERS, vary: 'Accept' });
  if (!existsSync(file)) {
    res.status(503).type('text/plain').send('The browser bundles are not built: run `npm run build:web` (npm start does it for you).\n');
    return;
  }
  res.sendFile(file);
}

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
