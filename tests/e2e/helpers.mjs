// Shared helpers for the e2e specs (not a spec itself).
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { expect } from '@playwright/test';

/** The built-in examples, read from disk: id, text and the verdict their first line expects. */
export function examples() {
  return readdirSync('static/examples')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(`static/examples/${file}`, 'utf8');
      const expect = /^# expect: (accepted|refused)\n/.exec(text)?.[1];
      return { id: file.replace(/\.yaml$/, ''), text, accepted: expect === 'accepted', expect };
    });
}

/** UTF-16 offset of 1-based line/column (column in chars; fine for the ASCII files used here). */
export function offsetOf(text, line, column) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  return offset + column - 1;
}

export async function caret(page) {
  return page.getByTestId('editor').evaluate((el) => el.selectionStart);
}

export async function settle(page) {
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(page.getByTestId('verdict')).not.toHaveClass(/pending/);
}

/** Fills the editor and waits for the analysis. */
export async function load(page, text) {
  await page.getByTestId('editor').fill(text);
  await settle(page);
}

export function shot(page, name, options = {}) {
  mkdirSync('artifacts/screenshots', { recursive: true });
  return page.screenshot({ path: `artifacts/screenshots/${name}.png`, ...options });
}

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Runs axe-core in the page (or frame) and returns its serious and critical violations. */
export async function seriousViolations(target) {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
