// Playwright e2e: Debian's Chromium against the release dist/, served from a sub-path.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8765);

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 30_000,
  workers: 1,
  // A test that fails once is retried and reported as flaky (listed in the output), not hidden.
  retries: 1,
  reporter: [['list']],
  outputDir: 'target/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}/playground/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // scripts/e2e-site.sh lays out target/e2e-site/playground/ -> dist/ and serves it.
    command: `bash scripts/e2e-site.sh ${port}`,
    url: `http://127.0.0.1:${port}/playground/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
