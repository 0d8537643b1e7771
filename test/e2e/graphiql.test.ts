import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { webRoutes } from '../../src/server/web.js';
import { EXAMPLE_TABS } from '../../web/graphiql/examples.js';
import { ensureWebBundles, launchChromium, watchPage, type PageWatch, type TestBrowser } from '../support/web.js';

// Screenshots for the README go to docs/ only with UPDATE_SCREENSHOTS=1, so a test run leaves the work tree clean.
const DOCS = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(dirname(fileURLToPath(import.meta.url)), '../../docs') : tmpdir();

let api: TestApi;
let browser: TestBrowser;

beforeAll(async () => {
  await ensureWebBundles();
  api = await startTestApi();
  // Wide enough for the docs explorer, the operation editor and the response side by side (screenshot).
  browser = await launchChromium({ width: 1680, height: 940 });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('GET /graphql by content type', () => {
  it('serves GraphiQL to a browser (Accept: text/html) with a same-origin-only CSP', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('/assets/graphiql.js');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('leaves GraphQL-over-HTTP GETs (Accept: application/json) to Apollo', async () => {
    const query = encodeURIComponent('{ dilemmas { totalCount } }');
    // Apollo's CSRF prevention wants a header a browser form cannot send on a GET.
    const response = await fetch(`${api.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ dilemmas: { totalCount: 3 } });
  });

  it('leaves GETs with no Accept preference and POSTs to Apollo', async () => {
    const query = encodeURIComponent('{ dilemmas { totalCount } }');
    const get = await fetch(`${api.url}/graphql?query=${query}`, { headers: { accept: '*/*', 'apollo-require-preflight': 'true' } });
    expect(get.headers.get('content-type')).toMatch(/json/);
    const post = await api.gql<{ dilemmas: { totalCount: number } }>('{ dilemmas { totalCount } }', undefined, { accept: 'text/html, application/json' });
    expect(post.body.data?.dilemmas.totalCount).toBe(3);
  });

  it('serves the bundles (scripts, Monaco workers) and 404s anything else under /assets', async () => {
    for (const file of ['graphiql.js', 'graphiql.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const response = await fetch(`${api.url}/assets/${file}`);
      expect(response.status, file).toBe(200);
    }
    expect((await fetch(`${api.url}/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${api.url}/assets/../package.json`)).status).toBe(404);
  });
});

describe('the saved example operations', () => {
  it('each runs against the seed graph without an error and finds data', async () => {
    for (const tab of EXAMPLE_TABS) {
      const name = /query (\w+)/.exec(tab.query)?.[1];
      const response = await api.gql<Record<string, unknown>>(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect(response.body.errors, name).toBeUndefined();
      const [field] = Object.values(response.body.data ?? {});
      expect(field, name).toBeTruthy();
      if (Array.isArray(field)) expect(field.length, name).toBeGreaterThan(0);
    }
  });
});

describe('GraphiQL in Chromium', () => {
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    page = await browser.context.newPage();
    watch = watchPage(page);
    await page.goto(`${api.url}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    // Monaco has loaded when the operation editor shows the welcome tab's query.
    await page.locator('.graphiql-query-editor').getByText('query Overview').waitFor();
  });

  it('opens with the saved example operations as tabs, the welcome query first', async () => {
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBe(5);
    const names = await tabs.allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(['Overview', 'PracticesPerDilemma', 'SharedPractices', 'ShortestPath', 'Cooccurrence']);
  });

  it('runs the default query with the Run button and shows the data', async () => {
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    // Monaco draws only the lines in view: the research programme comes first in the answer.
    await response.getByText('Ambtelijk vakmanschap in gemeenten').first().waitFor();
    // Monaco renders spaces as no-break spaces.
    const text = (await response.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('"data"');
    expect(text).toContain('Universiteit van Tilburg');
    expect(text).not.toContain('"errors"');
  });

  it('has the schema documentation explorer', async () => {
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor();
    await docs.getByRole('link', { name: 'Query' }).first().click();
    await docs.getByText('municipalities').first().waitFor();
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, 'graphiql.png') });
  });

  it('opens a shared link (/graphql?query=…) with that operation in the editor', async () => {
    const linked = await browser.context.newPage();
    const linkWatch = watchPage(linked);
    await linked.goto(`${api.url}/graphql?query=${encodeURIComponent('query Linked { dilemmas { totalCount } }')}`);
    await linked.locator('.graphiql-query-editor').getByText('query Linked').waitFor();
    await linked.locator('.graphiql-execute-button').click();
    await linked.locator('.graphiql-response').getByText('"totalCount": 3').waitFor();
    expect(linkWatch.offsite).toEqual([]);
    expect(linkWatch.errors).toEqual([]);
    await linked.close();
  });

  it('made no request off this machine and logged no console error', () => {
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
    // The page did load its workers from us (GraphQL language service), not from a CDN.
    expect(watch.requests.some((url) => url.endsWith('/assets/graphql.worker.js'))).toBe(true);
  });
});

describe('without built bundles', () => {
  it('answers the pages with 503 and the build command, and leaves API requests alone', async () => {
    const app = express();
    app.use(webRoutes({ bundleDir: join(DOCS, 'no-such-folder') }));
    app.use((_req, res) => void res.status(418).send('next'));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/explore`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build:web');
      expect((await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(503);
      expect((await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } })).status).toBe(418);
      expect((await fetch(`${base}/assets/graphiql.js`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
