// Editing help from the core, drawn by the module loaded on first use: the documentation of the
// field at the pointer or the caret, completion with the keyboard (kept in native undo), and
// Format with undo.
import { test, expect } from '@playwright/test';
import { load, offsetOf, seriousViolations } from './helpers.mjs';

const KMS = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n      - secrets\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms.sock\n          timeout: 3s\n      - identity: {}\n';

test('hover and focus show the documentation of the field', async ({ page }) => {
  await page.goto('./');
  await load(page, KMS);
  const editor = page.getByTestId('editor');

  // Keyboard: the caret on a key.
  await editor.focus();
  await editor.evaluate((el, at) => el.setSelectionRange(at, at), KMS.indexOf('timeout') + 2);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('hover-doc')).toHaveAttribute('data-field', 'timeout');
  await expect(page.getByTestId('hover-doc')).toContainText('3s');
  await expect(page.getByTestId('hover-doc')).toContainText('resources.providers.kms.timeout');

  // Pointer: resting on `kind` (line 2, column 2).
  const box = await editor.boundingBox();
  const charWidth = await editor.evaluate((el) => {
    const span = document.createElement('span');
    span.textContent = '0'.repeat(40);
    span.style.font = getComputedStyle(el).font;
    span.style.position = 'absolute';
    document.body.append(span);
    const w = span.getBoundingClientRect().width / 40;
    span.remove();
    return w;
  });
  await page.mouse.move(box.x + 10 + charWidth * 1.5, box.y + 8 + 21 * 1.5);
  await expect(page.getByTestId('hover-doc')).toHaveAttribute('data-field', 'kind');
  await expect(page.getByTestId('hover-doc')).toContainText('EncryptionConfiguration');
  expect(await seriousViolations(page)).toEqual([]);
});

test('Ctrl+Space completes at the caret with the keyboard, and undo takes it back', async ({ page }) => {
  await page.goto('./');
  const text = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - ae';
  await load(page, text);
  const editor = page.getByTestId('editor');
  await editor.focus();
  await editor.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await page.keyboard.press('Control+Space');
  const items = page.getByTestId('completion-item');
  await expect(items).toHaveCount(2);
  expect(await items.evaluateAll((els) => els.map((e) => e.dataset.label))).toEqual(['aesgcm', 'aescbc']);
  await expect(items.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(0);
  await expect(editor).toHaveValue(`${text.slice(0, -2)}aescbc:`);

  // Native undo restores what was typed.
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveValue(text);

  // Esc closes the list without inserting; resource names in a flow list.
  const names = 'resources:\n  - resources: [secrets, *';
  await load(page, names);
  await editor.focus();
  await editor.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await page.keyboard.press('Control+Space');
  await expect(items).toHaveCount(3);
  expect(await items.evaluateAll((els) => els.map((e) => e.dataset.label))).toEqual(['*.apps', '*.', '*.*']);
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(0);
  await expect(editor).toHaveValue(names);
});

test('Format lays the file out canonically, keeps comments, and undo restores it', async ({ page }) => {
  await page.goto('./');
  const messy = '# our cluster\nkind: EncryptionConfiguration\napiVersion: apiserver.config.k8s.io/v1\nresources:\n- providers:\n  - identity: {}   # plaintext for now\n  resources: [secrets]\n';
  await load(page, messy);
  await page.getByTestId('format').click();
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveValue('# our cluster\napiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n      - secrets\n    providers:\n      - identity: {} # plaintext for now\n');
  await expect(page.getByTestId('format-status')).toContainText('Formatted');
  await editor.focus();
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveValue(messy);

  // A file with errors is left alone, and the status says why.
  await load(page, 'resources: [\n');
  await page.getByTestId('format').click();
  await expect(page.getByTestId('format-status')).toContainText('errors');
  await expect(editor).toHaveValue('resources: [\n');
});

for (const theme of ['light', 'dark']) {
  test(`axe: the completion list, the field docs and the Deploy panel in ${theme}`, async ({ page }) => {
    await page.goto(`./?theme=${theme}&panel=deploy`);
    await expect(page.getByTestId('deploy-snippet')).toHaveCount(6);
    await load(page, 'resources:\n  - resources: [secrets]\n    providers:\n      - ');
    const editor = page.getByTestId('editor');
    await editor.focus();
    await editor.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
    await page.keyboard.press('Control+Space');
    await expect(page.getByTestId('completion-item')).toHaveCount(5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await editor.evaluate((el) => el.setSelectionRange(2, 2));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('hover-doc')).toHaveAttribute('data-field', 'resources');
    expect(await seriousViolations(page)).toEqual([]);
  });
}
