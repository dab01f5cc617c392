// Accessibility: axe-core finds no serious or critical violation in light and dark, on wide and
// narrow screens; every control is labelled, focus is visible, the keyboard help opens with ?,
// and narrow screens get keyboard-operable tabs.
import { test, expect } from '@playwright/test';
import { seriousViolations, shot } from './helpers.mjs';

for (const theme of ['light', 'dark']) {
  test(`axe: no serious or critical violations in ${theme}`, async ({ page }) => {
    await page.goto(`./?example=broken&theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByTestId('diagnostic').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, theme === 'light' ? 'desktop' : 'dark');

    // With the share panel filled in and the keyboard help open.
    await page.getByTestId('share-include-keys').check();
    await page.getByTestId('share').click();
    await page.getByTestId('help-button').click();
    await expect(page.getByTestId('help')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Narrow: panels become tabs.
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.locator('[role=tablist]')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    if (theme === 'light') await shot(page, 'mobile');
  });
}

test('every control has a label', async ({ page }) => {
  await page.goto('./?example=broken');
  await expect(page.getByTestId('example-picker')).toBeVisible();
  const unlabelled = await page.locator('input, select, textarea, button').evaluateAll((els) =>
    els.filter((el) => {
      const name = el.labels?.[0]?.textContent || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent;
      return !name || !name.trim();
    }).map((el) => el.outerHTML.slice(0, 80)));
  expect(unlabelled).toEqual([]);
});

test('? opens the keyboard help outside text fields; Esc closes it and focus comes back', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('theme').focus();
  await page.keyboard.press('Tab');
  const before = await page.evaluate(() => document.activeElement.dataset.testid);
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  await expect(help).toHaveAttribute('role', 'dialog');
  await expect(help).toContainText('F8');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused(); // focus stays in the dialog
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement.dataset.testid)).toBe(before);

  // In the editor, ? is just a character.
  const editor = page.getByTestId('editor');
  await editor.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);
  await expect(editor).toHaveValue(/\?/);
});

test('focus is visible on controls', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('example-picker').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await page.getByTestId('example-picker').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toMatch(/solid 3px/);
  await page.getByTestId('editor').focus();
  const ring = await page.locator('.code-editor').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  // Also on the unstyled buttons of the findings list.
  await page.goto('./?example=broken');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Escape');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('diagnostic-jump'))) break;
  }
  const jump = await page.evaluate(() => {
    const el = document.activeElement;
    return [el.className, getComputedStyle(el).outlineStyle];
  });
  expect(jump).toEqual(['diagnostic-jump', 'solid']);
});

test('below 900 px the panels are tabs, operable with the arrow keys', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto('./?example=broken&panel=diagnostics');
  const tab = (name) => page.locator(`[data-testid=panel-tab][data-panel=${name}]`);
  await expect(tab('diagnostics')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
  await expect(page.getByTestId('editor')).toBeHidden();
  await tab('diagnostics').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('editor')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('editor')).toBeFocused();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('verdict')).toBeVisible(); // the verdict stays above the tabs
  await page.keyboard.press('End');
  // The tools (loaded on first use) come last.
  await expect(tab('deploy')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('deploy-snippet').first()).toBeVisible();
  await tab('export').click();
  await expect(tab('export')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('share')).toBeVisible();
  // Wide again: every view is on screen; the tab strip only offers the tools (and Findings).
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(tab('export')).toBeHidden();
  await expect(tab('compare')).toBeVisible();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
});
