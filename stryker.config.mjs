// Mutation testing of src/core (`npm run mutation`): does a test fail when the code is changed?
// The score table for the note and README comes from reports/mutation/mutation.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/core/**/*.ts', '!src/core/**/*.d.ts'],
  // Each mutant runs only the tests that reached it in the first (instrumented) run.
  coverageAnalysis: 'perTest',
  // Re-tests only mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two shared cores: never more than two test processes.
  concurrency: 2,
  timeoutMS: 20_000,
  // The first, instrumented run of every selected test is slow on a busy two-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ['out', 'dist', 'test-results', 'playwright-report', '.bench-tmp', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
