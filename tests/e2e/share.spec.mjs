// Share links (keys redacted unless opted in), broken links, autosave and the draft question.
import { test, expect } from '@playwright/test';
import { examples, settle } from './helpers.mjs';

const rotation = examples().find((e) => e.id === 'rotation').text;
const KEYS = [...rotation.matchAll(/secret: (\S+)/g)].map((m) => m[1]);

/** Waits until the stored draft is `text` (or, with `prefix`, starts with it). */
async function savedDraft(page, text, { prefix = false } = {}) {
  const quoted = JSON.stringify(text);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('enccfg-playground:draft') ?? ''))
    .toContain('{"yaml":' + (prefix ? quoted.slice(0, 60) : quoted + ','));
}

async function makeLink(page, { includeKeys = false } = {}) {
  await page.goto('./?example=rotation');
  await page.getByTestId('k8s-version').selectOption('1.30');
  await page.getByTestId('reload').check();
  if (includeKeys) {
    await page.getByTestId('share-include-keys').check();
    await expect(page.getByTestId('share-keys-warning')).toBeVisible();
  }
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText(/copied|Copy the link above/);
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/\/playground\/#s=1\.[A-Za-z0-9_-]+$/);
  return url;
}

test('a share link restores text and options in a fresh browser, with keys redacted', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const url = await makeLink(page);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  for (const key of KEYS) expect(url).not.toContain(key);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  const text = await other.getByTestId('editor').inputValue();
  expect(text.split('\n').length).toBe(rotation.split('\n').length);
  for (const key of KEYS) expect(text).not.toContain(key);
  expect(text).toContain('secret: REDACTED0');
  expect(text.replace(/secret: \S+/g, 'secret: K')).toBe(rotation.replace(/secret: \S+/g, 'secret: K'));
  await expect(other.getByTestId('k8s-version')).toHaveValue('1.30');
  await expect(other.getByTestId('reload')).toBeChecked();
  await expect(other.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(other.getByTestId('notice')).toContainText('REDACTED placeholders');
  await expect(other).toHaveURL(/\/playground\/$/); // the fragment is dropped once read
  await fresh.close();
});

test('a share link carries the keys when the sharer opts in', async ({ page, browser }) => {
  const url = await makeLink(page, { includeKeys: true });
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByTestId('editor')).toHaveValue(rotation);
  await expect(other.getByTestId('k8s-version')).toHaveValue('1.30');
  await expect(other.getByTestId('notice')).toContainText("includes the sharer's keys");
  await fresh.close();
});

test('autosave survives a reload', async ({ page }) => {
  await page.goto('./');
  const draft = rotation.replace('name: key2', 'name: key-new');
  await page.getByTestId('editor').fill(draft);
  await page.getByTestId('k8s-version').selectOption('1.31');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('enccfg-playground:draft'))).toContain('"k8s":"1.31"');
  await expect(page.getByTestId('autosave-status')).toContainText('Draft saved');
  await page.reload();
  const restored = await page.getByTestId('editor').inputValue();
  expect(restored).toContain('name: key-new');
  for (const key of KEYS) expect(restored).not.toContain(key); // keys are not stored by default
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.31');
  await expect(page.getByTestId('notice')).toContainText('Restored your draft');

  // Opting in stores the keys too; opting out takes them out of the stored draft again.
  await page.getByTestId('autosave-keys').check();
  await page.getByTestId('editor').fill(draft + '# with keys\n');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('enccfg-playground:draft'))).toContain(KEYS[0]);
  await expect(page.getByTestId('autosave-status')).toContainText('keys included');
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveValue(draft + '# with keys\n');
  await page.getByTestId('autosave-keys').uncheck();
  const stored = await page.evaluate(() => localStorage.getItem('enccfg-playground:draft'));
  for (const key of KEYS) expect(stored).not.toContain(key);
});

test('a corrupted or unknown-version link says so and keeps the draft', async ({ page }) => {
  await page.goto('./');
  const draft = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n';
  await page.getByTestId('editor').fill(draft);
  await savedDraft(page, draft);
  const saved = await page.evaluate(() => localStorage.getItem('enccfg-playground:draft'));

  for (const [fragment, message] of [['#s=1.AAAA-this-is-not-deflate', /damaged/], ['#s=7.abc', /format "7"/], ['#s=garbage', /damaged/]]) {
    await page.goto('about:blank');
    await page.goto(`./${fragment}`);
    await expect(page.getByTestId('notice')).toHaveAttribute('data-error', 'true');
    await expect(page.getByTestId('notice')).toContainText(message);
    await expect(page.getByTestId('notice')).toContainText('Your draft was left as it was');
    await expect(page.getByTestId('editor')).toHaveValue(draft);
    await expect(page.getByTestId('editor')).toBeEditable();
    expect(await page.evaluate(() => localStorage.getItem('enccfg-playground:draft'))).toBe(saved);
  }
});

test('opening a link over a different draft asks before replacing it', async ({ page }) => {
  const url = await makeLink(page, { includeKeys: true });
  const draft = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n';
  await page.getByTestId('editor').fill(draft);
  await savedDraft(page, draft);

  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('draft-prompt')).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveValue(rotation);
  await expect(page.getByTestId('autosave-status')).toContainText('waits for your answer');
  await page.getByTestId('restore-draft').click();
  await expect(page.getByTestId('editor')).toHaveValue(draft);
  await expect(page.getByTestId('draft-prompt')).toHaveCount(0);

  await page.goto('about:blank');
  await page.goto(url);
  await page.getByTestId('keep-opened').click();
  await savedDraft(page, rotation, { prefix: true });
  await page.reload();
  const kept = await page.getByTestId('editor').inputValue();
  expect(kept.replace(/secret: \S+/g, 'K')).toBe(rotation.replace(/secret: \S+/g, 'K'));
  expect(kept).toContain('secret: REDACTED0'); // the draft was stored without its keys
});

test('a link too long for chat apps warns and offers the file instead', async ({ page }) => {
  await page.goto('./');
  // Varied text compresses badly: well over 2,000 characters of link.
  const names = Array.from({ length: 300 }, (_, i) => `      - r${(i * 7919) % 100003}x${i}.example`);
  const text = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n' +
    names.join('\n') + '\n    providers:\n      - identity: {}\n';
  await page.getByTestId('editor').fill(text);
  await settle(page);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-too-long')).toContainText('characters long');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download').click()]);
  expect(download.suggestedFilename()).toBe('encryption-config.yaml');
  // Editing drops the link: it no longer describes the file.
  await page.getByTestId('editor').press('End');
  await page.getByTestId('editor').pressSequentially('#');
  await expect(page.getByTestId('share-url')).toHaveValue('');
});
