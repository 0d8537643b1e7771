import { tmpdir } from 'node:os';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { ensureWebBundles, launchChromium, watchPage, type PageWatch, type TestBrowser } from '../support/web.js';
import { syntheticNeighbourhood } from '../support/synthetic-graph.js';
import { importQdpx } from '../../src/import/qdpx/index.js';
import { createdIds, recoded, SELECTIONS, twoInterviews } from '../qdpx/fixtures.js';
import { removeNodes, uniqueSlug } from '../mutations/support.js';

// Screenshots for the README go to docs/ only with UPDATE_SCREENSHOTS=1, so a test run leaves the work tree clean.
const DOCS = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(dirname(fileURLToPath(import.meta.url)), '../../docs') : tmpdir();

// Breda's neighbours in the seed (seed/*.json, by hand): the research it partners in, its 6 employees
// (WORKS_AT) and its 7 cases (IN). Provenance (SOURCED_FROM) is left out by default.
const BREDA = 'municipality:breda';
const BREDA_NEIGHBOURS = [
  'research:ambtelijk-vakmanschap',
  'employee:breda-01',
  'employee:breda-02',
  'employee:breda-03',
  'employee:breda-04',
  'employee:breda-05',
  'employee:breda-06',
  'case:buurttuin-breda-noord',
  'case:straatfeest-korte-aanloop-breda',
  'case:twee-groepen-een-plein-breda',
  'case:groen-schoolplein-breda',
  'case:kerstmarkt-ondernemers-breda',
  'case:vrije-ruimte-wijkteam-breda',
  'case:buurtpreventie-app-breda',
];
// case:buurttuin-breda-noord APPLIES two practices and RAISES one dilemma; none of them is next to Breda.
const GARDEN = 'case:buurttuin-breda-noord';
/** The page answers after a GraphQL round trip (and a layout): allow for a busy machine. */
const POLL = { timeout: 15_000 };

const GARDEN_ADDS = ['practice:vroegtijdig-kaders-meegeven', 'practice:mogelijk-maken-in-plaats-van-oordelen', 'dilemma:loslaten-of-sturen'];

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

/** Ids of the nodes Cytoscape has drawn. */
function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as any).explorer.cy.nodes().map((node: any) => node.id()).sort());
}

/** Waits until the status line says the explorer is idle again (after `action`, when given). */
async function settled(page: Page): Promise<void> {
  await page.locator('#status[data-state="idle"]').waitFor();
}

/** Where node `id` is on the page, for a real mouse click. */
async function screenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const rendered = await page.evaluate((nodeId) => {
    const cy = (globalThis as any).explorer.cy;
    const node = cy.getElementById(nodeId);
    // Close enough that no neighbour overlaps it, then in the middle of the drawing.
    cy.zoom(Math.max(cy.zoom(), 1.5));
    cy.center(node);
    return node.renderedPosition();
  }, id);
  const box = (await page.locator('#cy').boundingBox())!;
  return { x: box.x + rendered.x, y: box.y + rendered.y };
}

