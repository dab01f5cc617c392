// The Export panel: safe fixes, unsafe fixes on request, download, undo.
import { test, expect } from '@playwright/test';
import { TEST_KEY, HEADER_LINES } from './helpers.mjs';
import { readFileSync, mkdirSync } from 'node:fs';

const KEY = TEST_KEY;

const broken = [
  ...HEADER_LINES,
  '  - resources: [Secrets, "*.events.k8s.io"] # comment kept',
  '    providers:',
  '      - identity:',
  '      - secretbox:',
  '          keys:',
  `            - {name: key1, secret: "${KEY}"}`,
  '',
].join('\n');

test('safe fixes make the file accepted; unsafe ones only on request', async ({ page }) => {
  await page.goto('./');
  const editor = page.getByTestId('editor');
  await editor.fill(broken);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  const fixed = page.getByTestId('fixed-yaml');
  await expect(fixed).toHaveValue(/\[secrets, "events"\]|\[secrets, events\]/);
  await expect(fixed).toHaveValue(/- identity: \{\}\n      - secretbox:/);
  await expect(fixed).toHaveValue(/# comment kept/);

  await page.getByTestId('include-unsafe').check();
  await expect(fixed).toHaveValue(/- secretbox:[\s\S]*- identity: \{\}\n?$/);
  await page.getByTestId('include-unsafe').uncheck();
  await expect(fixed).toHaveValue(/- identity: \{\}\n      - secretbox:/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-yaml').click(),
  ]);
  expect(download.suggestedFilename()).toBe('encryption-config.yaml');
  const saved = readFileSync(await download.path(), 'utf8');
  expect(saved).toBe(await fixed.inputValue());

  await page.getByTestId('apply-safe-fixes').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(editor).toHaveValue(saved);
  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.locator('.export-panel').screenshot({ path: 'artifacts/screenshots/export-panel.png' });

  await editor.focus();
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveValue(broken);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
});

test('a diagnostic fix button applies just that fix', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('editor').fill(broken);
  const capital = page.locator('[data-testid=diagnostic][data-code=EC0205]');
  await expect(capital).toHaveCount(1);
  await capital.getByTestId('diagnostic-fix').click();
  await expect(page.getByTestId('editor')).toHaveValue(/\[secrets, "\*\.events\.k8s\.io"\]/);
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0205]')).toHaveCount(0);
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0208]')).toHaveCount(1);
});
