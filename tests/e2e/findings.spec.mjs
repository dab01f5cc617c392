// The findings list: kube-apiserver's findings first and our advice (lints) grouped after them
// with their severity and source link, while the `diagnostic` elements stay one per finding in
// source order; the severity filter hides rows without removing them; the verdict speaks only
// of kube-apiserver.
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { HEADER_LINES, load, seriousViolations, shot } from './helpers.mjs';

// Advice before an error in the file: identity first (line 6, a lint), a 21-byte secretbox
// key (line 10, kube-apiserver refuses it), and an entry with only identity (advice again).
const FILE = [
  ...HEADER_LINES,
  '  - resources: [secrets]',
  '    providers:',
  '      - identity: {}',
  '      - secretbox:',
  '          keys:',
  '            - name: k',
  '              secret: YWsTHnxKp2NtxlunbDCgueNiav2B',
  '  - resources: [configmaps]',
  '    providers:',
  '      - identity: {}',
  '',
].join('\n');

/** Every diagnostic element in page order: its attributes, whether shown, and where it is drawn. */
async function rows(page) {
  return page.getByTestId('diagnostic').evaluateAll((els) =>
    els.map((e) => ({
      code: e.dataset.code,
      stage: e.dataset.stage,
      severity: e.dataset.severity,
      line: Number(e.dataset.line),
      column: Number(e.dataset.column),
      hidden: e.hidden,
      top: e.getBoundingClientRect().top,
      source: e.querySelector('[data-testid=lint-source]')?.getAttribute('href') ?? null,
    })));
}

test('advice is grouped after kube-apiserver findings, in source order in the page, with sources', async ({ page }) => {
  await page.goto('./');
  await load(page, FILE);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-accepted', 'false');
  await expect(verdict).toContainText('kube-apiserver');
  await expect(verdict).toContainText('1 error decides it');

  const found = await rows(page);
  const codes = found.map((r) => r.code);
  expect(codes).toContain('EC0218');
  expect(codes).toContain('EC0401');
  // The contract: one element per diagnostic, in source order.
  for (let i = 1; i < found.length; i++) {
    const [a, b] = [found[i - 1], found[i]];
    expect(a.line < b.line || (a.line === b.line && a.column <= b.column), `${a.code} then ${b.code}`).toBe(true);
  }
  const advice = found.filter((r) => r.stage === 'lint');
  const kube = found.filter((r) => r.stage !== 'lint');
  expect(advice.length).toBeGreaterThan(0);
  // The advice comes before the error in the file, but is drawn below every kube-apiserver finding.
  expect(advice[0].line).toBeLessThan(kube[0].line);
  const lowestKube = Math.max(...kube.map((r) => r.top));
  for (const r of advice) {
    expect(r.top, r.code).toBeGreaterThan(lowestKube);
    expect(r.severity, `${r.code} is advice, never an error`).not.toBe('error');
    expect(r.source, r.code).toMatch(/^https:\/\//);
  }
  for (const r of kube) expect(r.source, r.code).toBeNull();
  await expect(page.locator('.findings-heading.advice')).toBeVisible();
  const identity = page.locator('[data-testid=diagnostic][data-code=EC0401]');
  await expect(identity).toContainText('advice');
  await expect(identity.getByTestId('lint-source')).toHaveAttribute('rel', /noopener/);
  await shot(page, 'findings-advice');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the severity filter hides rows of a severity and keeps one element per diagnostic', async ({ page }) => {
  await page.goto('./');
  await load(page, FILE);
  const filter = page.getByTestId('severity-filter');
  await expect(filter).toBeVisible();
  const all = await rows(page);
  const warnings = all.filter((r) => r.severity === 'warning').length;
  expect(warnings).toBeGreaterThan(0);
  await expect(filter.locator('input[data-severity=warning]')).toBeChecked();
  await expect(filter).toContainText(`Warnings (${warnings})`);

  await filter.locator('input[data-severity=warning]').uncheck();
  const filtered = await rows(page);
  expect(filtered.length).toBe(all.length);
  for (const r of filtered) expect(r.hidden, r.code).toBe(r.severity === 'warning');
  await expect(page.locator('[data-testid=diagnostic][data-severity=warning]').first()).toBeHidden();
  await expect(page.locator('[data-testid=diagnostic][data-severity=error]').first()).toBeVisible();
  await expect(page.getByText(/hidden by the filter/)).toBeVisible();
  // The verdict does not follow the filter: it is kube-apiserver's.
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');

  // Hiding errors too leaves the verdict alone; a new analysis keeps the filter.
  await filter.locator('input[data-severity=error]').uncheck();
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0218]')).toBeHidden();
  await load(page, FILE.replace('[configmaps]', '[configmaps, events]'));
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0218]')).toBeHidden();
  await filter.locator('input[data-severity=error]').check();
  await filter.locator('input[data-severity=warning]').check();
  expect((await rows(page)).every((r) => !r.hidden)).toBe(true);
  await expect(page.getByText(/hidden by the filter/)).toHaveCount(0);
});

// Every lint of the core is on the page, with the CLI's suppression comments: an aesgcm writer
// (EC0407), identity kept last (EC0412, silenced on its line), and a comment that silences
// nothing (EC0418). The key is generated here, never a real one.
test('the page reports the core lints and honours suppression comments', async ({ page }) => {
  const key = randomBytes(32).toString('base64');
  const file = [
    ...HEADER_LINES,
    '  - resources: [secrets]',
    '    providers:',
    '      - aesgcm:',
    '          keys:',
    '            - name: key1',
    `              secret: ${key}`,
    '      - identity: {} # enccfg: ignore[EC0412]',
    '  # enccfg: ignore[EC0402]',
    '',
  ].join('\n');
  await page.goto('./');
  await load(page, file);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  const aesgcm = page.locator('[data-testid=diagnostic][data-code=EC0407]');
  await expect(aesgcm).toHaveAttribute('data-stage', 'lint');
  await expect(aesgcm).toHaveAttribute('data-severity', 'warning');
  await expect(aesgcm).toHaveAttribute('data-line', '6');
  await expect(aesgcm.getByTestId('lint-source')).toHaveAttribute('href', /^https:\/\/kubernetes\.io\//);
  const unused = page.locator('[data-testid=diagnostic][data-code=EC0418]');
  await expect(unused).toHaveAttribute('data-line', '11');
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0412]')).toHaveCount(0);

  // Without the comment, the silenced lint is back.
  await load(page, file.replace(' # enccfg: ignore[EC0412]', ''));
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0412]')).toHaveAttribute('data-severity', 'info');
});
