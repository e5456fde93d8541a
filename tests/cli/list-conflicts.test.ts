// `casebook list` flags a study a merge left with conflicts, in the table and in JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../src/core/pure/merge/workspace-file-merge';
import { casebook as run } from '../helpers/cli-bundle';
import { withTempDir } from '../helpers/temp-dir';
import { baseStudy, fileOf } from '../core/merge/merge-fixtures';
import { sampleStudy } from '../helpers/study-files';

const casebook = async (args: string[]) => {
  const { code, stdout, stderr } = await run(args);
  if (code !== 0) throw new Error(`casebook ${args[0]} exited ${code}: ${stderr}`);
  return stdout;
};

describe('casebook list', () => {
  it('shows how many conflicts a study has to resolve, and none for the others', async () => {
    await withTempDir(async (ws) => {
      await casebook(['init', '--workspace', ws]);
      const base = baseStudy();
      const merged = mergeWorkspaceFile(
        'studies/merge-me.json',
        fileOf(base),
        fileOf({ ...base, title: 'Ours' }),
        fileOf({ ...base, title: 'Theirs' }),
      );
      await mkdir(path.join(ws, 'studies'), { recursive: true });
      await writeFile(path.join(ws, 'studies', 'merge-me.json'), merged.text);
      await writeFile(path.join(ws, 'studies', 'study-2.json'), fileOf(sampleStudy(2)));
      const table = await casebook(['list', '--workspace', ws]);
      expect(table.split('\n')[0]).toMatch(/Title\s+Status\s+Date\s+Slug\s+Conflicts/);
      expect(table.split('\n').find((line) => line.startsWith('Ours'))).toMatch(/1 to resolve$/);
      expect(table.split('\n').find((line) => line.startsWith('Study 2'))).not.toMatch(/resolve/);
      const json = JSON.parse(await casebook(['list', '--workspace', ws, '--json'])) as {
        id: string;
        conflictCount: number;
      }[];
      expect(json.map((s) => [s.id, s.conflictCount]).sort()).toEqual([
        ['merge-me', 1],
        ['study-2', 0],
      ]);
    });
  });
});
