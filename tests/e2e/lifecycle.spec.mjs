// Key lifecycle: the key generator, compare mode, the rotation wizard and the explainer.
import { test, expect } from '@playwright/test';
import { examples, settle } from './helpers.mjs';

const rotation = examples().find((e) => e.id === 'rotation').text;

/** The secrets written in `text`, in order. */
const secretsOf = (text) => [...text.matchAll(/secret: (\S+)/g)].map((m) => m[1]);

test('the generator inserts a key that keeps the file accepted and stays out of share links', async ({ page, browser }) => {
  await page.goto('./?example=rotation');
  await settle(page);
  const before = secretsOf(rotation);
  await expect(page.getByTestId('generate-key-position')).toHaveValue('write');
  await page.getByTestId('generate-key').click();
  await expect(page.getByTestId('generate-key-status')).toContainText(/added secretbox key `key-\d{8}` \(32 bytes\) as the write key/);
  await settle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  const text = await page.getByTestId('editor').inputValue();
  const fresh = secretsOf(text).filter((s) => !before.includes(s));
  expect(fresh).toHaveLength(1);
  expect(Buffer.from(fresh[0], 'base64')).toHaveLength(32);
  // The inserted key is selected, and it is the writer now (wide screens show every view).
  const selected = await page.getByTestId('editor').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toMatch(/^name: key-\d{8}\n\s+secret: /);
  expect(selected).toContain(fresh[0]);
  await expect(page.locator('[data-testid=ordering-row][data-resource=secrets]')).toHaveAttribute('data-write', /^secretbox:key-\d{8}$/);
  // The status never shows the key.
  expect(await page.getByTestId('generate-key-status').textContent()).not.toContain(fresh[0]);

  // A share link made without opting in does not carry the new key.
  await page.getByTestId('share').click();
  // The browser compresses the link asynchronously: wait for it before reading it.
  await expect(page.getByTestId('share-url')).toHaveValue(/#s=1\./);
  const url = await page.getByTestId('share-url').inputValue();
  const other = await (await browser.newContext()).newPage();
  await other.goto(url);
  await settle(other);
  const shared = await other.getByTestId('editor').inputValue();
  expect(shared).toContain('name: key-');
  for (const key of [...before, fresh[0]]) expect(shared).not.toContain(key);
  await expect(other.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  // Opting in carries it.
  await page.getByTestId('share-include-keys').check();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).not.toHaveValue(url);
  const withKeys = await (await browser.newContext()).newPage();
  await withKeys.goto(await page.getByTestId('share-url').inputValue());
  await expect(withKeys.getByTestId('editor')).toHaveValue(text);
});

test('a read-only key goes second, and without WebCrypto no key is made', async ({ page, browser }) => {
  await page.goto('./?example=aescbc-identity');
  await settle(page);
  await page.getByTestId('generate-key-position').selectOption('read-only');
  await page.getByTestId('generate-key').click();
  await settle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  const row = page.locator('[data-testid=ordering-row][data-resource=secrets]');
  await expect(row).toHaveAttribute('data-write', 'aescbc:key1');
  await expect(row).toHaveAttribute('data-read', /^aescbc:key1,aescbc:key-\d{8},identity$/);

  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true }));
  const bare = await context.newPage();
  await bare.goto('./?example=rotation');
  await settle(bare);
  await bare.getByTestId('generate-key').click();
  await expect(bare.getByTestId('generate-key-status')).toContainText('no crypto.getRandomValues');
  await expect(bare.getByTestId('editor')).toHaveValue(rotation);
  await context.close();
});

test('compare mode finds a key removed before the rewrite', async ({ page }) => {
  await page.goto('./?example=rotation&panel=compare');
  const deployed = page.getByTestId('compare-editor');
  await deployed.fill(rotation);
  await expect(page.getByTestId('compare-finding')).toHaveCount(0);
  // The new file drops key2, which writes today.
  const dropped = rotation.replace(/ +- name: key2\n +secret: \S+\n/, '');
  await page.getByTestId('editor').fill(dropped);
  const removed = page.locator('[data-testid=compare-finding][data-kind=key-removed]');
  await expect(removed).toHaveAttribute('data-severity', 'error');
  await expect(removed).toHaveAttribute('data-resource', 'secrets');
  await expect(removed).toContainText('secretbox:key2');
  // A broken deployed file is named, not a crash.
  await deployed.fill('kind: [');
  await expect(page.locator('[data-testid=compare-finding][data-kind=parse-failed]')).toContainText('the deployed file does not decode');
});

test('the rotation wizard walks a key rotation, every step accepted', async ({ page }) => {
  await page.goto('./?example=rotation&panel=wizard');
  await expect(page.getByTestId('wizard-variant')).toHaveValue('rotate-key');
  const steps = page.getByTestId('wizard-step');
  await expect(steps).toHaveCount(4);
  expect(await steps.evaluateAll((els) => els.map((e) => e.dataset.step))).toEqual(['1', '2', '3', '4']);
  // 1.36 rewrites with kubectl; 1.37 with a StorageVersionMigration.
  await page.getByTestId('k8s-version').selectOption('1.36');
  const rewrite = steps.nth(2).getByTestId('wizard-step-command');
  await expect(rewrite.first()).toHaveText('kubectl get secrets --all-namespaces -o json | kubectl replace -f -');
  await page.getByTestId('k8s-version').selectOption('1.37');
  await expect(rewrite.first()).toContainText('kind: StorageVersionMigration');
  const files = await page.getByTestId('wizard-step-yaml').allTextContents();
  expect(files[0]).toMatch(/- name: key2\n.*\n\s+- name: key-\d{8}\n/);
  expect(files[3]).not.toContain('name: key2');
  // Each step's file, in the editor, is accepted.
  for (const file of files) {
    await page.getByTestId('editor').fill(file);
    await settle(page);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  }
  // Another variant for the same file: disabling ends with identity alone.
  await page.getByTestId('editor').fill(rotation);
  await page.getByTestId('wizard-variant').selectOption('disable');
  await expect(steps).toHaveCount(3);
  const last = await page.getByTestId('wizard-step-yaml').last().textContent();
  expect(last).not.toContain('secretbox');
});

test('the explainer reads stored prefixes and errors against the file', async ({ page }) => {
  await page.goto('./?example=rotation&panel=explain');
  const input = page.getByTestId('explain-input');
  const result = page.getByTestId('explain-result');
  await input.fill('/registry/secrets/default/db\nk8s:enc:secretbox:v1:key1:\u0001\u0002');
  await expect(result).toHaveAttribute('data-match', 'true');
  await expect(result).toHaveAttribute('data-provider', 'secretbox:key1');
  await expect(result).toContainText("The editor's file can read this data.");
  await input.fill('unable to transform key "/registry/secrets/default/db": invalid padding on input');
  await expect(result).toHaveAttribute('data-match', 'true');
  await expect(result).toContainText('aescbc decrypted with the wrong secret');
  await input.fill('all quiet on the control plane');
  await expect(result).toHaveAttribute('data-match', 'false');
});
