// $CASEBOOK_HOLD_READING: the library's background reading waits while the named file exists
// (said on stderr when set), and stops waiting once the workspace is closed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingHoldFromEnv } from '../../src/cli/reading-hold';

const quiet = (): void => undefined;
const open = () => new AbortController().signal;

async function withHoldFile(run: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casebook-hold-'));
  try {
    const file = path.join(dir, 'hold');
    await writeFile(file, '');
    await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('readingHoldFromEnv', () => {
  it('gives no gate, and says nothing, when the variable is unset or blank', () => {
    const said: string[] = [];
    expect(readingHoldFromEnv({}, (line) => said.push(line))).toBeUndefined();
    expect(readingHoldFromEnv({ CASEBOOK_HOLD_READING: '  ' }, (line) => said.push(line))).toBeUndefined();
    expect(said).toEqual([]);
  });

  it('says so when set, naming the file', () => {
    const said: string[] = [];
    readingHoldFromEnv({ CASEBOOK_HOLD_READING: 'hold-here' }, (line) => said.push(line));
    expect(said).toEqual([expect.stringContaining(path.resolve('hold-here'))]);
  });

  it('holds while the file exists and lets the reading go on once it is removed', async () => {
    await withHoldFile(async (file) => {
      const gate = readingHoldFromEnv({ CASEBOOK_HOLD_READING: file }, quiet)!;
      let passed = false;
      const waiting = gate(open()).then(() => (passed = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(passed).toBe(false);
      await rm(file);
      await waiting;
      expect(passed).toBe(true);
    });
  });

  it('stops holding once the workspace is closed, though the file is still there', async () => {
    await withHoldFile(async (file) => {
      const closing = new AbortController();
      const waiting = readingHoldFromEnv({ CASEBOOK_HOLD_READING: file }, quiet)!(closing.signal);
      await new Promise((resolve) => setTimeout(resolve, 100));
      closing.abort();
      await expect(waiting).resolves.toBeUndefined();
    });
  });

  it('does not hold when the file is absent', async () => {
    await expect(
      readingHoldFromEnv({ CASEBOOK_HOLD_READING: '/nonexistent/casebook-hold' }, quiet)!(open()),
    ).resolves.toBeUndefined();
  });
});
