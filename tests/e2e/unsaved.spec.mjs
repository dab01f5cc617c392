// No lost work: leaving asks for confirmation only when the file holds work that was neither
// loaded as it is nor kept in full (a draft without its keys does not keep a file with keys).
import { test, expect } from '@playwright/test';
import { examples, settle } from './helpers.mjs';

const draft = (page) => page.evaluate(() => localStorage.getItem('enccfg-playground:draft'));

test('an edit that autosave keeps in full leaves without a question', async ({ page }) => {
  await page.goto('./');
  await settle(page);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# note\n');
  await expect.poll(() => draft(page)).toContain('# note');
  let asked = false;
  page.on('dialog', (d) => { asked = true; d.accept(); });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toBe(false);
});

test('keys that only live in the editor make leaving ask first', async ({ page }) => {
  await page.goto('./?example=aescbc-identity');
  await settle(page);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# edited\n');
  // The draft is saved with placeholders instead of the keys.
  await expect.poll(() => draft(page)).toContain('# edited');
  const secret = /^\s*secret: (\S+)$/m.exec(examples().find((e) => e.id === 'aescbc-identity').text)[1];
  expect(await draft(page)).not.toContain(secret);
  const dialog = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  expect(await dialog).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Keeping keys in the draft keeps the file: no more question.
  await page.getByTestId('autosave-keys').check();
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# kept\n');
  await expect.poll(async () => (await draft(page)) ?? '').toContain('# kept');
  expect(await draft(page)).toContain(secret);
  let asked = false;
  page.on('dialog', (d) => { asked = true; d.accept(); });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toBe(false);
});

test('the findings copy as Markdown, JSON and SARIF, as the CLI writes them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?example=broken');
  await settle(page);
  const codes = (await page.getByTestId('diagnostic').evaluateAll((els) => els.map((e) => e.dataset.code))).sort();
  expect(codes.length).toBeGreaterThan(2);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const copy = (format) => page.locator(`[data-testid=copy-findings][data-format=${format}]`).click();

  await copy('json');
  await expect.poll(clipboard).toMatch(/^\{"accepted":false/);
  const json = JSON.parse(await clipboard());
  expect(json.diagnostics.map((d) => d.code).sort()).toEqual(codes);
  expect(Object.keys(json.diagnostics[0])).toEqual(['code', 'name', 'stage', 'severity', 'message', 'line', 'column', 'end_line', 'end_column', 'field', 'type', 'help', 'fix']);

  await copy('sarif');
  await expect.poll(clipboard).toContain('"version":"2.1.0"');
  const sarif = JSON.parse(await clipboard());
  expect(sarif.runs[0].results.map((r) => r.ruleId).sort()).toEqual(codes);

  await copy('markdown');
  await expect.poll(clipboard).toContain('### EncryptionConfiguration check');
  const markdown = await clipboard();
  expect(markdown).toContain('would **refuse**');
  for (const code of codes) expect(markdown).toContain(code);
  await expect(page.getByTestId('copy-findings-status')).toHaveText('Copied.');
});
