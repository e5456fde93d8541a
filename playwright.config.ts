// End-to-end tests: the real UI in Chromium against `casebook serve` on a fresh temporary
// workspace per test. Run after `npm run build` (this config does not build).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium-launch';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
