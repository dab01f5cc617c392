// Big files are analysed in a Web Worker: while a 5 MB file is being analysed, the page keeps
// handling input (the caret's status line follows the arrow keys), and the result that arrives
// is the one for the latest text.
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { HEADER_LINES } from './helpers.mjs';

/**
 * About `bytes` of entries, each one rule with its own generated secretbox key; the last key is
 * 21 bytes (every key, with `allShort`: one EC0218 per entry). `entries` counts the rules.
 */
function bigFile(bytes, { allShort = false } = {}) {
  const lines = [...HEADER_LINES];
  let size = 0;
  let entries = 0;
  for (; size < bytes; entries++) {
    const entry = [
      `  - resources: [r${entries}.example]`,
      '    providers:',
      '      - secretbox:',
      '          keys:',
      `            - name: k${entries}`,
      `              secret: ${randomBytes(allShort ? 21 : 32).toString('base64')}`,
    ];
    size += entry.join('\n').length + 1;
    lines.push(...entry);
  }
  lines[lines.length - 1] = `              secret: ${randomBytes(21).toString('base64')}`;
  return { text: lines.join('\n') + '\n', badLine: lines.length, entries };
}

/**
 * Records, for each change of the caret's status line, its text, whether the analysis was still
 * running and how many `counted` elements the page held by then (`window.caretMoves`).
 */
function recordCaretMoves(page, counted = '[data-testid=ordering-row]') {
  return page.evaluate((counted) => {
    window.caretMoves = [];
    const status = document.querySelector('.caret-position');
    const verdict = document.querySelector('[data-testid=verdict]');
    new MutationObserver(() => {
      window.caretMoves.push({
        text: status.textContent,
        pending: verdict.classList.contains('pending'),
        rows: document.querySelectorAll(counted).length,
      });
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }, counted);
}

/** Waits for the analysis of a big text (seconds, in a slow headless Chromium). */
async function settle(page) {
  await expect(page.getByTestId('verdict')).not.toHaveClass(/pending/, { timeout: 60_000 });
}

/** `text` with its last (short) key replaced by a generated 32-byte one. */
function withFixedKey(text) {
  return text.replace(/secret: \S+\n$/, `secret: ${randomBytes(32).toString('base64')}\n`);
}

/** The verdict refuses the file for its short key, on `badLine`. */
async function expectShortKeyAt(page, badLine) {
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.locator('[data-testid=diagnostic][data-code=EC0218]')).toHaveAttribute('data-line', String(badLine));
}

/** What the page tells the console about its worker failing, as it happens. */
function workerWarnings(page) {
  const warnings = [];
  page.on('console', (m) => m.text().startsWith('analysis worker') && warnings.push(m.text()));
  return warnings;
}

/** The URLs the page fetched. */
function fetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
}

