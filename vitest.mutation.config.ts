import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The test selection Stryker runs for each mutant of src/core (`npm run mutation`): the core tests
// that finish in seconds. Left out: property and hostile-input sweeps that take tens of seconds per
// run and end-to-end style tests (child processes, worker pools, wall-clock limits) whose kills the
// fast tests already make; a mutant they alone would kill shows up as a survivor to cover here.
export const SLOW_CORE_TESTS = [
  'tests/core/markdown/markdown-import-property.test.ts',
  'tests/core/markdown/markdown-import-hostile.test.ts',
  'tests/core/security/security-bad-input.test.ts',
  'tests/core/templates/templates-workspace.test.ts',
  'tests/core/export/export-interrupted.test.ts',
  'tests/core/library/large-workspace-open.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // MUTATION_TESTS (comma-separated globs) narrows the run when only a few files are mutated.
      include: process.env.MUTATION_TESTS?.split(',') ?? ['tests/core/**/*.test.ts'],
      exclude: SLOW_CORE_TESTS,
    },
  }),
);
