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

test('each finding\'s fix button applies its own fix, not the first finding\'s', async ({ page }) => {
  const text = [
    ...HEADER_LINES,
    '  - resources: [Secrets]',
    '    providers:',
    '      - kms:',
    '          apiVersion: v2',
    '          name: a',
    '          cachesize: 10',
    '          endpoint: unix:///var/run/kmsplugin/kms.sock',
    '',
  ].join('\n');
  await page.goto('./');
  const editor = page.getByTestId('editor');
  await editor.fill(text);
  const findings = page.getByTestId('diagnostic');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toHaveAttribute('data-code', 'EC0205');
  await expect(findings.nth(1)).toHaveAttribute('data-code', 'EC0226');
  const second = findings.nth(1).getByTestId('diagnostic-fix');
  await expect(second).toContainText('cachesize');
  await second.click();
  await expect(editor).not.toHaveValue(/cachesize/);
  await expect(editor).toHaveValue(/resources: \[Secrets\]/);
  await expect(editor).toHaveValue(text.replace('          cachesize: 10\n', ''));
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0205]')).toHaveCount(1);
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0226]')).toHaveCount(0);
});
