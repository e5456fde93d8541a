// casebook history with an id that names nothing (review finding 10): exit 1 and say so, rather
// than "no committed versions yet".
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRoot } from '../core/git/git-fixtures';
import { casebook } from './cli-git-helpers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('casebook history', () => {
  it('exits 1 for a study that is neither here nor in any commit', async () => {
    const ws = path.join(root, 'ws');
    expect((await casebook(['init', '--git', '-w', ws, '--author', 'Ann <ann@example.com>'])).code).toBe(0);
    const result = await casebook(['history', 'nosuch', '-w', ws]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No study "nosuch" here or in the history/);
  }, 60_000);
});
