import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FILES } from '../../src/export/index.js';
import type { FrontDoorIndex } from '../../src/server/front-door.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { ensureWebBundles, launchChromium, watchPage, type TestBrowser } from '../support/web.js';

// The front door at `/`: over HTTP (HTML and the JSON index, every link answering), then in headless Chromium.
let api: TestApi;
let browser: TestBrowser;

beforeAll(async () => {
  await ensureWebBundles();
  api = await startTestApi();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function jsonIndex(): Promise<FrontDoorIndex> {
  const response = await fetch(`${api.url}/`, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('vary')).toMatch(/Accept/i);
  return (await response.json()) as FrontDoorIndex;
}

describe('GET / over HTTP', () => {
  it('serves a page (same-origin CSP, nothing from elsewhere) to a browser and to a client with no preference', async () => {
    for (const accept of ['text/html,application/xhtml+xml,*/*;q=0.8', '*/*']) {
      const response = await fetch(`${api.url}/`, { headers: { accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await response.text();
      expect(html).toContain('<h1>Practice Graph</h1>');
      expect(html).not.toMatch(/(src|href)="https?:/);
    }
  });

  it('gives the same links as JSON: pages, every export, /health, /ready, key queries', async () => {
    const index = await jsonIndex();
    expect(index.pages.map((link) => link.href)).toEqual(['/graphql', '/explore']);
    expect(index.status.map((link) => link.href)).toEqual(['/health', '/ready']);
    const exports = index.exports.map((link) => link.href);
    for (const file of EXPORT_FILES) expect(exports).toContain(`/export/${file}`);
    // Each export, the REFI-QDA files too, also without the made-up data.
    for (const file of [...EXPORT_FILES, 'project.qdpx', 'codebook.qdc']) expect(exports).toContain(`/export/${file}?scope=real`);
    expect(index.queries.length).toBeGreaterThanOrEqual(5);
    for (const link of [...index.pages, ...index.exports, ...index.status, ...index.queries]) {
      expect(link.title.length, link.href).toBeGreaterThan(0);
      expect(link.description.length, link.href).toBeGreaterThan(0);
    }
    // The page lists exactly the JSON's links.
    const html = await (await fetch(`${api.url}/`, { headers: { accept: 'text/html' } })).text();
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(hrefs).toEqual([...index.pages, ...index.queries, ...index.exports, ...index.status].map((link) => link.href));
  });

  it('links only to things that answer: every export and status link, and every key query runs without errors', async () => {
    const index = await jsonIndex();
    for (const link of [...index.exports, ...index.status]) {
      const response = await fetch(`${api.url}${link.href}`);
      expect(response.status, link.href).toBe(200);
      await response.arrayBuffer();
    }
    for (const link of index.queries) {
      const params = new URL(link.href, api.url).searchParams;
      expect(new URL(link.href, api.url).pathname).toBe('/graphql');
      const variables = params.has('variables') ? (JSON.parse(params.get('variables')!) as Record<string, unknown>) : undefined;
      const { body } = await api.gql(params.get('query')!, variables);
      expect(body.errors, link.title).toBeUndefined();
      expect(body.data, link.title).toBeTruthy();
    }
    // A dozen whole-graph exports on a busy two-core machine.
  }, 240_000);
});

describe('the front door in headless Chromium', () => {
  it('shows the links, and its GraphiQL query link opens GraphiQL with that query', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page);
    await page.goto(`${api.url}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Practice Graph');
    const sections = await page.locator('section h2').allTextContents();
    expect(sections).toHaveLength(4);
    const exportLinks = await page.locator('#exports a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const file of EXPORT_FILES) expect(exportLinks).toContain(`/export/${file}`);
    expect(await page.locator('#status a').allTextContents()).toEqual(['/health', '/ready']);

    // Follow the explorer link, come back, then open a key query in GraphiQL.
    await page.locator('#pages a', { hasText: 'Explorer' }).click();
    await page.waitForURL(/\/explore$/);
    await page.goBack();
    await page.locator('#queries a', { hasText: 'Practices per dilemma' }).click();
    await page.waitForURL(/\/graphql\?query=/);
    // GraphiQL's editor (Monaco) shows the prefilled operation, and it runs.
    await page.locator('.graphiql-query-editor').getByText('query PracticesPerDilemma').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"practices"').first().waitFor({ timeout: 30_000 });
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('the explorer with network measures', () => {
  it('sizes nodes by PageRank and colours them by community (?measures=network)', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page);
    await page.goto(`${api.url}/explore?focus=dilemma:bemiddelen&depth=2&measures=network`);
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 60_000 }).toMatch(/sized by PageRank, \d+ communities/);
    expect(await page.locator('#measures').inputValue()).toBe('network');
    const drawn = await page.evaluate(() => {
      const { cy } = (globalThis as unknown as { explorer: { cy: import('cytoscape').Core } }).explorer;
      return cy.nodes('.measured').map((node) => ({
        id: node.id(),
        pageRank: node.data('pageRank') as number,
        community: node.data('community') as number,
        width: node.width(),
        colour: node.style('background-color') as string,
      }));
    });
    expect(drawn.length).toBeGreaterThan(3);
    // The API's own figures, for the same filters.
    const { body } = await api.gql<{ networkMetrics: { nodes: Array<{ id: string; pageRank: number; community: number }> } }>(
      '{ networkMetrics { nodes { id pageRank community } } }',
    );
    const byId = new Map(body.data!.networkMetrics.nodes.map((node) => [node.id, node]));
    for (const node of drawn) expect(node).toMatchObject({ pageRank: byId.get(node.id)!.pageRank, community: byId.get(node.id)!.community });
    // Larger PageRank, larger node; same community, same colour.
    const sorted = [...drawn].sort((a, b) => a.pageRank - b.pageRank);
    expect(sorted.at(-1)!.width).toBeGreaterThan(sorted[0]!.width);
    for (const a of drawn) for (const b of drawn) if (a.community === b.community) expect(a.colour).toBe(b.colour);
    // Back to type colours.
    await page.locator('#measures').selectOption('');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { explorer: { cy: import('cytoscape').Core } }).explorer.cy.nodes('.measured').length)).toBe(0);
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
