/**
 * The console listener's `/` in a real browser: the API reference (Swagger UI) renders the data
 * plane's and the operator API's operations from the served OpenAPI documents, with every asset
 * from the console itself. A screenshot is kept in test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { call } from './support/http.js';
import { backend, postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('the console listener /', () => {
  let links: TestLinks;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  useTestServer((started) => {
    links = started;
  });
  beforeAll(async () => {
    chromium = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
  });

  it('answers the API reference, not 404, and its documents are the served ones', async () => {
    const root = await fetch(`${links.url('console')}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/reference/');
    const page = await call(links.url('console'), 'GET', '/reference/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Links API reference');
    // Scripts, styles and images from the console itself only; never framed.
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'; .*frame-ancestors 'none'$/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const dataPlane = await call(links.url('console'), 'GET', '/reference/data-plane-openapi.json');
    expect(dataPlane.body).toEqual((await call(links.url('sandbox'), 'GET', '/api/v1/openapi')).body);
    const operator = await call(links.url('console'), 'GET', '/reference/operator-openapi.json');
    expect(operator.body).toEqual((await call(links.url('console'), 'GET', '/admin/v1/openapi', { token: links.adminToken })).body);
    // The operator API itself still needs the token.
    expect((await call(links.url('console'), 'GET', '/admin/v1/openapi')).status).toBe(401);
  });

  it('renders both documents’ operations in Chromium, offline, and keeps a screenshot', async () => {
    const origin = links.url('console');
    const page = await chromium.browser.newPage();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/reference/`);
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/journal-entries' }).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.info .title').first().textContent()).toContain('Links API');
    const dataPlanePaths = await page.locator('.opblock-summary-path').allInnerTexts();
    expect(dataPlanePaths.length).toBeGreaterThan(20);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = path.join(ARTIFACTS, `console-reference-${backend}.png`);
    fs.rmSync(screenshot, { force: true });
    await page.screenshot({ path: screenshot });
    expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);

    // The other document, from the top bar's list.
    await page.locator('.topbar select').selectOption({ label: 'Operator API (/admin/v1)' });
    await page.locator('.opblock-summary-path', { hasText: '/admin/v1/tenants' }).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.info .title').first().textContent()).toContain('Links operator API');
    const operatorPaths = await page.locator('.opblock-summary-path').allInnerTexts();
    expect(operatorPaths).toContain('/admin/v1/api-keys/{key_id}/rotate');
    expect(operatorPaths.some((p) => p.startsWith('/api/v1'))).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, `console-reference-operator-${backend}.png`) });

    expect(elsewhere, 'requests that left the console').toEqual([]);
    expect(problems, 'errors in the page').toEqual([]);
    await page.close();
  }, 180_000);
});
