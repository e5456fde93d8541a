// Mutation testing of src/core (`npm run mutation`): does a test fail when the code is changed?
// A full run of src/core takes hours on two cores, so it runs in chunks that each keep their own
// incremental file and report: MUTATE (comma-separated globs) picks the files, MUTATION_CHUNK
// names the chunk. `npm run mutation:score` merges every chunk's report into one table.
const chunk = process.env.MUTATION_CHUNK ?? 'all';
const mutate = process.env.MUTATE?.split(',') ?? ['src/core/**/*.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [...mutate, '!src/core/**/*.d.ts'],
  // Each mutant runs only the tests that reached it in the first (instrumented) run.
  coverageAnalysis: 'perTest',
  // Mutants in code that runs when a module loads (schema and table declarations) would each
  // need the whole suite re-run — a minute apiece here. They are reported as ignored, outside
  // the score; the tables they sit in are checked by their own exhaustiveness tests.
  ignoreStatic: true,
  // Re-tests only mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${chunk}.json`,
  // Two shared cores: never more than two test processes.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The first, instrumented run of every selected test is slow on a busy two-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${chunk}.html` },
  jsonReporter: { fileName: `reports/mutation/${chunk}.json` },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ['out', 'dist', 'test-results', 'playwright-report', '.bench-tmp', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
