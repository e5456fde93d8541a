// What each editor was handed, by its file's stamp: a save over a file changed under it with the
// same saved time is refused with a message saying so; each editor (window, tab) has its own
// base; a read the file changed during gives no base to trust; the oldest of many editors goes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditBases } from '../../../src/core/node/edit-bases';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';

const study = sampleStudy(1, { title: 'Watched' });
const at = { mtimeMs: 1_000, size: 10 };
const touched = { mtimeMs: 2_000, size: 10 };
const grown = { mtimeMs: 1_000, size: 11 };

describe('edit bases', () => {
  it('see a file changed under an editor with the same saved time, by its time or its size', () => {
    const bases = new EditBases();
    bases.handedOut(study, at, 'tab-1');
    expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, at)).toBe(false);
    expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, touched)).toBe(true);
    expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, grown)).toBe(true);
    // Another saved time is a save's own conflict, not this one; a file with no stamp (gone) changed.
    expect(bases.changedUnder(study.id, 'tab-1', '2030-01-01T00:00:00.000Z', touched)).toBe(false);
    expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, null)).toBe(true);
    expect(bases.changedUnder(study.id, 'tab-2', study.updatedAt, touched)).toBe(false);
    expect(bases.changedUnder('other', 'tab-1', study.updatedAt, touched)).toBe(false);
  });

  it('refuse a stale save with a message saying what changed, and pass one over what the editor read', () => {
    const bases = new EditBases();
    bases.handedOut(study, at, 'tab-1');
    expect(bases.staleBase(study, at, study.updatedAt, 'tab-1')).toBeNull();
    expect(bases.staleBase(study, touched, study.updatedAt, 'tab-1')).toBe(
      '"Watched" was changed on disk after you opened it (by hand or by another tool: its saved time is unchanged); reload it or keep your version.',
    );
    expect(bases.staleBase(study, at, '2020-01-01T00:00:00.000Z', 'tab-1')).toBe(
      `"Watched" was changed on disk (saved ${study.updatedAt}) after you opened it; reload it or keep your version.`,
    );
    expect(bases.staleBase(study, touched, study.updatedAt, 'tab-2')).toBeNull(); // tab-2 read nothing here
    bases.forget(study.id);
    expect(bases.staleBase(study, touched, study.updatedAt, 'tab-1')).toBeNull();
  });

  it('keep a base per editor, the CLI’s shared one included, and forget the oldest of more than 32', () => {
    const bases = new EditBases();
    bases.handedOut(study, at);
    expect(bases.changedUnder(study.id, '', study.updatedAt, touched)).toBe(true);
    for (let n = 1; n <= 32; n++) bases.handedOut(study, at, `tab-${n}`);
    expect(bases.changedUnder(study.id, '', study.updatedAt, touched)).toBe(false); // the 33rd pushed it out
    expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, touched)).toBe(true);
    bases.handedOut(study, at, 'tab-1'); // handed out again: now the newest
    bases.handedOut(study, at, 'tab-33');
    expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, touched)).toBe(true);
    expect(bases.changedUnder(study.id, 'tab-2', study.updatedAt, touched)).toBe(false);
  });

  it('take a read as the base only when the file did not change while it was read', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'study.json');
      await writeFile(file, 'first');
      const bases = new EditBases();
      await bases.readFor(file, async () => study, 'tab-1');
      expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, { mtimeMs: 0, size: 5 })).toBe(true);
      await bases.readFor(
        file,
        async () => {
          await writeFile(file, 'changed while read');
          return study;
        },
        'tab-1',
      );
      expect(bases.changedUnder(study.id, 'tab-1', study.updatedAt, { mtimeMs: 0, size: 5 })).toBe(false);
      await bases.readFor(path.join(dir, 'gone.json'), async () => study, 'tab-2');
      expect(bases.changedUnder(study.id, 'tab-2', study.updatedAt, { mtimeMs: 0, size: 5 })).toBe(false);
    });
  });
});
