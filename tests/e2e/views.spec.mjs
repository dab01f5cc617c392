// The Ordering and Health panels against multi-entry files.
import { test, expect } from '@playwright/test';
import { TEST_KEY, HEADER_LINES } from './helpers.mjs';
import { mkdirSync } from 'node:fs';

const KEY = TEST_KEY;

const multiEntry = [
  ...HEADER_LINES,
  '  - resources: [events]',
  '    providers:',
  '      - identity: {}',
  '  - resources: [secrets, configmaps]',
  '    providers:',
  '      - kms: {apiVersion: v2, name: vault, endpoint: "unix:///run/vault.sock"}',
  '      - secretbox:',
  '          keys:',
  `            - {name: key1, secret: "${KEY}"}`,
  '      - identity: {}',
  '  - resources: ["*.apps"]',
  '    providers:',
  '      - kms: {apiVersion: v1, name: legacy, endpoint: "unix:///run/legacy.sock"}',
  '  - resources: ["*.*"]',
  '    providers:',
  '      - kms: {apiVersion: v2, name: vault2, endpoint: "unix:///run/vault2.sock"}',
  '',
].join('\n');

async function load(page, text, version = '1.28') {
  await page.goto('./');
  await page.getByTestId('k8s-version').selectOption(version);
  await page.getByTestId('editor').fill(text);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
}

test('ordering rows follow precedence with write and read chains', async ({ page }) => {
  await load(page, multiEntry);
  const rows = page.getByTestId('ordering-row');
  await expect(rows).toHaveCount(6);
  const resources = await rows.evaluateAll((els) => els.map((e) => e.dataset.resource));
  expect(resources).toEqual(['events', 'secrets', 'configmaps', '*.apps', '*.*', '(unlisted)']);
  const secrets = page.locator('[data-testid=ordering-row][data-resource=secrets]');
  await expect(secrets).toHaveAttribute('data-write', 'kms:vault');
  await expect(secrets).toHaveAttribute('data-read', 'kms:vault,secretbox:key1,identity');
  await expect(page.locator('[data-testid=ordering-row][data-resource=events]')).toHaveAttribute('data-write', 'identity');
  await expect(page.locator('[data-testid=ordering-row][data-resource="(unlisted)"]')).toHaveAttribute('data-read', 'identity');

  await page.getByTestId('ordering-lookup').fill('deployments.apps');
  await expect(page.getByTestId('ordering-lookup-answer')).toContainText('rule `*.apps`');
  await expect(page.getByTestId('ordering-lookup-answer')).toContainText('*.*');
  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.locator('.ordering-panel').screenshot({ path: 'artifacts/screenshots/ordering-panel.png' });
});

test('health rows change with reload and with plugins going down', async ({ page }) => {
  await load(page, multiEntry);
  const off = page.locator('[data-testid=health-row][data-reload=off]');
  const on = page.locator('[data-testid=health-row][data-reload=on]');
  await expect(off).toHaveCount(3);
  expect(await off.evaluateAll((els) => els.map((e) => `${e.dataset.check}=${e.dataset.provider}`)))
    .toEqual(['kms-provider-0=vault', 'kms-provider-1=legacy', 'kms-provider-2=vault2']);
  await expect(on).toHaveCount(1);
  await expect(on).toHaveAttribute('data-check', 'kms-providers');
  await expect(off.first()).toContainText('/livez/kms-provider-0');
  await expect(page.locator('.health-column.selected h3')).toContainText('reload off');

  await page.getByTestId('reload').check();
  await expect(page.locator('.health-column.selected h3')).toContainText('reload on');

  await page.locator('[data-testid=kms-plugin-toggle][data-provider=legacy]').uncheck();
  await expect(page.locator('[data-testid=health-row][data-status=failing]')).toHaveCount(2);
  await expect(page.locator('[data-testid=health-row][data-reload=off][data-check=kms-provider-1]')).toHaveAttribute('data-status', 'failing');
  await expect(page.locator('[data-testid=health-row][data-reload=off][data-check=kms-provider-0]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('[data-testid=health-row][data-reload=off][data-check=kms-provider-2]')).toHaveAttribute('data-status', 'ok');
  await expect(on).toHaveAttribute('data-status', 'failing');

  await page.locator('[data-testid=kms-plugin-toggle][data-provider=legacy]').check();
  await expect(page.locator('[data-testid=health-row][data-status=failing]')).toHaveCount(0);

  await page.getByTestId('k8s-version').selectOption('1.37');
  await page.getByTestId('kmsv1-gate').check();
  await expect(off.first()).not.toContainText('/livez/');
  await page.locator('.health-panel').screenshot({ path: 'artifacts/screenshots/health-panel.png' });
});

test('clicking a check selects its provider in the editor', async ({ page }) => {
  await load(page, multiEntry);
  await page.locator('[data-testid=health-row][data-check=kms-provider-1] button').click();
  const selected = await page.getByTestId('editor').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toContain('name: legacy');
});

test('panels keep the last good result, marked stale, while the YAML is broken', async ({ page }) => {
  await load(page, multiEntry);
  await expect(page.getByTestId('ordering-row')).toHaveCount(6);
  await page.getByTestId('editor').fill(multiEntry + '  - resources: [\n');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('ordering-row')).toHaveCount(6);
  await expect(page.locator('.ordering-panel .stale')).toBeVisible();
  // The rows are left as they were (a big file's thousands of rows are not redrawn): their
  // names still select where they were in the last text that decoded, here unchanged above
  // the broken line.
  await page.locator('[data-testid=ordering-row][data-resource=secrets] button').click();
  const selected = await page.getByTestId('editor').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe('secrets');
});
