// Static hosting: only the page's own origin and sub-path is contacted, and nothing after load;
// a CSP forbids every remote origin (and is never violated); loading, no-JavaScript and
// no-WebAssembly states say what is going on.
import { test, expect } from '@playwright/test';
import { settle } from './helpers.mjs';

test('no request leaves the origin, and none is made after load', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('./');
  await settle(page);
  await page.waitForLoadState('networkidle');
  const atLoad = requests.length;
  expect(atLoad).toBeGreaterThanOrEqual(3); // page, CSS, JS glue (+ wasm)

  // Use everything that could fetch: examples, options, share, theme, help, tabs, typing.
  for (const id of await page.getByTestId('example-picker').locator('option:not([disabled])').evaluateAll((os) => os.map((o) => o.value))) {
    await page.getByTestId('example-picker').selectOption(id);
  }
  await page.getByTestId('k8s-version').selectOption('1.29');
  await page.getByTestId('reload').check();
  await page.getByTestId('editor').fill('apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n');
  await settle(page);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#s=/);
  await page.getByTestId('theme').selectOption('dark');
  await page.getByTestId('help-button').click();
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 500, height: 800 });
  await page.locator('[data-testid=panel-tab][data-panel=health]').click();
  await page.waitForTimeout(500);

  const origin = new URL(baseURL).origin;
  for (const url of requests) {
    expect(url.startsWith(`${origin}/playground/`), url).toBe(true);
  }
  // After load, only the app's own modules loaded on first use may be fetched (the tools', which
  // the editor's help loads when the editor is focused, and the analysis engine's, on the first
  // edit); nothing else.
  const onFirstUse = ['extras', 'engine'].map((dir) => `${origin}/playground/${dir}/`);
  const later = requests.slice(atLoad);
  expect(later.filter((url) => !onFirstUse.some((prefix) => url.startsWith(prefix)))).toEqual([]);
  expect(later.some((url) => url.startsWith(onFirstUse[1]))).toBe(true);
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test('the Content-Security-Policy allows only the page itself, WebAssembly and hashed inline scripts', async ({ page, request }) => {
  const html = await (await request.get('./')).text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBeTruthy();
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'none'"]);
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(directives['style-src']).toEqual(["'self'"]);
  expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
  expect(directives['script-src'].filter((s) => s.startsWith("'sha256-")).length).toBe((html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).length);
  expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
  // trunk's Subresource Integrity on the JS glue and the wasm is kept.
  // (Release builds are minified: attributes may be unquoted and in any order.)
  const tags = html.match(/<link\b[^>]*>/g) ?? [];
  const linkTo = (href) => tags.find((tag) => href.test(tag));
  const glue = linkTo(/href="?\.\/enccfg-playground-[0-9a-f]+\.js\b/);
  expect(glue).toMatch(/\brel="?modulepreload\b/);
  expect(glue).toMatch(/integrity="?sha384-/);
  expect(linkTo(/href="?\.\/enccfg-playground-[0-9a-f]+_bg\.wasm\b/)).toMatch(/integrity="?sha384-/);

  // The policy is enforced: a remote fetch from the page is refused.
  await page.goto('./');
  await settle(page);
  const remote = await page.evaluate(() => fetch('https://example.org/').then(() => 'fetched', (e) => String(e)));
  expect(remote).toMatch(/Failed to fetch|TypeError/);
});

test('the page says it is loading, and says clearly when WebAssembly is unavailable', async ({ page, request }) => {
  const html = await (await request.get('./')).text();
  expect(html).toContain('Loading the playground');
  expect(html).toMatch(/<noscript>[^<]*JavaScript and WebAssembly/);

  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('./');
  const boot = page.locator('#boot');
  await expect(boot).toHaveAttribute('role', 'alert');
  await expect(boot).toContainText('needs WebAssembly');
  await page.waitForTimeout(500);
  await expect(boot).toContainText('needs WebAssembly'); // later load errors do not replace it
});

test('a failed module load is reported instead of an empty page', async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  await expect(page.locator('#boot')).toContainText('could not start');
});
