// The reader's page faces: versions 1.27-1.37 (1.37 by default), the KMSv2 gate where the
// version has one, and opening or dropping a file in the encodings kube-apiserver reads.
import { test, expect } from '@playwright/test';
import { HEADER_LINES, TEST_KEY } from './helpers.mjs';

const kmsV2 = [
  ...HEADER_LINES,
  '  - resources: [secrets]',
  '    providers:',
  '      - kms: {apiVersion: v2, name: vault, endpoint: "unix:///run/vault.sock"}',
  '',
].join('\n');

test('the picker offers 1.27 to 1.37 and starts on 1.37', async ({ page }) => {
  await page.goto('./');
  const picker = page.getByTestId('k8s-version');
  await expect(picker).toHaveValue('1.37');
  const versions = await picker.locator('option').evaluateAll((els) => els.map((e) => e.value));
  expect(versions).toEqual(['1.37', '1.36', '1.35', '1.34', '1.33', '1.32', '1.31', '1.30', '1.29', '1.28', '1.27']);
});

test('the KMSv2 gate appears on 1.27 and 1.28 only, and off it refuses KMS v2', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('editor').fill(kmsV2);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.getByTestId('kmsv2-gate')).toHaveCount(0);
  await page.getByTestId('k8s-version').selectOption('1.28');
  const gate = page.getByTestId('kmsv2-gate');
  await expect(gate).toBeChecked();
  await gate.uncheck();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0303]')).toHaveAttribute('data-stage', 'load');
  await page.getByTestId('k8s-version').selectOption('1.29');
  await expect(page.getByTestId('kmsv2-gate')).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
});

/** The text as UTF-16LE with a BOM, what Windows PowerShell 5.1 writes. */
function utf16le(text) {
  const bytes = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(unit & 0xff, unit >> 8);
  }
  return Buffer.from(bytes);
}

test('Open file reads UTF-16 with a BOM and keeps positions', async ({ page }) => {
  await page.goto('./');
  const text = kmsV2.replace('[secrets]', '[Secrets]');
  await page.getByTestId('open-file').setInputFiles({ name: 'config.yaml', mimeType: 'text/yaml', buffer: utf16le(text) });
  await expect(page.getByTestId('open-file-status')).toHaveText('config.yaml (UTF-16LE)');
  await expect(page.getByTestId('editor')).toHaveValue(text);
  const capital = page.locator('[data-testid=diagnostic][data-code=EC0205]');
  await expect(capital).toHaveAttribute('data-line', '4');
  await expect(capital).toHaveAttribute('data-column', '17');
  // Undo brings the previous text back, as after an applied fix.
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('editor')).not.toHaveValue(text);
});

test('a file dropped onto the editor replaces its text', async ({ page }) => {
  await page.goto('./');
  const text = [...HEADER_LINES, '  - resources: [secrets]', '    providers:', `      - secretbox: {keys: [{name: k, secret: "${TEST_KEY}"}]}`, ''].join('\n');
  const bytes = [0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')];
  await page.getByTestId('editor').evaluate((el, bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.yaml'));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(page.getByTestId('open-file-status')).toHaveText('dropped.yaml (UTF-8 with BOM)');
  await expect(page.getByTestId('editor')).toHaveValue(text);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
});
