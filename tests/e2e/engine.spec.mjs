// The analysis engine is a module of its own, loaded on first use: a first visit paints the
// first example from the analysis made at build time and downloads no engine; the first sign of
// an edit loads it; a start that needs it waits for it; a failed load says so and keeps the text.
import { test, expect } from '@playwright/test';
import { examples, settle } from './helpers.mjs';

const ENGINE = '**/engine/*.wasm';

/** The engine downloads the page has asked for so far. */
function engineRequests(page) {
  const seen = [];
  page.on('request', (r) => /\/engine\/[^/]+\.wasm$/.test(r.url()) && seen.push(r.url()));
  return seen;
}

/** Every contract row's attributes, to compare two analyses of the same text. */
function rows(page) {
  return page.evaluate(() => {
    const attrs = (el) => Object.fromEntries([...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]));
    const all = (id) => [...document.querySelectorAll(`[data-testid=${id}]`)].map(attrs);
    return {
      verdict: all('verdict'),
      diagnostics: all('diagnostic'),
      ordering: all('ordering-row'),
      health: all('health-row'),
      fixed: document.querySelector('[data-testid=fixed-yaml]').value,
    };
  });
}

// A service worker would fetch the module past page.route.
test.use({ serviceWorkers: 'block' });

test('a first visit paints the built-in analysis without the engine, and it is the engine\'s', async ({ page }) => {
  const requests = engineRequests(page);
  await page.goto('./');
  await settle(page);
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
  const builtIn = await rows(page);
  expect(builtIn.verdict[0]['data-accepted']).toBe('true');
  expect(builtIn.ordering.length).toBeGreaterThan(1);
  expect(builtIn.health.length).toBeGreaterThan(1);

  // The same text analysed by the engine: an edit and its undo bring the first example back.
  const editor = page.getByTestId('editor');
  const text = await editor.inputValue();
  await editor.focus();
  await expect.poll(() => requests.length).toBe(1);
  await editor.fill(`${text}# edited\n`);
  await expect(editor).toHaveValue(`${text}# edited\n`);
  await editor.fill(text);
  await settle(page);
  expect(await rows(page)).toEqual(builtIn);
  expect(requests.length).toBe(1);
});

test('a start other than the first example loads the engine before the page is drawn', async ({ page }) => {
  const broken = examples().find((e) => e.id === 'broken');
  for (const url of ['./?example=broken', './?k8s=1.30']) {
    const requests = engineRequests(page);
    await page.goto(url);
    // The first verdict drawn is already the analysis of this start.
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toBeVisible();
    expect(requests.length).toBe(1);
    if (url.includes('broken')) {
      expect(await verdict.getAttribute('data-accepted')).toBe('false');
      expect(await page.getByTestId('diagnostic').count()).toBeGreaterThan(1);
      await expect(page.getByTestId('editor')).toHaveValue(broken.text);
    } else {
      await expect(verdict).toContainText('1.30');
    }
  }
});

test('an edit made while the engine downloads is analysed when it arrives', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(ENGINE, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await settle(page);
  const broken = examples().find((e) => e.id === 'broken');
  await page.getByTestId('editor').fill(broken.text);
  const verdict = page.getByTestId('verdict');
  // Waiting: marked pending, the old verdict kept, the text the user typed in place.
  await expect(verdict).toHaveClass(/pending/);
  await page.waitForTimeout(300);
  await expect(verdict).toHaveClass(/pending/);
  await expect(verdict).toHaveAttribute('data-accepted', 'true');
  await expect(verdict).toContainText('Checking your edit…loading the checker');
  await expect(page.getByTestId('editor')).toHaveValue(broken.text);
  release();
  await settle(page);
  await expect(verdict).toHaveAttribute('data-accepted', 'false');
  await expect(verdict).not.toContainText('Checking your edit');
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
});

test('an engine that cannot load is reported, the text kept, and the next edit tries again', async ({ page }) => {
  let refuse = true;
  await page.route(ENGINE, (route) => (refuse ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue()));
  await page.goto('./');
  await settle(page);
  const editor = page.getByTestId('editor');
  await editor.fill('apiVersion: v1\n');
  const alert = page.getByRole('alert').filter({ hasText: 'The checker could not load' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Your text is kept');
  await expect(editor).toHaveValue('apiVersion: v1\n');

  refuse = false;
  await editor.fill('apiVersion: v1\nkind: EncryptionConfig\n');
  await settle(page);
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(editor).toHaveValue('apiVersion: v1\nkind: EncryptionConfig\n');
});

test('a start that needs an engine which cannot load shows the text and why', async ({ page }) => {
  await page.route(ENGINE, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  const broken = examples().find((e) => e.id === 'broken');
  await page.goto('./?example=broken');
  await expect(page.getByRole('alert').filter({ hasText: 'The checker could not load' })).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveValue(broken.text);
  // Nothing claims a result it does not have.
  await expect(page.getByText('The findings appear once the checker has loaded.')).toBeVisible();
  await expect(page.getByText('No findings.')).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveCount(0);
});

test('unticking "keep keys" before the engine has loaded still takes the keys out of the saved draft', async ({ page }) => {
  const rotation = examples().find((e) => e.id === 'rotation').text;
  const key = /secret: (\S+)/.exec(rotation)[1];
  const draft = () => page.evaluate(() => localStorage.getItem('enccfg-playground:draft') ?? '');
  await page.goto('./?example=rotation');
  await page.getByTestId('autosave-keys').check();
  await page.getByTestId('editor').fill(`${rotation}# mine\n`);
  await expect.poll(draft).toContain(key);

  // Another visit opens the first example over that draft: the page asks, and has no engine yet.
  const requests = engineRequests(page);
  await page.goto('./?example=kms-v2');
  await expect(page.getByTestId('draft-prompt')).toBeVisible();
  expect(requests).toEqual([]);
  await page.getByTestId('autosave-keys').uncheck();
  await expect.poll(draft).toContain('secret: REDACTED0');
  expect(await draft()).not.toContain(key);
  expect(await draft()).toContain('# mine');
  expect(requests.length).toBe(1);
});
