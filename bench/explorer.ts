import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import express from 'express';
import { buildWebBundles } from '../src/cli/build-web.js';
import { webRoutes } from '../src/server/web.js';
import { syntheticNeighbourhood } from '../test/support/synthetic-graph.js';
import { launchChromium } from '../test/support/web.js';

/**
 * `npm run bench:explorer [-- --nodes 2000 --edges 3000 --screenshot --no-texture]`: how the explorer copes with a
 * large drawing, in Debian's headless Chromium (software rendering: --disable-gpu, so a desktop
 * browser with a GPU does better). The page is served by the real web routes; its `neighbourhood`
 * request is answered in the browser with a synthetic graph (no database needed). Prints:
 * - load: navigation → graph drawn and laid out (fCoSE) and the status idle;
 * - each layout re-run on the same graph;
 * - frame times while zooming and panning continuously (mouse wheel and drag, real input events);
 * - click → side panel latency.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2000' },
    edges: { type: 'string', default: '3000' },
    screenshot: { type: 'boolean', default: false },
    // Compare: redraw everything on every frame while zooming/panning (the explorer's setting below LARGE_GRAPH).
    'no-texture': { type: 'boolean', default: false },
  },
});
const nodeCount = Number(values.nodes);
const edgeCount = Number(values.edges);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

await buildWebBundles({ ifStale: true });
const app = express();
app.use(webRoutes());
const server = http.createServer(app);
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium({ width: 1400, height: 860 });

try {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  const graph = syntheticNeighbourhood(nodeCount, edgeCount);
  await page.route('**/graphql', async (route) => {
    const { operationName } = route.request().postDataJSON() as { operationName?: string };
    const data =
      operationName === 'ExplorerNeighbourhood'
        ? { neighbourhood: graph }
        : operationName === 'ExplorerStart'
          ? { researchProgrammes: { edges: [] }, stats: { byType: [] } }
          : operationName === 'ExplorerShortestPath'
            ? { shortestPath: null }
            : {};
    await route.fulfill({ json: { data } });
  });

  const started = performance.now();
  await page.goto(`${url}/explore?focus=${encodeURIComponent(graph.nodes[0]!.id)}&limit=2000`);
  await page.locator('#status[data-state="idle"]').waitFor({ timeout: 120_000 });
  const loadMs = performance.now() - started;
  const drawn = await page.evaluate(() => (globalThis as any).explorer.cy.nodes().length);
  // Layout quality in one number: nodes whose centre is within 20 px of another's (node size 26).
  const crowded = (): Promise<number> =>
    page.evaluate(`(() => {
      const ps = window.explorer.cy.nodes().map((n) => n.position());
      let count = 0;
      for (let i = 0; i < ps.length; i++) {
        for (let j = 0; j < ps.length; j++) if (i !== j && Math.abs(ps[i].x - ps[j].x) < 20 && Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y) < 20) { count++; break; }
      }
      return count;
    })()`);
  const crowdedAfterLoad = await crowded();

  // Each layout on the same graph (the page starts with fCoSE; a change event sets the status to loading).
  const layouts: Record<string, number> = {};
  for (const layout of ['concentric', 'breadthfirst', 'fcose']) {
    const t0 = performance.now();
    await page.locator('#layout').selectOption(layout);
    await page.locator('#status[data-state="idle"]').waitFor({ timeout: 120_000 });
    layouts[layout] = performance.now() - t0;
  }

  // Frame times during continuous zooming (a wheel event every frame) and then panning (a drag, one
  // mouse move per frame), 3 s each, dispatched in the page at the pace a user's input arrives.
  // (Strings: tsx would wrap named functions in a helper the page does not have.)
  const interact = (kind: 'wheel' | 'drag') =>
    page.evaluate(`(async () => {
      const container = document.getElementById('cy');
      const canvas = container.querySelector('canvas:last-of-type') || container;
      const rect = container.getBoundingClientRect();
      // Zoom at the centre; drag from the top-left corner, which fit() leaves empty (a drag on a node would move the node).
      const cx = rect.left + (${JSON.stringify(kind)} === 'wheel' ? rect.width / 2 : 12), cy = rect.top + (${JSON.stringify(kind)} === 'wheel' ? rect.height / 2 : 12);
      const frames = [];
      const until = performance.now() + 3000;
      let last = performance.now(), i = 0;
      if (${JSON.stringify(kind)} === 'drag') canvas.dispatchEvent(new MouseEvent('mousedown', { clientX: cx, clientY: cy, button: 0, buttons: 1, bubbles: true }));
      await new Promise((done) => {
        const tick = (now) => {
          frames.push(now - last);
          last = now;
          i++;
          if (${JSON.stringify(kind)} === 'wheel') {
            canvas.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY: Math.floor(i / 45) % 2 ? 30 : -30, bubbles: true, cancelable: true }));
          } else {
            window.dispatchEvent(new MouseEvent('mousemove', { clientX: cx + 200 + Math.sin(i / 20) * 200, clientY: cy + 150 + Math.cos(i / 20) * 150, buttons: 1, bubbles: true }));
          }
          if (now < until) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      if (${JSON.stringify(kind)} === 'drag') window.dispatchEvent(new MouseEvent('mouseup', { clientX: cx, clientY: cy, bubbles: true }));
      return frames.slice(1);
    })()`) as Promise<number[]>;
  const stats = (frames: number[]) => {
    const sorted = [...frames].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    const total = frames.reduce((sum, f) => sum + f, 0);
    return `${(frames.length / (total / 1000)).toFixed(0)} fps (median frame ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, worst ${q(1).toFixed(0)} ms)`;
  };
  if (values['no-texture']) await page.evaluate(() => ((globalThis as any).explorer.cy.renderer().textureOnViewport = false));
  await page.evaluate(() => (globalThis as any).explorer.view.fit());
  const wheelFrames = await interact('wheel');
  await page.evaluate(() => (globalThis as any).explorer.view.fit());
  const dragFrames = await interact('drag');

  // Click → side panel, on the three most isolated nodes (in a star-shaped neighbourhood of 2,000 nodes
  // many overlap; a user clicks what they can see).
  const targets: string[] = await page.evaluate(`(() => {
    const nodes = window.explorer.cy.nodes().map((n) => ({ id: n.id(), p: n.position() }));
    const room = nodes.map((a) => ({ id: a.id, d: Math.min(...nodes.filter((b) => b !== a).map((b) => Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y))) }));
    return room.sort((a, b) => b.d - a.d).slice(0, 3).map((r) => r.id);
  })()`);
  const box = (await page.locator('#cy').boundingBox())!;
  const clicks: number[] = [];
  for (const id of targets) {
    const position: { x: number; y: number } = await page.evaluate(
      `(() => { const c = window.explorer.cy; const n = c.getElementById(${JSON.stringify(id)}); c.zoom(1.5); c.center(n); return n.renderedPosition(); })()`,
    );
    await page.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(done))));
    const t0 = performance.now();
    await page.mouse.click(box.x + position.x, box.y + position.y);
    await page.waitForFunction((nodeId) => (globalThis as any).document.querySelector('#panel-node .node-id')?.textContent === nodeId, id);
    clicks.push(performance.now() - t0);
  }

  if (values.screenshot) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.evaluate(() => (globalThis as any).explorer.view.fit());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, 'docs', 'explorer-2000.png') });
  }

  const ms = (n: number) => `${Math.round(n)} ms`;
  const lines = [
    `explorer at scale: ${drawn} nodes, ${edgeCount} edges drawn (headless Chromium, software rendering)`,
    `  load → drawn, laid out (fCoSE) and idle: ${ms(loadMs)} (nodes within 20 px of another: ${crowdedAfterLoad})`,
    ...Object.entries(layouts).map(([name, t]) => `  layout ${name}: ${ms(t)}`),
    `  zooming (wheel, 3 s${values['no-texture'] ? ', no viewport texture' : ''}): ${stats(wheelFrames)}`,
    `  panning (drag, 3 s${values['no-texture'] ? ', no viewport texture' : ''}): ${stats(dragFrames)}`,
    `  click → side panel: ${clicks.map(ms).join(', ')}`,
    `  console errors: ${errors.length}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  await browser.close();
  server.close();
}
