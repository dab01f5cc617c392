// The three target options drive the verdict: version (KMSv1 default), KMSv1 gate, reload.
import { test, expect } from '@playwright/test';
import { HEADER_LINES } from './helpers.mjs';

const twoV1Plugins = [
  ...HEADER_LINES,
  '  - resources: [secrets]',
  '    providers:',
  '      - kms: {name: vault, endpoint: "unix:///run/a.sock"}',
  '      - kms: {name: vault, endpoint: "unix:///run/b.sock"}',
  '',
].join('\n');

test('flipping reload makes a duplicate KMS v1 name an error', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('editor').fill(twoV1Plugins);
  await page.getByTestId('k8s-version').selectOption('1.28');
  await expect(page.getByTestId('kmsv1-gate')).toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0221]')).toHaveCount(0);

  await page.getByTestId('reload').check();
  const duplicate = page.locator('[data-testid=diagnostic][data-code=EC0221]');
  await expect(duplicate).toHaveCount(1);
  await expect(duplicate).toHaveAttribute('data-field', 'resources[0].providers[1].kms.name');
  await expect(duplicate).toHaveAttribute('data-type', 'Invalid');
  await expect(duplicate).toHaveAttribute('data-stage', 'validate');
  await expect(duplicate).toHaveAttribute('data-line', '7');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
});

test('1.29 turns KMS v1 off by default, and the gate turns it back on', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('editor').fill(twoV1Plugins);
  await page.getByTestId('k8s-version').selectOption('1.29');
  await expect(page.getByTestId('kmsv1-gate')).not.toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0302]').first()).toHaveAttribute('data-stage', 'load');

  await page.getByTestId('kmsv1-gate').check();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0302]')).toHaveCount(0);
});

test('clicking a diagnostic selects its span in the editor', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('editor').fill(twoV1Plugins.replace('name: vault, endpoint: "unix:///run/b.sock"', 'name: vault, endpoint: "tcp://kms:80"'));
  const endpoint = page.locator('[data-testid=diagnostic][data-code=EC0225]');
  await expect(endpoint).toHaveCount(1);
  await endpoint.getByRole('button').click();
  const selected = await page.getByTestId('editor').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe('"tcp://kms:80"');
});
