// Template mode: a Jinja template in an installer's style is named as a template when the
// option is off, and checked for structure (accepted, no syntax error) when it is on; a lint
// shows as advice; the option travels in a share link.
import { test, expect } from '@playwright/test';
import { settle } from './helpers.mjs';

const jinja = [
  'apiVersion: apiserver.config.k8s.io/v1',
  'kind: EncryptionConfiguration',
  'resources:',
  '  - resources:',
  '{{ kube_encryption_resources | to_nice_yaml | indent(4, True) }}',
  '    providers:',
  '    - {{ kube_encryption_algorithm }}:',
  '        keys:',
  '        - name: key',
  '          secret: {{ kube_encrypt_token | b64encode }}',
  '    - identity: {}',
  '',
].join('\n');

test('template-mode checks a Jinja template; off, the template is named', async ({ page }) => {
  await page.goto('./');
  const mode = page.getByTestId('template-mode');
  await expect(mode).not.toBeChecked();
  await page.getByTestId('editor').fill(jinja);
  await settle(page);
  const named = page.locator('[data-testid=diagnostic][data-code=EC0007]');
  await expect(named).toHaveCount(1);
  await expect(named).toHaveAttribute('data-line', '5');
  await expect(named).toContainText('template (Jinja)');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');

  await mode.check();
  await settle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.locator('[data-testid=diagnostic][data-stage=syntax]')).toHaveCount(0);
  await expect(page.locator('[data-testid=diagnostic][data-severity=error]')).toHaveCount(0);
  // identity moved first in the template: a lint on the user's own text, shown as advice.
  const identityFirst = jinja
    .replace('    - identity: {}\n', '')
    .replace('    providers:\n', '    providers:\n    - identity: {}\n');
  await page.getByTestId('editor').fill(identityFirst);
  await settle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  const advice = page.locator('[data-testid=diagnostic][data-code=EC0401]');
  await expect(advice).toHaveCount(1);
  await expect(advice).toHaveAttribute('data-stage', 'lint');
  await expect(advice).toHaveAttribute('data-line', '7');
  await expect(advice).toContainText('advice');

  // A real mistake put into the template is found at its line: identity outdented.
  await page.getByTestId('editor').fill(jinja.replace('    - identity: {}', '  - identity: {}'));
  await settle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.locator('[data-testid=diagnostic][data-severity=error]').first()).toHaveAttribute('data-line', '11');

  await mode.uncheck();
  await settle(page);
  await expect(named).toHaveCount(1);
});

test('the template option travels in a share link', async ({ page, browser }) => {
  await page.goto('./');
  await page.getByTestId('editor').fill(jinja);
  await page.getByTestId('template-mode').check();
  await settle(page);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText(/copied|Copy the link above/);
  const url = await page.getByTestId('share-url').inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await settle(other);
  await expect(other.getByTestId('template-mode')).toBeChecked();
  await expect(other.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await fresh.close();
});
