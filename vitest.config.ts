import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on CI's two. Most files wait on
    // disk, git and child processes, so two at a time nearly halve the suite.
    maxWorkers: 2,
    // The per-user secret (src/core/node/local-secret.ts) goes to a temp folder, not the tester's home.
    env: { CASEBOOK_STATE_DIR: path.join(tmpdir(), 'casebook-vitest-state') },
  },
});
