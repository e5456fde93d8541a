// Resolving a recorded conflict through the contract, as the app does: Keep mine, Take theirs,
// Keep both — for a block, a text field and a field where both cannot stand (a conflict copy).
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../../src/core/node/casebook-service';
import { dispatch } from '../../../src/core/pure/dispatch';
import { unwrapResult } from '../../../src/core/pure/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/core/pure/contract';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import type { Study } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { baseStudy, doc, fileOf, para, texts } from './merge-fixtures';

const call = async <M extends MethodName>(service: CasebookService, method: M, input: MethodInput<M>) =>
  unwrapResult(await dispatch(service, method, input)) as MethodOutput<M>;

/** A workspace holding the merge of `ours` and `theirs` over the base study, conflicts and all. */
async function withMerged(
  ours: Partial<Study>,
  theirs: Partial<Study>,
  run: (service: CasebookService, study: Study) => Promise<void>,
) {
  await withTempDir(async (ws) => {
    const base = baseStudy();
    const merged = mergeWorkspaceFile(
      'studies/merge-me.json',
      fileOf(base),
      fileOf({ ...base, ...ours }),
      fileOf({ ...base, ...theirs }),
    );
    await mkdir(path.join(ws, 'studies'), { recursive: true });
    await writeFile(path.join(ws, 'studies', 'merge-me.json'), merged.text);
    const service = await openWorkspace(ws);
    await run(service, await call(service, 'getStudy', { id: 'merge-me' }));
  });
}

const blockEdits = {
  ours: { problem: doc(para('a', 'Alpha'), para('b', 'Bravo by us'), para('c', 'Charlie'), para('d', 'Delta')) },
  theirs: { problem: doc(para('a', 'Alpha'), para('b', 'Bravo by them'), para('c', 'Charlie'), para('d', 'Delta')) },
};

describe('resolveConflict', () => {
  it('lists the study with its conflict count, then Keep mine drops the record and keeps the text', async () => {
    await withMerged(blockEdits.ours, blockEdits.theirs, async (service, study) => {
      expect((await call(service, 'listStudies', {})).find((s) => s.id === 'merge-me')?.conflictCount).toBe(1);
      const resolved = await call(service, 'resolveConflict', {
        id: study.id,
        conflictId: study.conflicts[0]!.id,
        choice: 'mine',
      });
      expect(resolved.conflicts).toEqual([]);
      expect(resolved.conflictCount).toBe(0);
      expect(texts(resolved.problem)).toEqual(['Alpha', 'Bravo by us', 'Charlie', 'Delta']);
      expect((await call(service, 'listStudies', {})).find((s) => s.id === 'merge-me')?.conflictCount).toBe(0);
    });
  });

  it('Take theirs puts their paragraph in place of ours', async () => {
    await withMerged(blockEdits.ours, blockEdits.theirs, async (service, study) => {
      const resolved = await call(service, 'resolveConflict', {
        id: study.id,
        conflictId: study.conflicts[0]!.id,
        choice: 'theirs',
      });
      expect(texts(resolved.problem)).toEqual(['Alpha', 'Bravo by them', 'Charlie', 'Delta']);
      expect(resolved.problem.content![1]!.attrs?.id).toBe('b');
    });
  });

  it('Keep both keeps ours and puts theirs after it as a block of its own', async () => {
    await withMerged(blockEdits.ours, blockEdits.theirs, async (service, study) => {
      const resolved = await call(service, 'resolveConflict', {
        id: study.id,
        conflictId: study.conflicts[0]!.id,
        choice: 'both',
      });
      expect(texts(resolved.problem)).toEqual(['Alpha', 'Bravo by us', 'Bravo by them', 'Charlie', 'Delta']);
      const ids = resolved.problem.content!.map((node) => node.attrs?.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(resolved.conflicts).toEqual([]);
    });
  });

  it('Keep both joins two titles', async () => {
    await withMerged({ title: 'Ours' }, { title: 'Theirs' }, async (service, study) => {
      const resolved = await call(service, 'resolveConflict', {
        id: study.id,
        conflictId: study.conflicts[0]!.id,
        choice: 'both',
      });
      expect(resolved.title).toBe('Ours / Theirs');
    });
  });

  it('Keep both of two statuses keeps mine and makes a draft conflict copy with theirs', async () => {
    await withMerged(
      { status: 'published', outcome: 'failed' },
      { status: 'draft', outcome: 'succeeded' },
      async (service, study) => {
        const outcome = study.conflicts.find((c) => c.where.kind === 'field' && c.where.field === 'outcome')!;
        const resolved = await call(service, 'resolveConflict', {
          id: study.id,
          conflictId: outcome.id,
          choice: 'both',
        });
        expect(resolved.outcome).toBe('failed');
        const list = await call(service, 'listStudies', {});
        const copy = list.find((s) => s.title.startsWith('Base title (conflict copy'));
        expect(copy).toMatchObject({ outcome: 'succeeded', status: 'draft', conflictCount: 0 });
      },
    );
  });

  it('refuses a stale compare-and-swap and an unknown conflict id', async () => {
    await withMerged({ title: 'Ours' }, { title: 'Theirs' }, async (service, study) => {
      const conflictId = study.conflicts[0]!.id;
      await expect(
        call(service, 'resolveConflict', {
          id: study.id,
          conflictId,
          choice: 'mine',
          baseUpdatedAt: '2001-01-01T00:00:00.000Z',
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        call(service, 'resolveConflict', { id: study.id, conflictId: 'no-such', choice: 'mine' }),
      ).rejects.toMatchObject({ code: 'not_found' });
      const resolved = await call(service, 'resolveConflict', {
        id: study.id,
        conflictId,
        choice: 'theirs',
        baseUpdatedAt: study.updatedAt,
      });
      expect(resolved.title).toBe('Theirs');
    });
  });
});

describe('resolveConflict with a hostile side', () => {
  it('refuses to take their block when it holds a type the editor does not know, and keeps the study as it was', async () => {
    const theirs = {
      problem: doc(
        para('a', 'Alpha'),
        { type: 'script', attrs: { id: 'b' } },
        para('c', 'Charlie'),
        para('d', 'Delta'),
      ),
    };
    await withMerged(blockEdits.ours, theirs, async (service, study) => {
      const conflictId = study.conflicts[0]!.id;
      await expect(
        call(service, 'resolveConflict', { id: study.id, conflictId, choice: 'theirs' }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      const after = await call(service, 'getStudy', { id: study.id });
      expect(texts(after.problem)).toEqual(['Alpha', 'Bravo by us', 'Charlie', 'Delta']);
      expect(after.conflicts).toHaveLength(1);
    });
  });
});

describe('publish checks', () => {
  it('block publishing a study with unresolved conflicts, and stop once they are resolved', async () => {
    await withMerged(
      { title: 'Ours', summary: 'Ours' },
      { title: 'Theirs', summary: 'Theirs' },
      async (service, study) => {
        const blocking = (await call(service, 'checkStudy', { id: study.id })).filter(
          (f) => f.rule === 'conflicts-unresolved',
        );
        expect(blocking).toMatchObject([
          { severity: 'error', field: 'conflicts', message: expect.stringMatching(/^Resolve 2 conflicts/) },
        ]);
        for (const conflict of study.conflicts)
          await call(service, 'resolveConflict', { id: study.id, conflictId: conflict.id, choice: 'mine' });
        expect(
          (await call(service, 'checkStudy', { id: study.id })).some((f) => f.rule === 'conflicts-unresolved'),
        ).toBe(false);
      },
    );
  });
});
