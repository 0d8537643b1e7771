import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWebBundles } from '../../src/cli/build-web.js';

/** Debian's Chromium (apt-get install -y chromium); tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly headless Chromium (no GPU, no background or update traffic). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the browser bundles unless dist/web is current (the same `--if-stale` check npm test runs). */
export async function ensureWebBundles(): Promise<void> {
  await buildWebBundles({ ifStale: true });
}

/** A headless Chromium with a fresh profile directory; `close` ends it and removes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Debian's Chromium through playwright-core (fails with the install command when it is missing). */
export async function launchChromium(viewport = { width: 1400, height: 860 }): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's browser with \`apt-get update && apt-get install -y chromium\` (.ci/run does).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'practice-graph-chromium-'));
  // launchPersistentContext is how playwright passes our own --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that a test must see: requests that left loopback, console errors, uncaught errors. */
export interface PageWatch {
  /** URLs of requests to anything but 127.0.0.1 / localhost / ::1 (or data:/blob:). */
  offsite: string[];
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Every request URL, in order (for debugging a failure). */
  requests: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether a request URL stays on this machine. */
export function isLoopback(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return LOOPBACK.has(parsed.hostname);
}

/** Starts recording `page`'s requests and errors (see PageWatch). */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { offsite: [], errors: [], requests: [] };
  page.on('request', (request) => {
    watch.requests.push(request.url());
    if (!isLoopback(request.url())) watch.offsite.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.stack ?? error.message}`));
  // Workers' requests (Monaco) are checked too.
  page.on('worker', (worker) => {
    if (!isLoopback(worker.url())) watch.offsite.push(worker.url());
  });
  return watch;
}