/** Pastes `text` into the editor as a paste would (one input event). */
function paste(page, text) {
  return page.getByTestId('editor').evaluate((el, value) => {
    el.value = value;
    el.setSelectionRange(0, 0);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/**
 * Opens `url`, pastes a file of about `bytes` whose last key is short, and waits until the
 * verdict refuses it for that key; returns the file.
 */
async function analyseBigFile(page, bytes, url = './') {
  await page.goto(url);
  await settle(page);
  const file = bigFile(bytes);
  await paste(page, file.text);
  await settle(page);
  await expectShortKeyAt(page, file.badLine);
  return file;
}

/**
 * Routes the worker's download of the engine's module to `handler`, once the page (opened and
 * settled) has its own: the page downloads it on the first focus, and that one goes through.
 */
async function routeWorkersEngine(page, handler) {
  let downloads = 0;
  await page.context().route('**/engine/*.wasm', (route) => (++downloads === 1 ? route.continue() : handler(route)));
  await Promise.all([page.waitForResponse('**/engine/*.wasm'), page.getByTestId('editor').focus()]);
}

// The worker's module is held back below; a service worker would fetch it past page.route.
test.use({ serviceWorkers: 'block' });

test('the caret keeps moving while the worker takes on a 5 MB file, and the latest text wins', async ({ page }) => {
  test.setTimeout(120_000);
  // The worker's first answer waits for its module, held here until the keys below were handled:
  // the page must keep answering them meanwhile (on its own thread it could not, whatever the
  // timing: there the analysis and the keys share one thread).
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let heldBack = 0;
  page.on('console', (m) => m.type() !== 'log' && console.log(`page ${m.type()}: ${m.text()}`));
  await page.goto('./');
  await settle(page);
  await routeWorkersEngine(page, async (route) => {
    heldBack += 1;
    await held;
    await route.continue();
  });
  const { text, badLine } = bigFile(5_000_000);
  expect(text.length).toBeGreaterThan(5_000_000);

  await recordCaretMoves(page);

  await paste(page, text);
  await page.getByTestId('editor').focus();
  // Past the debounce (at most 280 ms): the analysis has been handed over by now.
  await page.waitForTimeout(700);
  const verdict = page.getByTestId('verdict');
  const status = page.locator('.caret-position');
  // Each key moves the caret and the status line follows while the analysis still runs (on the
  // page's own thread, the keys would wait for it and the verdict would no longer be pending).
  const steps = [
    ['ArrowDown', 'Line 2, column 1'],
    ['ArrowDown', 'Line 3, column 1'],
    ['End', 'Line 3, column 11'],
  ];
  for (const [key, expected] of steps) {
    await page.keyboard.press(key);
    await expect(status).toHaveText(expected);
    await expect(verdict).toHaveClass(/pending/, { timeout: 100 });
  }
  expect(heldBack).toBeGreaterThanOrEqual(1);
  release();
  const started = Date.now();
  await settle(page);
  console.log(`5 MB: the analysis arrived ${Date.now() - started} ms after the worker's module was let through`);
  const moves = await page.evaluate(() => window.caretMoves);
  expect(moves.filter((m) => m.pending).map((m) => m.text)).toContain('Line 3, column 11');
  // The worker was started from the page's own directory.
  expect((await fetched(page)).some((url) => url.endsWith('/analysis-worker.js'))).toBe(true);

  // The answer is the analysis of this text: the short key on the last line refuses it.
  await expect(verdict).toHaveAttribute('data-accepted', 'false');
  const short = page.locator('[data-testid=diagnostic][data-code=EC0218]');
  await expect(short).toHaveCount(1);
  await expect(short).toHaveAttribute('data-line', String(badLine));

  // An edit made before the answer arrives wins over it: fix the last key, then break it again
  // while the worker is busy; the page settles on the broken text's analysis.
  const smaller = bigFile(1_000_000);
  const fixed = withFixedKey(smaller.text);
  await paste(page, fixed);
  await page.waitForTimeout(400);
  await paste(page, smaller.text);
  await settle(page);
  await expect(verdict).toHaveAttribute('data-accepted', 'false');
  await expect(short).toHaveAttribute('data-line', String(smaller.badLine));
  // And the fixed text, left alone, is accepted.
  await paste(page, fixed);
  await settle(page);
  await expect(verdict).toHaveAttribute('data-accepted', 'true');
});

test('without its worker (blocked or missing), the page analyses a big file itself', async ({ page }) => {
  await page.route('**/analysis-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const warnings = workerWarnings(page);
  const { text } = await analyseBigFile(page, 200_000);
  // Later edits too (the page stops asking a worker that failed).
  await paste(page, withFixedKey(text));
  await settle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  // The page said why it analysed on its own thread, once.
  expect(warnings.length).toBe(1);
});

test('a worker whose module never arrives gives way to the page after 15 s', async ({ page }) => {
  test.setTimeout(60_000);
  const warnings = workerWarnings(page);
  await page.goto('./');
  await settle(page);
  await routeWorkersEngine(page, () => {}); // never answered
  const { text, badLine } = bigFile(100_000);
  await paste(page, text);
  await expect(page.getByTestId('verdict')).toHaveClass(/pending/);
  await expect(page.getByTestId('verdict')).not.toHaveClass(/pending/, { timeout: 30_000 });
  await expectShortKeyAt(page, badLine);
  expect(warnings).toEqual([expect.stringContaining('did not load in 15 s')]);
});

test('the embed analyses a big file in the worker too', async ({ page }) => {
  const failures = workerWarnings(page);
  await analyseBigFile(page, 100_000, './?embed=1');
  expect((await fetched(page)).some((url) => url.endsWith('/playground/analysis-worker.js'))).toBe(true);
  expect(failures).toEqual([]);
});

test('a request to the worker carries the text and its own few bytes of options, not the page\'s memory', async ({ page }) => {
  // The page hands the options over as bytes; a view on its WebAssembly memory, posted as it
  // is, copies the whole memory to the worker (tens of megabytes, 50-275 ms per request at 1 MB).
  await page.addInitScript(() => {
    window.workerRequests = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      const buffers = Object.values(message ?? {}).filter((v) => ArrayBuffer.isView(v)).map((v) => v.buffer.byteLength);
      window.workerRequests.push({ text: message?.text?.length ?? 0, buffers });
      return post.call(this, message, ...rest);
    };
  });
  const { text } = await analyseBigFile(page, 200_000);
  const requests = await page.evaluate(() => window.workerRequests);
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    expect(request.text).toBe(text.length);
    expect(request.buffers.length).toBeGreaterThan(0);
    for (const bytes of request.buffers) expect(bytes).toBeLessThan(1024);
  }
});

test('after a 5 MB answer, the caret keeps moving while thousands of ordering rows are drawn, and every rule gets its row', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('./');
  await settle(page);
  const { text, entries } = bigFile(5_000_000);
  // One row per rule, plus the row for resources no rule matches.
  const rules = entries + 1;
  expect(rules).toBeGreaterThan(20_000);
  await recordCaretMoves(page);
  await paste(page, text);
  await page.getByTestId('editor').focus();
  await settle(page);
  const rows = page.getByTestId('ordering-row');
  await expect(rows.first()).toBeAttached();

  // Drawn in one task, the rows kept the page deaf to these keys for many seconds (about 20 s
  // on this machine), so the status line only followed them once every row was there.
  const status = page.locator('.caret-position');
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveText('Line 2, column 1');
  await page.keyboard.press('End');
  await expect(status).toHaveText('Line 2, column 30');
  const moves = await page.evaluate(() => window.caretMoves);
  const whileDrawing = moves.filter((m) => m.rows < rules).map((m) => m.text);
  expect(whileDrawing).toContain('Line 2, column 30');

  // The contract's one row per rule holds once the drawing ends, in the file's order.
  await expect(rows).toHaveCount(rules, { timeout: 120_000 });
  await expect(rows.nth(rules - 2)).toHaveAttribute('data-resource', `r${rules - 2}.example`);
  await expect(rows.last()).toHaveAttribute('data-resource', '(unlisted)');
});

test('thousands of findings are drawn in steps: keys are handled meanwhile, and every finding gets its row in source order', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await settle(page);
  // 1 MB of entries whose keys are all 21 bytes long: one EC0218 error per entry.
  const { text, entries: findings } = bigFile(1_000_000, { allShort: true });
  await recordCaretMoves(page, '[data-testid=diagnostic]');
  await paste(page, text);
  await page.getByTestId('editor').focus();
  await settle(page);
  const rows = page.locator('[data-testid=diagnostic][data-code=EC0218]');
  await expect(rows.first()).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.caret-position')).toHaveText('Line 2, column 1');
  const moves = await page.evaluate(() => window.caretMoves);
  expect(moves.filter((m) => m.rows < findings).map((m) => m.text)).toContain('Line 2, column 1');

  await expect(rows).toHaveCount(findings, { timeout: 60_000 });
  const lastLine = HEADER_LINES.length + 6 * findings;
  await expect(rows.first()).toHaveAttribute('data-line', String(HEADER_LINES.length + 6));
  await expect(rows.last()).toHaveAttribute('data-line', String(lastLine));
});

test('a big fixed file skips rendering while the Export panel is off screen, and is whole when scrolled to', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./');
  await settle(page);
  const fixedYaml = page.getByTestId('fixed-yaml');
  const rendering = () => fixedYaml.evaluate((el) => getComputedStyle(el).contentVisibility);
  // A small file's view renders wherever it is.
  expect(await rendering()).toBe('visible');

  const { text, entries } = bigFile(1_000_000);
  await paste(page, text);
  await settle(page);
  // Off screen: still the whole text a download would save, and a box automation can see, but
  // its text is not rendered (that cost about half a second of the page's thread per analysis
  // at 1 MB).
  await expect.poll(rendering).toBe('hidden');
  await expect(fixedYaml).toBeVisible();
  expect((await fixedYaml.inputValue()).length).toBe(text.length);
  // Once the ordering rows above it are all drawn (until then the panel moves down as they come).
  await expect(page.getByTestId('ordering-row')).toHaveCount(entries + 1, { timeout: 30_000 });
  await fixedYaml.scrollIntoViewIfNeeded();
  await expect.poll(rendering).toBe('visible');
  await expect(fixedYaml).toHaveValue(text);
});
