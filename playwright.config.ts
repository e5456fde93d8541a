// End-to-end tests: the real UI in Chromium against `casebook serve` on a fresh temporary
// workspace per test. Run after `npm run build` (this config does not build).
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium-launch';

// `casebook serve` keeps its per-user secret (src/core/node/local-secret.ts) in a temp folder, not the tester's home.
process.env.CASEBOOK_STATE_DIR ??= path.join(tmpdir(), 'casebook-e2e-state');

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  // Limits against a hang, not a measure of speed (bench/ shows that): two workers share two
  // cores with Chromium and `casebook serve` each, and the long flows took 25–48 s at load 7–8
  // in CI, 30 s specs timing out whenever anything else ran beside them.
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
