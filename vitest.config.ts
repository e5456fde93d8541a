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
    // The per-user secret (src/core/node/local-secret.ts) goes to a temp folder, not the tester's home.
    env: { CASEBOOK_STATE_DIR: path.join(tmpdir(), 'casebook-vitest-state') },
  },
});
