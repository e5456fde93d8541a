import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The test selection Stryker runs for each mutant of src/core (`npm run mutation`): the core tests
// that finish in seconds, and two reliability tests. Left out: property and hostile-input sweeps
// that take tens of seconds per run, and tests of child processes, the CLI bundle and the UI,
// which run no instrumented code. A mutant only they would kill shows up as a survivor.
export const SLOW_CORE_TESTS = [
  'tests/core/markdown/markdown-import-property.test.ts',
  'tests/core/markdown/markdown-import-hostile.test.ts',
  'tests/core/security/security-bad-input.test.ts',
  'tests/core/templates/templates-slow-markdown.test.ts',
  'tests/core/export/export-interrupted.test.ts',
];

// The reliability tests that run in this process: lock files and failed writes.
const FAST_TESTS = [
  'tests/core/**/*.test.ts',
  'tests/reliability/reliability-lock-file.test.ts',
  'tests/reliability/reliability-write-failures.test.ts',
];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Replaced, not merged (mergeConfig would add to the base's `tests/**`). MUTATION_TESTS
    // (comma-separated globs) narrows the run further when only a few files are mutated.
    include: process.env.MUTATION_TESTS?.split(',') ?? FAST_TESTS,
    exclude: ['**/node_modules/**', ...SLOW_CORE_TESTS],
  },
});
