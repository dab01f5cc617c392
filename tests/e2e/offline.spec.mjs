// Offline and installable: after a first visit the service worker serves the page from its
// sub-path with the network cut (analysis, verdict, the embed); a new build deployed into the
// served directory replaces the cached release; ?offline=off unregisters it.
import { test, expect } from '@playwright/test';
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { examples, load, settle } from './helpers.mjs';

/** Waits until the service worker has cached this release and controls the page. */
async function installed(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after a first visit the page works offline from its sub-path, embed included', async ({ page, context }) => {
  await page.goto('./');
  await settle(page);
  await installed(page);
  const manifest = await page.locator('link[rel=manifest]').getAttribute('href');
  expect(manifest).toBe('manifest.webmanifest');

  await context.setOffline(true);
  await page.reload();
  await settle(page);
  const broken = examples().find((e) => e.id === 'broken');
  await load(page, broken.text);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  const aescbc = examples().find((e) => e.accepted);
  await load(page, aescbc.text);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');

  // Another URL of the same app (query string, embed mode) also opens offline.
  await page.goto('./?embed=1&example=broken');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await context.setOffline(false);
});

test('the manifest is relative and names its icons', async ({ request }) => {
  const manifest = await (await request.get('./manifest.webmanifest')).json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  for (const icon of manifest.icons) {
    const response = await request.get(`./${icon.src}`);
    expect(response.ok(), icon.src).toBe(true);
  }
  expect(manifest.icons.map((i) => i.type)).toEqual(['image/svg+xml', 'image/png', 'image/png']);
});

test('a new build deployed into the served directory replaces the cached release', async ({ page, context }) => {
  // A copy of dist/ served beside the main site, so this test can deploy into it.
  const dir = 'target/e2e-site/offline-release';
  rmSync(dir, { recursive: true, force: true });
  cpSync('dist', dir, { recursive: true, dereference: true });
  let deploys = 0;
  const deploy = (marker) => {
    const index = `${dir}/index.html`;
    const html = readFileSync(index, 'utf8').replace(/\s*<meta name="e2e-release"[^>]*>/, '');
    // Release builds are minified (`<meta charset=utf-8>`): match either form, and fail loudly.
    const marked = html.replace(/<meta charset="?utf-8"?\s*\/?>/, (tag) => `${tag}\n    <meta name="e2e-release" content="${marker}" />`);
    expect(marked).toContain(`content="${marker}"`);
    writeFileSync(index, marked);
    execFileSync('python3', ['scripts/offline.py', dir, 'release']);
    // Each deploy's files get a later modification time than the one before: the test server
    // (python's http.server) answers a revalidation with 304 when the time is the same second,
    // and two deploys a second apart would leave the browser on the first sw.js.
    deploys += 1;
    const when = new Date(Date.now() + deploys * 10_000);
    for (const file of ['index.html', 'sw.js']) utimesSync(`${dir}/${file}`, when, when);
  };
  const release = () => page.locator('meta[name=e2e-release]').getAttribute('content');
  const caches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.includes('/offline-release/')));

  deploy('one');
  await page.goto('../offline-release/');
  await settle(page);
  await installed(page);
  expect(await release()).toBe('one');
  const first = await caches();
  expect(first.length).toBe(1);

  deploy('two');
  // A new address for the next visit: the browser's HTTP cache may still hold the index.html it
  // was given a second ago (the test server sends no cache headers), which is not what this tests.
  await page.goto('../offline-release/?visit=2');
  await settle(page);
  expect(await release()).toBe('two');
  // The new worker takes over and deletes the old release's cache.
  await expect.poll(caches).not.toEqual(first);
  await expect.poll(async () => (await caches()).length).toBe(1);

  // Offline (and the files gone from the server, so nothing can come from it), the cached
  // release is the new one.
  rmSync(dir, { recursive: true, force: true });
  await context.setOffline(true);
  await page.reload();
  await settle(page);
  expect(await release()).toBe('two');
  await context.setOffline(false);
});

test('?offline=off unregisters the worker and deletes its caches', async ({ page }) => {
  await page.goto('./');
  await settle(page);
  await installed(page);
  await page.goto('./?offline=off');
  await settle(page);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBe(0);
});

test('the CSP allows the worker and the manifest from this origin only', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['worker-src']).toEqual(["'self'"]);
  expect(directives['manifest-src']).toEqual(["'self'"]);
  // The worker caches every file of the build, with relative URLs.
  const sw = await (await request.get('./sw.js')).text();
  const files = JSON.parse(/const FILES = (\[.*\]);/.exec(sw)[1]);
  expect(files).toContain('index.html');
  expect(files.some((f) => f.startsWith('extras/') && f.endsWith('.wasm'))).toBe(true);
  expect(files.every((f) => !f.startsWith('/') && !f.includes('://'))).toBe(true);
});

test('a build with ENCCFG_OFFLINE=0 has no worker, and unregisters the one of an earlier build', async ({ page }) => {
  const dir = 'target/e2e-site/offline-optout';
  rmSync(dir, { recursive: true, force: true });
  cpSync('dist', dir, { recursive: true, dereference: true });
  await page.goto('../offline-optout/');
  await settle(page);
  await installed(page);

  execFileSync('python3', ['scripts/offline.py', dir, 'release'], { env: { ...process.env, ENCCFG_OFFLINE: '0' } });
  expect(readFileSync(`${dir}/index.html`, 'utf8')).not.toContain('<meta name="enccfg-offline"');
  expect(() => readFileSync(`${dir}/sw.js`)).toThrow();
  // A new address, so that the HTTP cache cannot hand back the previous build's index.html.
  await page.goto('../offline-optout/?visit=2');
  await settle(page);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});
