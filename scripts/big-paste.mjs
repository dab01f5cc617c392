// A big paste, in headless Chromium against the release dist/: pastes generated files of 1 MB
// and 5 MB (one rule per entry, each with its own key) and prints, per file, the time from the
// paste to the verdict, to the last ordering row drawn, and the longest main-thread task in
// between (Long Tasks API): how long the page could not answer a key. Exits 1 when a file does
// not get one ordering row per rule.
//
// node scripts/big-paste.mjs [PORT]   (scripts/big-paste.sh builds and serves)
import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';

const port = Number(process.argv[2] ?? 8799);
const url = `http://127.0.0.1:${port}/playground/?offline=off`;

/** About `bytes` of entries; returns the text and its number of ordering rows (rules + unlisted). */
function generated(bytes) {
  const lines = ['apiVersion: apiserver.config.k8s.io/v1', 'kind: EncryptionConfiguration', 'resources:'];
  let size = 0;
  let rules = 0;
  for (; size < bytes; rules++) {
    const entry = [`  - resources: [r${rules}.example]`, '    providers:', '      - secretbox:', '          keys:',
      `            - name: k${rules}`, `              secret: ${randomBytes(32).toString('base64')}`];
    size += entry.join('\n').length + 1;
    lines.push(...entry);
  }
  return { text: lines.join('\n') + '\n', rows: rules + 1 };
}

async function measure(browser, name, { text, rows }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  await page.waitForSelector('[data-testid=verdict]:not(.pending)');
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
  const pasted = await page.getByTestId('editor').evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return performance.now();
  }, text);
  const verdict = await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid=verdict]');
    return !v.classList.contains('pending') && document.querySelector('[data-testid=ordering-row]') && performance.now();
  }, null, { timeout: 120_000, polling: 50 }).then((h) => h.jsonValue());
  const drawn = await page.waitForFunction((rows) => {
    return document.querySelectorAll('[data-testid=ordering-row]').length >= rows && performance.now();
  }, rows, { timeout: 300_000, polling: 250 }).then((h) => h.jsonValue());
  const count = await page.getByTestId('ordering-row').count();
  const longest = await page.evaluate(() => Math.max(0, ...window.__tasks.map(([, d]) => d)));
  await page.close();
  console.log(`${name.padEnd(8)} ${String(text.length).padStart(9)} bytes  ${String(count).padStart(6)} rows  verdict ${((verdict - pasted) / 1000).toFixed(1).padStart(5)} s  every row ${((drawn - pasted) / 1000).toFixed(1).padStart(5)} s  longest task ${Math.round(longest).toString().padStart(6)} ms`);
  if (count !== rows) {
    console.error(`${name}: ${count} ordering rows, expected ${rows}`);
    process.exitCode = 1;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  console.log(`big paste (headless Chromium ${browser.version()})`);
  await measure(browser, '1 MB', generated(1_000_000));
  await measure(browser, '5 MB', generated(5_000_000));
} finally {
  await browser.close();
}
