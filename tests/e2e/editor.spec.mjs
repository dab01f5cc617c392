// The editor overlay: squiggles and gutter markers at the exact place, F8, Tab/Esc, alignment
// with wide characters, long lines and scrolling, and a 5,000-line file.
import { test, expect } from '@playwright/test';

test.setTimeout(60_000);
import { caret, load, offsetOf, settle } from './helpers.mjs';

const head = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n';

/** Clicks the middle of a squiggle: the textarea on top must put the caret inside that span. */
async function clickSquiggle(page, squiggle) {
  const box = await squiggle.boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return caret(page);
}

test('a diagnostic gets a squiggle at its span and a gutter marker on its line', async ({ page }) => {
  await page.goto('./');
  const text = head + '  - resources:\n      - Secrets\n    providers:\n      - identity: {}\n';
  await load(page, text);
  const diagnostic = page.locator('[data-testid=diagnostic][data-code=EC0205]');
  await expect(diagnostic).toHaveAttribute('data-line', '5');
  const squiggle = page.locator('[data-testid=squiggle][data-code~=EC0205]');
  await expect(squiggle).toHaveAttribute('data-line', '5');
  await expect(squiggle).toHaveText('Secrets');
  const marker = page.locator('[data-testid=gutter-marker][data-line="5"]');
  await expect(marker).toHaveAttribute('data-severity', 'error');
  await expect(marker).toHaveAttribute('title', /EC0205.*capital letters/);

  // Same row as line 5 of the gutter and of the textarea.
  const row = await page.locator('.gutter .gl').nth(4).boundingBox();
  const sq = await squiggle.boundingBox();
  expect(Math.abs(row.y - (sq.y + sq.height / 2 - row.height / 2))).toBeLessThan(3);
  const start = offsetOf(text, 5, 9);
  const at = await clickSquiggle(page, squiggle);
  expect(at).toBeGreaterThanOrEqual(start);
  expect(at).toBeLessThanOrEqual(start + 'Secrets'.length);
});

test('F8 and Shift+F8 move the caret through the diagnostics; the status line names them', async ({ page }) => {
  await page.goto('./?example=broken');
  const editor = page.getByTestId('editor');
  const text = await editor.inputValue();
  await settle(page);
  const starts = await page.getByTestId('diagnostic').evaluateAll((els) =>
    els.map((e) => [Number(e.dataset.line), Number(e.dataset.column)]));
  const offsets = [...new Set(starts.map(([l, c]) => offsetOf(text, l, c)))].sort((a, b) => a - b);
  expect(offsets.length).toBeGreaterThan(4);

  await editor.focus();
  await editor.evaluate((el) => el.setSelectionRange(0, 0));
  await page.keyboard.press('F8');
  expect(await caret(page)).toBe(offsets[0]);
  await page.keyboard.press('F8');
  expect(await caret(page)).toBe(offsets[1]);
  await page.keyboard.press('Shift+F8');
  expect(await caret(page)).toBe(offsets[0]);
  await page.keyboard.press('Shift+F8');
  expect(await caret(page)).toBe(offsets.at(-1)); // wraps around
  await expect(page.getByTestId('editor-status')).toContainText(`Line ${text.slice(0, offsets.at(-1)).split('\n').length},`);
  await expect(page.getByTestId('caret-diagnostic')).toHaveAttribute('data-code', /EC\d{4}/);
});

test('Tab inserts two spaces; Esc then Tab leaves the editor', async ({ page }) => {
  await page.goto('./');
  const editor = page.getByTestId('editor');
  await load(page, 'a: 1\n');
  await editor.focus();
  await editor.evaluate((el) => el.setSelectionRange(0, 0));
  await page.keyboard.press('Tab');
  await expect(editor).toHaveValue('  a: 1\n');
  await expect(editor).toBeFocused();
  await expect(page.locator('#editor-keys')).toContainText('Esc then Tab leaves the editor');
  await expect(page.getByTestId('editor-escape')).toHaveText('');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-escape')).toHaveText('Tab now leaves the editor.');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  await expect(page.getByTestId('editor-escape')).toHaveText('');
  await expect(editor).toHaveValue('  a: 1\n');
  await page.keyboard.press('Control+z'); // the inserted spaces are in the undo history
});

