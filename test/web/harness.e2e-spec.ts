/**
 * The browser harness and the API's serving of the console, on a stand-in console (test/web/fixtures):
 * static files with SPA fallback and cache headers, a CSP that lets the app run, directory sign-in
 * through the session the console keeps, axe and screenshots. The real console's pages have their own files.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { e2eEnv } from '../support/e2e-env';
import { startApiProcess, type ApiProcess } from '../api/support/api-process';
import { expectNoSeriousAxeViolations } from './support/axe';
import { anonymousPage, signedInPage, useChromium } from './support/browser';
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots';

const FIXTURE = path.join(__dirname, 'fixtures', 'console');

describe('the web console harness', () => {
  const chromium = useChromium();
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-web-harness-'));
    // Directory mode: the API's own generated secret in its data folder (no ACCORD_JWT_SECRET).
    api = await startApiProcess({
      TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
      ACCORD_DATA_DIR: dataDir,
      ACCORD_WEB_DIR: FIXTURE,
    });
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links, revalidated, with a CSP', async () => {
    for (const p of ['/', '/inbox', '/processes/some-id?tab=timeline']) {
      const res = await fetch(`${api.url}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
      expect(await res.text()).toContain('<title>Harness console</title>');
    }
  });

  it('caches hashed assets for a year and answers 404 for a missing one', async () => {
    const asset = await fetch(`${api.url}/assets/app-0f1e2d.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${api.url}/assets/app-gone.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      statusCode: 404,
      message: 'Cannot GET /assets/app-gone.js',
    });
  });

  it('leaves the API, docs, health and metrics to the API', async () => {
    const unknown = await fetch(`${api.url}/api/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404 });
    const me = await fetch(`${api.url}/api/v1/me`);
    expect(me.status).toBe(401);
    expect((await fetch(`${api.url}/health`)).headers.get('content-type')).toMatch(/json/);
    expect(await (await fetch(`${api.url}/docs-json`)).json()).toMatchObject({
      info: { title: 'Accord API' },
    });
    expect((await fetch(`${api.url}/metrics`)).headers.get('content-type')).toMatch(/text\/plain/);
    const post = await fetch(`${api.url}/inbox`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ statusCode: 404, requestId: expect.any(String) });
  });

  it('opens a page signed in as a seeded user, where axe finds nothing serious, and saves a screenshot', async () => {
    const page = await signedInPage(chromium.browser(), 'jp-officer', { baseUrl: api.url });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/inbox');
    await page.getByRole('heading', { name: 'Signed in as Sato Haruka (JP) at /inbox' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    const file = await saveScreenshot(page, 'harness-signed-in');
    expect(file).toBe(path.join(SCREENSHOT_DIR, 'harness-signed-in.png'));
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows sign-in to nobody, and axe catches a serious violation when there is one', async () => {
    const page = await anonymousPage(chromium.browser(), { baseUrl: api.url });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in (/)' }).waitFor();
    // An image without a text alternative is a critical violation (image-alt): the helper must fail.
    await page.evaluate("document.querySelector('main').append(document.createElement('img'))");
    await expect(expectNoSeriousAxeViolations(page)).rejects.toThrow(/image-alt/);
    await page.context().close();
  });
});
