// Browser checks of the exported static site (no app needed): axe on the main page kinds,
// links resolving, file:// navigation, and hostile input running no script. Each test file
// exports a site into a temporary folder with the real pipeline and writer.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium-launch';

export default defineConfig({
  testDir: 'tests/site',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/site',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
