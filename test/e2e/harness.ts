/**
 * For the browser tests and benchmark: builds the app once with vite into a temporary folder,
 * serves it on a free loopback port with a tiny static server, and launches Debian's Chromium
 * through playwright-core. `close()` stops all of it.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

export async function buildApp(): Promise<string> {
  const { build } = await import('vite');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwu-app-'));
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

export async function launch(opts: { locale?: string } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, locale: opts.locale ?? 'en-GB', viewport: { width: 1280, height: 720 }, acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Waits until the page says every run is up to date (in either language). */
export function waitUpToDate(page: import('playwright-core').Page, timeout = 90_000, polling = 200) {
  return page.waitForFunction(() => /Up to date|已更新/.test(document.querySelector('#progress-text')?.textContent ?? ''), null, { timeout, polling });
}

/** Builds and serves the app for a test file: call `start()` in beforeAll and `stop()` in afterAll. */
export function servedApp() {
  let dir = '';
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  return {
    get url() { return server!.url; },
    async start() { dir = await buildApp(); server = await serve(dir); },
    async stop() { await server?.close(); if (dir) fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * One served app, one browser and one page for a test file, with the page's console errors
 * collected: call `start()` in beforeAll and `stop()` in afterAll.
 */
export function appSession(opts: { locale?: string } = {}) {
  const server = servedApp();
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  let page: import('playwright-core').Page | undefined;
  const errors: string[] = [];
  return {
    errors,
    get url() { return server.url; },
    get page() { return page!; },
    async start() {
      await server.start();
      browser = await launch({ locale: opts.locale ?? 'en-GB' });
      page = await browser.context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
    },
    async stop() {
      await browser?.close();
      await server.stop();
    },
  };
}