describe('the explorer page', () => {
  it('is served at /explore with a same-origin-only CSP', async () => {
    const response = await fetch(`${api.url}/explore?focus=${BREDA}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('/assets/explore.js');
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe('the explorer in Chromium', () => {
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    page = await browser.context.newPage();
    watch = watchPage(page);
    await page.goto(`${api.url}/explore?focus=${encodeURIComponent(BREDA)}&depth=1`);
    await settled(page);
  });

  it('draws the focus node and its neighbours', async () => {
    expect(await drawnIds(page)).toEqual([BREDA, ...BREDA_NEIGHBOURS].sort());
    // Every neighbour is joined to Breda by a drawn edge.
    const joined = await page.evaluate((focus) => (globalThis as any).explorer.cy.getElementById(focus).neighborhood('node').length, BREDA);
    expect(joined).toBe(BREDA_NEIGHBOURS.length);
    // The side panel shows the focus, with its provenance.
    await expect.poll(() => page.locator('#panel-node .node-label').innerText(), POLL).toBe('Breda');
    await expect.poll(() => page.locator('#panel-node .badge').getAttribute('data-synthetic'), POLL).toBe('false');
    expect(await page.locator('#panel-node .sources').innerText()).toContain('MEETING_REPORT');
    // The legend counts what is drawn, by type.
    const employees = page.locator('#legend input[data-node-type="EMPLOYEE"]').locator('xpath=..').locator('.count');
    expect(await employees.innerText()).toBe('6');
  });

  it('draws made-up relationships dashed and inferred ones dotted, as the API flags them', async () => {
    // What the API says of each of these edges: the page must draw exactly that.
    const answer = (await (
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ neighbourhood(id: "${BREDA}", depth: 1) { edges { id synthetic properties } } }` }),
      })
    ).json()) as { data: { neighbourhood: { edges: Array<{ id: string; synthetic: boolean; properties: Record<string, unknown> }> } } };
    const expected = answer.data.neighbourhood.edges
      .map((edge) => ({ id: edge.id, look: edge.synthetic ? 'dashed' : edge.properties.inferred === true ? 'dotted' : 'solid' }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const drawn = await page.evaluate(() =>
      (globalThis as any).explorer.cy
        .edges()
        .map((edge: any) => ({ id: String(edge.id()).replace(/^edge\//, ''), look: edge.style('line-style') }))
        .sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)),
    );
    // Breda's partnership in the research is inferred (the report does not call the municipalities partners);
    // its employees' WORKS_AT links belong to the illustrative sample.
    expect(expected.some((edge) => edge.look === 'dotted')).toBe(true);
    expect(expected.some((edge) => edge.look === 'dashed')).toBe(true);
    expect(drawn).toEqual(expected);
    expect(await page.locator('#line-key').innerText()).toMatch(/Dotted line: a relationship the\s+sources do not state/);
  });

  it('links the exports to the same subgraph', async () => {
    const graphml = new URL((await page.locator('#export-graphml').getAttribute('href'))!, api.url);
    expect(graphml.pathname).toBe('/export/graph.graphml');
    expect(graphml.searchParams.get('focus')).toBe(BREDA);
    expect(graphml.searchParams.get('depth')).toBe('1');
    const json = new URL((await page.locator('#export-json').getAttribute('href'))!, api.url);
    expect(json.pathname).toBe('/export/graph.json');
    // The export holds the subgraph that is drawn (one implementation serves both).
    const exported = (await (await fetch(json)).json()) as { elements: { nodes: Array<{ data: { id: string } }> } };
    expect(exported.elements.nodes.map((node) => node.data.id).sort()).toEqual(await drawnIds(page));
    const graphmlResponse = await fetch(graphml);
    expect(graphmlResponse.status).toBe(200);
    expect(await graphmlResponse.text()).toContain(BREDA);
  });

  it('expands a node on double-click', async () => {
    const at = await screenPosition(page, GARDEN);
    await page.mouse.dblclick(at.x, at.y);
    // The status names the expanded node once its neighbours are drawn and laid out.
    await page.locator('#status[data-state="idle"]', { hasText: 'from Buurttuin in Breda-Noord' }).waitFor();
    const drawn = await drawnIds(page);
    for (const id of GARDEN_ADDS) expect(drawn).toContain(id);
    // The expanded case is shown in the side panel (the double-click selected it).
    await expect.poll(() => page.locator('#panel-node .node-label').innerText(), POLL).toBe('Buurttuin in Breda-Noord');
    await expect.poll(() => page.locator('#panel-node .badge').getAttribute('data-synthetic'), POLL).toBe('true');
  });

  it('shows the shortest path between two selected nodes', async () => {
    // Breda ←IN– the garden case –RAISES→ loslaten of sturen: two steps.
    const before = await drawnIds(page);
    const from = await screenPosition(page, BREDA);
    await page.mouse.click(from.x, from.y);
    const to = await screenPosition(page, 'dilemma:loslaten-of-sturen');
    await page.keyboard.down('Shift');
    await page.mouse.click(to.x, to.y);
    await page.keyboard.up('Shift');
    await page.locator('#panel-path[data-state="found"]').waitFor();
    expect(await page.locator('#panel-path [data-path-length]').getAttribute('data-path-length')).toBe('2');
    const path = await page.evaluate(() => ({
      nodes: (globalThis as any).explorer.cy.nodes('.path').length,
      edges: (globalThis as any).explorer.cy.edges('.path').length,
    }));
    expect(path).toEqual({ nodes: 3, edges: 2 });
    // The garden case is illustrative: its step, and the two relationships to it, are tagged made up.
    const steps = await page.locator('#panel-path ol.path > li').evaluateAll((items) =>
      items.map((item) => ({ synthetic: item.getAttribute('data-synthetic'), tagged: item.querySelector(':scope > .tag.synthetic') !== null })),
    );
    expect(steps).toEqual([
      { synthetic: 'false', tagged: false },
      { synthetic: 'true', tagged: true },
      { synthetic: 'false', tagged: false },
    ]);
    expect(await page.locator('#panel-path .via[data-synthetic="true"] .tag.synthetic').count()).toBe(2);
    // Two quick clicks on two different nodes are a selection, not a double-click: nothing was expanded.
    expect(await drawnIds(page)).toEqual(before);
    await page.evaluate(() => (globalThis as any).explorer.view.fit());
    await page.mouse.move(0, 0);
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, 'explorer.png') });
  });

  it('finds a start node with the search box', async () => {
    // A made-up hit says so in the list; a sourced one does not.
    await page.locator('#search').fill('breda');
    const sourced = page.locator(`#search-results li[data-id="${BREDA}"]`);
    await expect.poll(() => sourced.getAttribute('data-synthetic'), POLL).toBe('false');
    expect(await sourced.locator('.tag.synthetic').count()).toBe(0);
    await page.locator('#search').fill('buurttuin');
    const madeUp = page.locator(`#search-results li[data-id="${GARDEN}"]`);
    await expect.poll(() => madeUp.getAttribute('data-synthetic'), POLL).toBe('true');
    expect(await madeUp.locator('.tag.synthetic').count()).toBe(1);
    await page.locator('#search').fill('keukentafelgesprek');
    const hit = page.locator('#search-results li[data-id="practice:keukentafelgesprek"]');
    // Keukentafelgesprek is one of the illustrative sample's practices.
    expect(await hit.getAttribute('data-synthetic')).toBe('true');
    await hit.click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('focus')).toBe('practice:keukentafelgesprek');
    expect(await drawnIds(page)).toContain('practice:keukentafelgesprek');
    expect(await drawnIds(page)).not.toContain(BREDA);
  });

  it('filters by node type (fetching without it) and changes the layout', async () => {
    await page.goto(`${api.url}/explore?focus=${encodeURIComponent(BREDA)}&depth=1`);
    await settled(page);
    await page.locator('#legend input[data-node-type="EMPLOYEE"]').uncheck();
    await expect.poll(async () => (await drawnIds(page)).some((id) => id.startsWith('employee:')), POLL).toBe(false);
    await settled(page);
    expect(await drawnIds(page)).toContain('case:buurttuin-breda-noord');
    const graphml = new URL((await page.locator('#export-graphml').getAttribute('href'))!, api.url);
    expect(graphml.searchParams.get('types')?.split(',')).not.toContain('EMPLOYEE');
    for (const layout of ['concentric', 'breadthfirst', 'fcose']) {
      await page.locator('#layout').selectOption(layout);
      await settled(page);
    }
  });

  it('draws the co-occurrence heat map of practices × dilemmas', async () => {
    await page.locator('#view-heatmap').click();
    await page.locator('#heatmap[data-state="idle"]').waitFor();
    const columns = await page.locator('#heatmap th.col').allInnerTexts();
    expect(columns.map((c) => c.trim()).sort()).toEqual(['Afwegen van belangen', 'Bemiddelen', 'Loslaten of sturen']);
    expect(await page.locator('#heatmap tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(DOCS, 'explorer-heatmap.png') });
    await page.locator('#heat-columns').selectOption('MUNICIPALITY');
    await expect.poll(() => page.locator('#heatmap th.col').count(), POLL).toBe(6);
    await page.locator('#view-graph').click();
  });

  it('has a visible Data toggle: REAL draws only the report\'s data, and the status and export links say so', async () => {
    await page.goto(`${api.url}/explore?focus=${BREDA}`);
    await settled(page);
    expect(await drawnIds(page)).toContain('employee:breda-01');
    expect(await page.locator('#status').textContent()).toMatch(/% made up/);
    await page.locator('#data-scope').selectOption('REAL');
    await page.locator('#status[data-state="idle"]', { hasText: 'real data only' }).waitFor();
    const ids = await drawnIds(page);
    expect(ids).toContain('research:ambtelijk-vakmanschap');
    expect(ids.filter((id) => id.startsWith('employee:') || id.startsWith('case:'))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('scope')).toBe('real');
    const graphml = new URL((await page.locator('#export-graphml').getAttribute('href'))!, api.url);
    expect(graphml.searchParams.get('scope')).toBe('real');
    await page.locator('#data-scope').selectOption('ALL');
    await settled(page);
  });

  it('made no request off this machine and logged no console error', () => {
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

describe('the explorer shows which practice–dilemma links rest on quotations', () => {
  // The two-interview fixture (test/qdpx/fixtures.ts) with "Handelen in de geest van de wet" coded as the
  // seed's Keukentafelgesprek and "Loslaten of sturen" as Bemiddelen, and the selection q7 coded Bemiddelen
  // too: the seed's link Keukentafelgesprek → Bemiddelen then rests on q6 and q7 (2 quotations), the link
  // Verbinden van partijen → Bemiddelen on none.
  const PRACTICE = 'practice:keukentafelgesprek';
  const DILEMMA = 'dilemma:bemiddelen';
  const created: string[] = [];
  let page: Page;

  beforeAll(async () => {
    const q7 = SELECTIONS.find((s) => s.key === 'q7')!.phrase;
    const fixture = twoInterviews(uniqueSlug('explore'), {
      mutate: (qde) => recoded(qde, [['Handelen in de geest van de wet', 'Keukentafelgesprek'], ['Loslaten of sturen', 'Bemiddelen']], [[q7, 'Bemiddelen']]),
    });
    created.push(...createdIds(fixture));
    await importQdpx(api.db, fixture.qdpx, { synthetic: true, timeoutMs: 120_000 });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await page?.close();
    await removeNodes(api.db, created);
  });

  it('labels the ADDRESSES edge and lists the counts in the practice\'s and the dilemma\'s panel', async () => {
    const watch = watchPage(page);
    await page.goto(`${api.url}/explore?focus=${encodeURIComponent(PRACTICE)}&depth=1`);
    await settled(page);
    // The focus is selected: its panel lists the dilemmas it addresses with their quotations.
    const link = page.locator(`#panel-node [data-links] li[data-link="${DILEMMA}"]`);
    await expect.poll(() => link.getAttribute('data-quotations'), POLL).toBe('2');
    expect(await link.innerText()).toContain('Bemiddelen — rests on 2 quotations');
    // The edge says so too.
    const edge = () =>
      page.evaluate(
        ([from, to]) => {
          const found = (globalThis as any).explorer.cy.edges(`[type = "ADDRESSES"][source = "${from}"][target = "${to}"]`);
          return { quotations: found.data('quotations'), label: found.style('label') };
        },
        [PRACTICE, DILEMMA],
      );
    await expect.poll(async () => (await edge()).quotations, POLL).toBe(2);
    expect((await edge()).label).toBe('ADDRESSES · 2 quotations');
    // The dilemma's panel: the same link from the other end, and a link that rests on no quotation.
    await page.evaluate((id) => {
      const cy = (globalThis as any).explorer.cy;
      cy.nodes().unselect();
      cy.getElementById(id).select();
    }, DILEMMA);
    await page.locator('#panel-node [data-links][data-state="idle"]').waitFor(POLL);
    const practices = page.locator('#panel-node [data-links] li');
    expect(await practices.filter({ hasText: 'Keukentafelgesprek' }).innerText()).toContain('rests on 2 quotations');
    expect(await page.locator('#panel-node [data-links] li[data-link="practice:verbinden-van-partijen"]').innerText()).toContain('Verbinden van partijen — no quotations');
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

describe('the explorer with 2,000 nodes on screen', () => {
  it('draws a synthetic 2,000-node neighbourhood and still answers clicks', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page);
    const graph = syntheticNeighbourhood(2_000, 3_000);
    // The API is replaced for this page only by the synthetic answer (the request never leaves the browser).
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string };
      if (body.operationName === 'ExplorerNeighbourhood') {
        await route.fulfill({ json: { data: { neighbourhood: graph } } });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${api.url}/explore?focus=${encodeURIComponent(graph.nodes[0]!.id)}&limit=2000`);
    await settled(page);
    expect((await drawnIds(page)).length).toBe(2_000);
    // Click the node with the most room around it: in a star of 2,000 nodes many overlap.
    const loneliest = await page.evaluate(() => {
      const nodes = (globalThis as any).explorer.cy.nodes().map((n: any) => ({ id: n.id() as string, p: n.position() }));
      let best = { id: '', room: -1 };
      for (const a of nodes) {
        let room = Infinity;
        for (const b of nodes) if (b !== a) room = Math.min(room, Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y));
        if (room > best.room) best = { id: a.id, room };
      }
      return best.id;
    });
    const at = await screenPosition(page, loneliest);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#panel-node .node-id').innerText(), POLL).toBe(loneliest);
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
