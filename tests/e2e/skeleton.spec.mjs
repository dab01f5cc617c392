// The walking skeleton end to end: release build, sub-path, broken YAML, fix, verdict flips.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

test('broken YAML is pointed at, and fixing it flips the verdict', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto('./');
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveValue(/kind: EncryptionConfiguration/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', /true|false/);

  const broken = [
    'apiVersion: apiserver.config.k8s.io/v1',
    'kind: EncryptionConfiguration',
    'resources:',
    '  - resources: [secrets',
    '    providers:',
    '      - identity: {}',
    '',
  ].join('\n');
  await editor.fill(broken);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  const syntax = page.locator('[data-testid=diagnostic][data-stage=syntax]');
  await expect(syntax).toHaveCount(1);
  await expect(syntax).toHaveAttribute('data-code', 'EC0001');
  await expect(syntax).toHaveAttribute('data-line', '5');

  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.screenshot({ path: 'artifacts/screenshots/skeleton-broken.png', fullPage: true });

  await editor.fill(broken.replace('[secrets', '[secrets]'));
  await expect(page.locator('[data-testid=diagnostic][data-stage=syntax]')).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await page.screenshot({ path: 'artifacts/screenshots/skeleton-fixed.png', fullPage: true });

  expect(errors).toEqual([]);
});
