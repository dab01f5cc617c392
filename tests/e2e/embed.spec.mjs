// Embed mode inside a parent page: height reports, content from the parent, URL parameters,
// the "open full playground" link, and no use of the parent site's saved draft.
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { shot } from './helpers.mjs';

// Served by scripts/e2e-site.sh next to /playground/, as a docs page would embed it.
const parent = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Docs page</title></head>
<body style="margin:0;font-family:sans-serif">
<h1 style="font-size:18px;margin:8px">A docs page</h1>
<iframe id="playground" title="EncryptionConfiguration playground"
  src="playground/?embed=1&example=secretbox&k8s=1.30&panel=ordering&theme=dark"
  style="width:1000px;height:150px;border:1px solid #888" loading="eager"></iframe>
<script>
  window.messages = [];
  const frame = document.getElementById('playground');
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    window.messages.push(event.data);
    if (event.data.type === 'encryption-playground:resize') frame.style.height = event.data.height + 'px';
  });
  window.sendToPlayground = (yaml, options) =>
    frame.contentWindow.postMessage({ type: 'encryption-playground:load', yaml, options }, '*');
</script>
</body></html>`;

const broken = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n' +
  '  - resources: [Secrets, Configmaps, Events]\n    providers:\n      - kms: {name: a, endpoint: "tcp://x"}\n';

test('the embed reports its height, takes content from the parent, and links to the full playground', async ({ page, context }) => {
  writeFileSync('target/e2e-site/embed-parent.html', parent);
  await page.goto('../embed-parent.html');
  const frame = page.frameLocator('#playground');

  await expect(frame.getByTestId('editor')).toHaveValue(/secretbox/);
  await expect.poll(() => page.evaluate(() => window.messages.map((m) => m.type))).toContain('encryption-playground:ready');
  const heights = () => page.evaluate(() => window.messages.filter((m) => m.type === 'encryption-playground:resize').map((m) => m.height));
  await expect.poll(async () => (await heights()).length).toBeGreaterThan(0);
  const first = (await heights()).at(-1);
  expect(first).toBeGreaterThan(300);
  // The parent followed the reported height: the iframe shows all of the page, no scrollbar.
  await expect.poll(() => page.locator('#playground').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(first - 1);
  const inner = await frame.locator('html').evaluate((el) => [el.scrollHeight, window.innerHeight]);
  expect(inner[0]).toBeLessThanOrEqual(inner[1] + 1);

  // URL parameters: version, panel, theme, compact layout.
  await expect(frame.getByTestId('k8s-version')).toHaveValue('1.30');
  await expect(frame.locator('[data-testid=panel-tab][data-panel=ordering]')).toHaveAttribute('aria-selected', 'true');
  await expect(frame.getByTestId('ordering-row').first()).toBeVisible();
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(frame.locator('.topbar')).toHaveCount(0);
  await shot(page, 'embed', { fullPage: true });

  // Content from the parent.
  await page.evaluate((yaml) => window.sendToPlayground(yaml, { k8s: '1.29', reload: true }), broken);
  await expect(frame.getByTestId('editor')).toHaveValue(broken);
  await expect(frame.getByTestId('k8s-version')).toHaveValue('1.29');
  await expect(frame.getByTestId('reload')).toBeChecked();
  await expect(frame.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await frame.locator('[data-testid=panel-tab][data-panel=diagnostics]').click();
  await expect(frame.getByTestId('diagnostic').first()).toBeVisible();
  await expect.poll(async () => (await heights()).at(-1)).not.toBe(first);

  // Messages of other types, or from other windows, are ignored.
  await page.evaluate(() => document.getElementById('playground').contentWindow.postMessage({ type: 'something-else', yaml: 'x' }, '*'));
  await frame.locator('body').evaluate(() => window.postMessage({ type: 'encryption-playground:load', yaml: 'self: 1' }, '*'));
  await page.waitForTimeout(300);
  await expect(frame.getByTestId('editor')).toHaveValue(broken);

  // An embed never reads or writes the site's saved draft.
  expect(await frame.locator('body').evaluate(() => localStorage.getItem('enccfg-playground:draft'))).toBeNull();

  // "Open full playground" carries the current file, in a new tab, without embed=1.
  const [full] = await Promise.all([context.waitForEvent('page'), frame.getByTestId('open-full').click()]);
  await expect(frame.getByTestId('open-full')).toHaveAttribute('href', /\/playground\/#s=1\.[A-Za-z0-9_-]+$/);
  await full.waitForLoadState();
  await expect(full.getByTestId('editor')).toHaveValue(broken);
  await expect(full.getByTestId('notice')).toContainText('Opened a shared file');
  await expect(full.getByTestId('k8s-version')).toHaveValue('1.29');
  await expect(full.locator('.page.embed')).toHaveCount(0);
});

/** Makes storage and the clipboard refuse, as sandboxes, private modes and strict policies do. */
function refuseStorageAndClipboard() {
  const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  Object.defineProperty(window, 'localStorage', { get: refuse, configurable: true });
  Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  Document.prototype.execCommand = function (command) {
    if (command === 'copy') throw new DOMException('denied', 'NotAllowedError');
    return false;
  };
}

test('a sandboxed embed without storage or clipboard still works', async ({ page }) => {
  writeFileSync('target/e2e-site/embed-sandboxed.html',
    parent.replace('<iframe id="playground"', '<iframe id="playground" sandbox="allow-scripts allow-same-origin allow-popups"'));
  await page.addInitScript(refuseStorageAndClipboard);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('../embed-sandboxed.html');
  const frame = page.frameLocator('#playground');
  await expect(frame.getByTestId('editor')).toHaveValue(/secretbox/);
  await frame.locator('[data-testid=panel-tab][data-panel=export]').click();
  await frame.getByTestId('share').click();
  await expect(frame.getByTestId('share-status')).toHaveText(/Copy the link above/);
  await expect(frame.getByTestId('share-url')).toHaveValue(/#s=1\./);
  await page.evaluate((yaml) => window.sendToPlayground(yaml, {}), broken);
  await expect(frame.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  expect(errors).toEqual([]);
});

test('the full page without storage or clipboard says the draft is not saved, and keeps working', async ({ page }) => {
  await page.addInitScript(refuseStorageAndClipboard);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./');
  await page.getByTestId('editor').fill(broken);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('autosave-status')).toContainText('refuses storage');
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText(/Copy the link above/);
  expect(errors).toEqual([]);
});
