// Every built-in example loads from the picker (and from ?example=) with the verdict its first
// line expects.
import { test, expect } from '@playwright/test';
import { examples, settle } from './helpers.mjs';

const all = examples();

test('there are at least eight examples, each stating its expected verdict', () => {
  expect(all.length).toBeGreaterThanOrEqual(8);
  for (const e of all) expect(e.expect, `${e.id} has no "# expect:" first line`).toMatch(/accepted|refused/);
});

test('each example loads from the picker and gets the verdict it expects', async ({ page }) => {
  await page.goto('./');
  const picker = page.getByTestId('example-picker');
  // The picker is drawn once the wasm has started: wait for it before reading its options.
  await expect(picker.locator('option:not([disabled])')).toHaveCount(all.length);
  const ids = await picker.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => o.value));
  expect(ids.sort()).toEqual(all.map((e) => e.id).sort());
  for (const e of all) {
    await picker.selectOption(e.id);
    await expect(page.getByTestId('editor')).toHaveValue(e.text);
    await settle(page);
    await expect(page.getByTestId('verdict'), e.id).toHaveAttribute('data-accepted', String(e.accepted));
  }
});

test('the published docs example says in the picker why it fails, and fails on its key lengths', async ({ page }) => {
  await page.goto('./?example=docs-published');
  await expect(page.getByTestId('example-picker').locator('option:checked')).toHaveText(/refused.*28 and 25 bytes/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  const lengths = page.locator('[data-testid=diagnostic][data-code=EC0218]');
  await expect(lengths).toHaveCount(2);
  await expect(lengths.first()).toContainText('28 bytes');
  await expect(lengths.last()).toContainText('25 bytes');
});

test('?example= loads an example with its options; editing leaves the example', async ({ page }) => {
  await page.goto('./?example=kms-v2-reload');
  await expect(page.getByTestId('editor')).toHaveValue(all.find((e) => e.id === 'kms-v2-reload').text);
  await expect(page.getByTestId('reload')).toBeChecked();
  await expect(page.getByTestId('example-picker')).toHaveValue('kms-v2-reload');
  await page.getByTestId('editor').press('End');
  await page.getByTestId('editor').pressSequentially(' ');
  await expect(page.getByTestId('example-picker')).toHaveValue('');

  await page.goto('./?example=no-such-example');
  await expect(page.getByTestId('notice')).toContainText('no example called "no-such-example"');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
});

test('k8s and reload in the URL set the options', async ({ page }) => {
  await page.goto('./?example=kms-v1-v2&k8s=1.28&reload=off');
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.28');
  await expect(page.getByTestId('reload')).not.toBeChecked();
  await expect(page.getByTestId('kmsv1-gate')).toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
});
