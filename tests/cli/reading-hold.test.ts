// $CASEBOOK_HOLD_READING: the library's background reading waits while the named file exists.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingHoldFromEnv } from '../../src/cli/reading-hold';

describe('readingHoldFromEnv', () => {
  it('gives no gate when the variable is unset or blank', () => {
    expect(readingHoldFromEnv({})).toBeUndefined();
    expect(readingHoldFromEnv({ CASEBOOK_HOLD_READING: '  ' })).toBeUndefined();
  });

  it('holds while the file exists and lets the reading go on once it is removed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'casebook-hold-'));
    const file = path.join(dir, 'hold');
    await writeFile(file, '');
    const gate = readingHoldFromEnv({ CASEBOOK_HOLD_READING: file })!;
    let passed = false;
    const waiting = gate().then(() => (passed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(passed).toBe(false);
    await rm(file);
    await waiting;
    expect(passed).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('does not hold when the file is absent', async () => {
    await expect(
      readingHoldFromEnv({ CASEBOOK_HOLD_READING: '/nonexistent/casebook-hold' })!(),
    ).resolves.toBeUndefined();
  });
});
