// The desktop smoke test: launches the built app with Playwright's Electron driver against a
// temporary workspace. Run after `npm run build`. Where the Electron binary is not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD, as in CI here), the test is skipped and says so.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
