// LibraryOnDisk's bookkeeping between the full-text index file and the live index: which
// stamps it vouches for, how many studies changed since the file, and what a save writes
// (nothing when nothing changed, the workspace may not be written or is small; never a study
// whose texts were found damaged, whose counts are missing or stale, or whose file is racy).
// The file itself is an in-memory port here; search-index-on-disk.test.ts covers the real one.
import { describe, expect, it } from 'vitest';
import {
  LibraryOnDisk,
  MIN_STUDIES_FOR_CACHE,
  type Counts,
  type IndexFiles,
} from '../../../src/core/node/library-on-disk';
import type { LoadedIndex, PersistedStudy } from '../../../src/core/node/search-index-file';
import { RACY_MS } from '../../../src/core/node/summary-cache';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { sampleStudy, withLessons } from '../../helpers/study-files';

function port(options: { load?: IndexFiles['load']; mayWrite?: boolean } = {}) {
  const saves: PersistedStudy[][] = [];
  const files: IndexFiles = {
    load: options.load ?? (async () => null),
    save: async (studies) => {
      saves.push(studies);
      return new Map();
    },
    mayWrite: () => options.mayWrite ?? true,
  };
  return { files, saves };
}

const old = () => ({ mtimeMs: Date.now() - RACY_MS - 60_000, size: 100 });

/** An index of `count` studies read in full, each stamped and counted as read. */
function indexed(onDisk: LibraryOnDisk, count: number): { index: SearchIndex; counts: Map<string, Counts> } {
  const studies = Array.from({ length: count }, (_, n) => withLessons(n, `Lessons ${n}.`));
  const index = new SearchIndex();
  const counts = new Map<string, Counts>();
  for (const study of studies) {
    index.upsert(study);
    onDisk.indexed(study.id, old());
    counts.set(study.id, { errors: 1, warnings: 2, updatedAt: study.updatedAt });
  }
  return { index, counts };
}

describe('the index file bookkeeping', () => {
  it('has no file when loading it fails', async () => {
    const onDisk = new LibraryOnDisk(port({ load: () => Promise.reject(new Error('EIO')) }).files);
    await onDisk.load();
    expect(onDisk.file).toBeNull();
  });

  it('knows the stamp each study was indexed at, and counts every change', () => {
    const onDisk = new LibraryOnDisk(port().files);
    expect(onDisk.pendingChanges).toBe(0);
    onDisk.indexed('a', { mtimeMs: 5, size: 9 });
    expect(onDisk.stampOf('a')).toEqual({ mtimeMs: 5, size: 9 });
    expect(onDisk.pendingChanges).toBe(1);
    onDisk.indexed('a', null); // changed while it was read: no stamp vouched for
    expect(onDisk.stampOf('a')).toBeUndefined();
    onDisk.indexed('b', { mtimeMs: 6, size: 9 });
    onDisk.removed('b');
    expect(onDisk.stampOf('b')).toBeUndefined();
    expect(onDisk.pendingChanges).toBe(4);
  });
});

describe('saving the index file', () => {
  it('writes every study indexed, then nothing until something changes again', async () => {
    const { files, saves } = port();
    const onDisk = new LibraryOnDisk(files);
    const { index, counts } = indexed(onDisk, MIN_STUDIES_FOR_CACHE);
    await onDisk.save(index, counts, 'key');
    expect(saves).toHaveLength(1);
    expect(saves[0]!.map((s) => s.id).sort()).toEqual([...counts.keys()].sort());
    expect(saves[0]![0]!.counts).toEqual({ errors: 1, warnings: 2 });
    expect(onDisk.pendingChanges).toBe(0);
    await onDisk.save(index, counts, 'key');
    expect(saves).toHaveLength(1);
  });

  it('writes nothing for a small workspace, or one it may not write', async () => {
    const small = port();
    const onSmall = new LibraryOnDisk(small.files);
    const few = indexed(onSmall, MIN_STUDIES_FOR_CACHE - 1);
    await onSmall.save(few.index, few.counts, 'key');
    expect(small.saves).toHaveLength(0);
    const readOnly = port({ mayWrite: false });
    const onReadOnly = new LibraryOnDisk(readOnly.files);
    const many = indexed(onReadOnly, MIN_STUDIES_FOR_CACHE);
    await onReadOnly.save(many.index, many.counts, 'key');
    expect(readOnly.saves).toHaveLength(0);
  });

  it('leaves out studies it cannot vouch for', async () => {
    let damaged!: (id: string) => void;
    const { files, saves } = port({
      load: async (told) => {
        damaged = told; // told of a study whose texts in the file do not match their digest
        return { checkKey: 'key', studies: new Map() } as unknown as LoadedIndex;
      },
    });
    const onDisk = new LibraryOnDisk(files);
    await onDisk.load();
    damaged('study-1');
    const { index, counts } = indexed(onDisk, MIN_STUDIES_FOR_CACHE + 4); // study-1 indexed again: sound
    damaged('study-5'); // found damaged when a snippet read its texts
    counts.delete('study-2'); // not counted yet
    counts.set('study-3', { ...counts.get('study-3')!, updatedAt: '2020-01-01T00:00:00.000Z' }); // counted on an older version
    onDisk.indexed('study-4', { mtimeMs: Date.now() - 100, size: 100 }); // just written: could change again unseen
    onDisk.indexed('ghost', old()); // stamped but not in the index
    const listed = toSummary(sampleStudy(200)); // in the index by its summary only, its body not read
    index.upsert(listed);
    onDisk.indexed(listed.id, old());
    counts.set(listed.id, { errors: 0, warnings: 0, updatedAt: listed.updatedAt });
    await onDisk.save(index, counts, 'key');
    const ids = saves[0]!.map((s) => s.id);
    expect(ids).toContain('study-1');
    expect(ids).not.toContain('study-2');
    expect(ids).not.toContain('study-3');
    expect(ids).not.toContain('study-4');
    expect(ids).not.toContain('study-5');
    expect(ids).not.toContain('ghost');
    expect(ids).not.toContain(listed.id);
    expect(ids).toHaveLength(MIN_STUDIES_FOR_CACHE);
  });
});
