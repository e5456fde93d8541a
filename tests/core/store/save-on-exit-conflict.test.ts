// Closing the page while the study changed on disk under unsaved edits: the save that leaves
// with the page is still a compare-and-swap, and a conflict keeps both texts.
import { describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../../src/core/node/casebook-service';
import type { CasebookApi, MethodName } from '../../../src/core/pure/contract';
import { dispatch } from '../../../src/core/pure/dispatch';
import { unwrapResult } from '../../../src/core/pure/errors';
import { conflictCopyDraft } from '../../../src/core/node/conflict-copy';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { AutosaveQueue } from '../../../src/renderer/src/autosave/autosave-queue';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';
import { withoutBlockIds } from '../../../src/core/pure/rich-text/block-ids';

const doc = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** The queue wired to the real service through the contract, as a transport would be. */
function queueOver(service: CasebookService) {
  const sent: Promise<unknown>[] = [];
  const call = async (method: MethodName, input: unknown) => {
    // Unwrapped as every client does: a failure is a CasebookError keeping the contract's code.
    return unwrapResult(await dispatch(service, method, input));
  };
  const api = {
    updateStudy: (i: unknown) => call('updateStudy', i),
    saveOnExit: (i: unknown) => call('saveOnExit', i),
  };
  const queue = new AutosaveQueue({
    api: api as unknown as Pick<CasebookApi, 'updateStudy' | 'saveOnExit'>,
    sendOnExit: (method, input) => {
      sent.push(call(method, input).catch(() => undefined));
      return true;
    },
    delayMs: 60_000, // nothing leaves on a timer: only what the test flushes
  });
  return { queue, settled: () => Promise.all(sent) };
}

describe('a save as the page closes, over a study another writer changed', () => {
  it("keeps the other writer's text in the study and puts the local text in a conflict copy", async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'Shard map' });
      const { queue, settled } = queueOver(service);
      queue.opened(study.id, study.updatedAt);
      queue.markSectionDirty(study.id, 'problem', () => doc('Mine: one map per region.'));
      // Another writer (the CLI, a git pull) saves first; the tab shows the conflict.
      await service.updateStudy({ id: study.id, patch: { problem: doc('Theirs: one global map.') } });
      queue.changedOnDisk(study.id, 'changed on disk');
      expect(queue.getState()).toMatchObject({ kind: 'error', conflictId: study.id });

      queue.flushOnExit(); // pagehide / beforeunload
      await settled();

      const all = await service.loadAllStudies();
      expect(all).toHaveLength(2);
      const original = all.find((s) => s.id === study.id)!;
      expect(withoutBlockIds(original.problem)).toEqual(doc('Theirs: one global map.'));
      const copy = all.find((s) => s.id !== study.id)!;
      expect(withoutBlockIds(copy.problem)).toEqual(doc('Mine: one map per region.'));
      expect(copy.title).toMatch(/^Shard map \(conflict copy \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
      expect(copy.status).toBe('draft');
    });
  });

  it('without a conflict it is an ordinary save and makes no copy', async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'Shard map' });
      const { queue, settled } = queueOver(service);
      queue.opened(study.id, study.updatedAt);
      queue.edit(study.id, { summary: 'One map per region.' });
      queue.flushOnExit();
      await settled();
      const all = await service.loadAllStudies();
      expect(all.map((s) => s.summary)).toEqual(['One map per region.']);
    });
  });

  it('the desktop close (flush-before-close) keeps both the same way', async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'Shard map' });
      const { queue } = queueOver(service);
      queue.opened(study.id, study.updatedAt);
      queue.edit(study.id, { summary: 'Mine.' });
      await service.updateStudy({ id: study.id, patch: { summary: 'Theirs.' } });
      await queue.flushBeforeClose();
      const all = await service.loadAllStudies();
      expect(all.find((s) => s.id === study.id)!.summary).toBe('Theirs.');
      expect(all.filter((s) => s.id !== study.id).map((s) => s.summary)).toEqual(['Mine.']);
      expect(queue.hasUnsaved()).toBe(false);
    });
  });

  it('the conflict copy gets its own slug, a draft status and a title within the limit', () => {
    const theirs = sampleStudy(1, { title: 'x'.repeat(300), status: 'published', featured: true });
    const draft = conflictCopyDraft(theirs, { slug: 'mine', summary: 'Mine.' }, new Date('2026-11-29T18:05:00Z'));
    expect(draft.slug).toBeUndefined();
    expect(draft.id).toBeUndefined();
    expect(draft.title).toHaveLength(300);
    expect(draft.title!.endsWith(' (conflict copy 2026-11-29 18:05 UTC)')).toBe(true);
    expect(draft).toMatchObject({ status: 'draft', featured: false, summary: 'Mine.' });
  });
});
