// The Deploy panel (a tool loaded on first use): one snippet per kind for the editor's file and
// options, each copyable; the flags follow the options and the verify step names the write
// provider's prefix.
import { test, expect } from '@playwright/test';
import { examples, load } from './helpers.mjs';

const snippet = (page, kind) => page.locator(`[data-testid=deploy-snippet][data-kind=${kind}]`);

test('?panel=deploy shows every snippet for the file and options, and Copy copies one', async ({ page, context }) => {
  await page.goto('./?panel=deploy');
  await expect(page.getByTestId('deploy-snippet')).toHaveCount(6);
  expect(await page.getByTestId('deploy-snippet').evaluateAll((els) => els.map((e) => e.dataset.kind)))
    .toEqual(['flags', 'static-pod', 'kubeadm', 'k3s', 'rke2', 'verify']);

  // The default file is the KMS v2 example: its writer's prefix.
  await expect(snippet(page, 'verify')).toContainText('k8s:enc:kms:v2:');
  await expect(snippet(page, 'verify')).toContainText('etcdctl');
  await expect(snippet(page, 'flags')).toHaveText('--encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n');
  await expect(snippet(page, 'static-pod')).toContainText('type: File');

  // Reload on: the flag, and the directory is mounted.
  await page.getByTestId('reload').check();
  await expect(snippet(page, 'flags')).toContainText('--encryption-provider-config-automatic-reload=true');
  await expect(snippet(page, 'static-pod')).toContainText('type: DirectoryOrCreate');
  await expect(snippet(page, 'kubeadm')).toContainText('name: encryption-provider-config-automatic-reload');
  await expect(snippet(page, 'k3s')).toContainText('kube-apiserver-arg');
  await expect(snippet(page, 'rke2')).toContainText('kube-apiserver-extra-mount');

  // An aescbc file: its key's prefix, and never its key.
  const aescbc = examples().find((e) => e.id === 'aescbc-identity');
  await load(page, aescbc.text);
  await expect(snippet(page, 'verify')).toContainText('k8s:enc:aescbc:v1:');
  const secret = /^\s*secret: (\S+)$/m.exec(aescbc.text)[1];
  for (const text of await page.getByTestId('deploy-snippet').allTextContents()) {
    expect(text).not.toContain(secret);
  }

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy kube-apiserver flags' }).click();
  await expect(page.locator('.deploy-snippet').first().getByRole('status')).toHaveText('Copied.');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet(page, 'flags').textContent());
});