test('the overlay stays aligned with wide characters, long lines and horizontal scrolling', async ({ page }) => {
  await page.goto('./');
  const names = Array.from({ length: 30 }, (_, i) => `r${i}.example`).join(', ');
  const text = head +
    '  - resources:\n      - "秘密😀漢字"   # ワイド 🎉\n      - Secrets\n    providers:\n      - identity: {}\n' +
    `  - resources: [${names}, Wide]\n    providers:\n      - identity: {}\n`;
  await load(page, text);
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    await expect(page.locator(`.overlay .ol[data-line="${index + 1}"]`)).toHaveText(line);
  }
  // Below a line of wide characters.
  const secrets = page.locator('[data-testid=squiggle][data-line="6"]');
  await expect(secrets).toHaveText('Secrets');
  let at = await clickSquiggle(page, secrets);
  expect(at).toBeGreaterThanOrEqual(offsetOf(text, 6, 9));
  expect(at).toBeLessThanOrEqual(offsetOf(text, 6, 16));

  // At the end of a long line, scrolled into view horizontally.
  expect(lines[8].length).toBeGreaterThan(300);
  await page.getByTestId('editor').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await expect.poll(() => page.locator('.overlay-layer').evaluate((el) => el.style.transform)).toMatch(/translate\(-\d+px/);
  const area = await page.locator('.code-area').boundingBox();
  const layer = await page.locator('.overlay .ol[data-line="9"]').boundingBox();
  expect(layer.x).toBeLessThan(area.x - 500);
  const wide = page.locator('[data-testid=squiggle][data-line="9"]');
  await expect(wide).toHaveText('Wide');
  at = await clickSquiggle(page, wide);
  const column = lines[8].indexOf('Wide') + 1;
  expect(at).toBeGreaterThanOrEqual(offsetOf(text, 9, column));
  expect(at).toBeLessThanOrEqual(offsetOf(text, 9, column + 4));
});

test('a 5,000-line file stays responsive and the overlay follows vertical scrolling', async ({ page }) => {
  await page.goto('./');
  const names = Array.from({ length: 5000 }, (_, i) => (i === 3990 ? '      - Bad3990.example' : `      - r${i}.example`));
  const text = head + '  - resources:\n' + names.join('\n') + '\n    providers:\n      - identity: {}\n';
  expect(text.split('\n').length).toBeGreaterThan(5000);
  // Pasted, as a big file would be (Playwright's fill() types multi-line text slowly).
  const started = Date.now();
  await page.getByTestId('editor').evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await settle(page);
  const analysed = Date.now() - started;
  expect(analysed).toBeLessThan(8000);
  const badLine = 5 + 3990;
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0205]')).toHaveAttribute('data-line', String(badLine));
  // Only the visible lines are drawn.
  expect(await page.locator('.overlay .ol').count()).toBeLessThan(150);
  expect(await page.locator('.gutter .gl').count()).toBeLessThan(150);

  // The overlay follows a vertical scroll to the finding near the end, and a click there puts
  // the caret inside its span.
  await page.getByTestId('editor').evaluate((el, line) => { el.scrollTop = (line - 10) * 21; }, badLine);
  const squiggle = page.locator(`[data-testid=squiggle][data-line="${badLine}"]`);
  await expect(squiggle).toHaveText('Bad3990.example');
  await expect(page.locator(`[data-testid=gutter-marker][data-line="${badLine}"]`)).toBeVisible();
  const at = await clickSquiggle(page, squiggle);
  const start = offsetOf(text, badLine, 9);
  expect(at).toBeGreaterThanOrEqual(start);
  expect(at).toBeLessThanOrEqual(start + 'Bad3990.example'.length);

  // Typing: an input event and the next frame, per keystroke, against the browser's own cost for
  // a bare textarea holding the same text (which is most of it).
  const perKey = (selector) => page.evaluate(async (selector) => {
    const el = document.querySelector(selector);
    const times = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      el.setRangeText('#', el.value.length, el.value.length, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[4];
  }, selector);
  const app = await perKey('[data-testid=editor]');
  const bare = await page.evaluate((value) => {
    const el = document.createElement('textarea');
    el.id = 'bare';
    el.wrap = 'off';
    el.className = 'editor';
    el.value = value;
    document.body.append(el);
  }, text).then(() => perKey('#bare'));
  await page.evaluate(() => document.getElementById('bare').remove());
  console.log(`5,000 lines: ${Math.round(app)} ms per keystroke (a bare textarea: ${Math.round(bare)} ms); first analysis after ${analysed} ms`);
  expect(app).toBeLessThan(bare + 100);
  await settle(page);
});
