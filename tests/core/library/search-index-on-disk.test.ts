// The full-text index kept on disk (.casebook/search-index.bin): a reopened workspace searches
// its full text from it and reads only the study files whose mtime or size changed; a damaged,
// truncated or foreign index file is ignored and written again; a damaged study file is still
// set aside; the publish badges come back without reading the studies.
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSearchIndex, searchIndexPath } from '../../../src/core/node/search-index-file';
import { MIN_STUDIES_FOR_CACHE } from '../../../src/core/node/library-on-disk';
import { found, indexedWorkspaces, past, search, writeOld } from '../../helpers/indexed-workspace';
import { sampleStudy, studyFile, withLessons } from '../../helpers/study-files';

const COUNT = MIN_STUDIES_FOR_CACHE + 10;
const { inWorkspace, open, openAndQuit } = indexedWorkspaces(COUNT);

describe('the full-text index on disk', () => {
  it('answers a reopen from the file: a study whose file kept its mtime and size is not read again', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      expect((await readSearchIndex(dir))?.studies.size).toBe(COUNT);
      // Same size, same mtime, other words: only a read of the file could tell.
      await writeOld(dir, withLessons(7, 'Lessons of omeg7q here.'));
      const again = await openAndQuit(dir);
      expect(await found(again, 'zeta7q')).toEqual(['study-7']);
      expect(await found(again, 'omeg7q')).toEqual([]);
      // The snippet's text is read from the index file on demand.
      const page = await search(again, 'zeta7q');
      expect(page.entries[0]!.match).toMatchObject({ field: 'body', section: 'lessons' });
      expect(page.entries[0]!.match!.snippet.text).toContain('zeta7q');
    });
  });

  it('keeps a study saved while a reopen builds the index from the file: its new words, not the filed ones', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      const again = await open(dir);
      again.warmUp();
      // Saved at once, so while (or before) the background reading takes the others from the file.
      const lessons = (await again.getStudy({ id: 'study-11' })).lessons;
      expect(JSON.stringify(lessons)).toContain('zeta11q');
      await again.updateStudy({ id: 'study-11', patch: { lessons: withLessons(11, 'Now about wombat.').lessons } });
      await again.checkCounts({});
      expect(await found(again, 'wombat')).toEqual(['study-11']);
      expect(await found(again, 'zeta11q')).toEqual([]);
      expect(await found(again, 'zeta12q')).toEqual(['study-12']);
      await again.flushCaches();
    });
  });

  it('reads again a study whose file changed, and finds its new words only', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      await writeOld(dir, withLessons(8, 'Rewritten with quokka inside.'), new Date(past.getTime() + 5_000));
      const again = await openAndQuit(dir);
      expect(await found(again, 'quokka')).toEqual(['study-8']);
      expect(await found(again, 'zeta8q')).toEqual([]);
      // Written again with the change: a third open finds it from the file.
      expect((await readSearchIndex(dir))?.studies.get('study-8')?.indexed().words).toContain('quokka');
    });
  });

  it('still sets aside a study file damaged since, and keeps the badges without reading the studies', async () => {
    await inWorkspace(async (dir) => {
      await writeOld(dir, sampleStudy(3, { title: '' })); // a publish error: no title
      const first = await openAndQuit(dir);
      const counts = await first.checkCounts({});
      expect(counts['study-3']!.errors).toBeGreaterThan(0);
      await writeFile(studyFile(dir, 'study-9'), '{ "id": "study-9", damaged');
      const again = await openAndQuit(dir);
      expect(await found(again, 'zeta9q')).toEqual([]);
      expect((await again.listQuarantined({})).map((q) => q.file)).toContain('studies/study-9.json');
      const { ['study-9']: gone, ...rest } = counts;
      expect(gone).toBeDefined();
      expect(await again.checkCounts({})).toEqual(rest);
    });
  });

  const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['truncated', (bytes) => bytes.subarray(0, bytes.length - 100)],
    [
      'with a byte changed in its word pairs',
      (bytes) => Buffer.from(bytes.map((b, i) => (i === 8 + bytes.readUInt32LE(4) + 3 ? b ^ 1 : b))),
    ],
    ['with a byte changed in its header', (bytes) => Buffer.from(bytes.map((b, i) => (i === 40 ? b ^ 1 : b)))],
    ['not an index at all', () => Buffer.from('{"format":1}')],
    [
      'claiming a header longer than the file',
      (bytes) => Buffer.concat([bytes.subarray(0, 4), Buffer.from([255, 255, 255, 15])]),
    ],
  ];
  for (const [name, damage] of damages) {
    it(`ignores an index file ${name}, indexes from the study files and writes a good one`, async () => {
      await inWorkspace(async (dir) => {
        await openAndQuit(dir);
        await writeFile(searchIndexPath(dir), damage(await readFile(searchIndexPath(dir))));
        expect(await readSearchIndex(dir)).toBeNull();
        const again = await openAndQuit(dir);
        expect(await found(again, 'zeta42q')).toEqual(['study-42']);
        expect((await readSearchIndex(dir))?.studies.size).toBe(COUNT);
      });
    });
  }

  /** Changes a byte near the end of the index file (the last study's texts); returns that study's id. */
  async function damageOneText(dir: string): Promise<string> {
    const bytes = await readFile(searchIndexPath(dir));
    await writeFile(searchIndexPath(dir), Buffer.from(bytes.map((b, i) => (i === bytes.length - 20 ? b ^ 1 : b))));
    const loaded = (await readSearchIndex(dir))!;
    expect(loaded.studies.size).toBe(COUNT); // the word pairs are whole: the file is taken
    const broken = [...loaded.studies].filter(([, s]) => s.sections().lessons === '').map(([id]) => id);
    expect(broken).toHaveLength(1);
    return broken[0]!;
  }

  it("uses a file whose texts of one study are damaged, and reads that study's own file for them", async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      const id = await damageOneText(dir);
      const word = `zeta${id.slice('study-'.length)}q`;
      const again = await open(dir);
      again.warmUp();
      await again.checkCounts({});
      // Its words come from the file; its snippet needs the texts, which are found damaged.
      const first = await search(again, word);
      expect(first.entries.map((e) => e.study.id)).toEqual([id]);
      expect(first.entries[0]!.match!.snippet.text).not.toContain(word);
      // The next list reads that study from its own file: the snippet is whole, and so is the file written at quit.
      await again.checkCounts({});
      expect((await search(again, word)).entries[0]!.match!.snippet.text).toContain(word);
      await again.flushCaches();
      expect((await readSearchIndex(dir))!.studies.get(id)!.sections().lessons).toContain(word);
    });
  });

  it('never writes texts found damaged back as empty ones: a quit without another list leaves that study out', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      const id = await damageOneText(dir);
      const again = await open(dir);
      again.warmUp();
      await again.checkCounts({});
      await again.updateStudy({ id: 'study-3', patch: { lessons: withLessons(3, 'Now about wombat.').lessons } });
      await again.flushCaches(); // the damage was found by the write itself; no list since
      expect((await readSearchIndex(dir))!.studies.has(id)).toBe(false);
      const third = await openAndQuit(dir);
      const word = `zeta${id.slice('study-'.length)}q`;
      expect((await search(third, word)).entries[0]!.match!.snippet.text).toContain(word);
    });
  });

  it('keeps the texts when another Casebook rewrote the file meanwhile (an app and a serve on one workspace)', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      const [a, b] = [await open(dir), await open(dir)];
      for (const service of [a, b]) {
        service.warmUp();
        await service.checkCounts({});
      }
      await b.updateStudy({ id: 'study-3', patch: { lessons: withLessons(3, 'Now about wombat.').lessons } });
      await b.flushCaches(); // b quits: its file replaces the one a took its studies from
      await a.updateStudy({ id: 'study-4', patch: { lessons: withLessons(4, 'Now about koala.').lessons } });
      await a.flushCaches();
      const written = (await readSearchIndex(dir))!;
      expect([...written.studies].filter(([, s]) => s.sections().lessons === '')).toEqual([]);
      const c = await openAndQuit(dir);
      expect((await search(c, 'zeta50q')).entries[0]!.match!.snippet.text).toContain('zeta50q');
    });
  });

  it('counts the badges again after a settings change, not from the file made under the old settings', async () => {
    await inWorkspace(
      async (dir) => {
        for (let n = 0; n < COUNT; n++) await writeOld(dir, sampleStudy(n, { categories: ['Failure Analysis'] }));
        const first = await openAndQuit(dir);
        const before = (await first.checkCounts({}))['study-3'];
        const again = await open(dir);
        again.warmUp();
        await found(again, 'study'); // indexed from the file, counts included
        await again.updateSite({ patch: { categories: ['Architecture & Design'] } });
        const after = (await again.checkCounts({}))['study-3'];
        await again.flushCaches();
        await rm(searchIndexPath(dir));
        const fresh = await openAndQuit(dir); // reads every study under the new settings
        expect(after).toEqual((await fresh.checkCounts({}))['study-3']);
        expect(after).not.toEqual(before);
      },
      { empty: true },
    );
  });

  it("ignores an index written under another user's secret (a foreign workspace's)", async () => {
    await inWorkspace(async (dir) => {
      const mine = process.env.CASEBOOK_STATE_DIR;
      const theirs = await mkdtemp(path.join(tmpdir(), 'casebook-other-state-'));
      try {
        process.env.CASEBOOK_STATE_DIR = theirs;
        await openAndQuit(dir);
        // Theirs claims words study-5 does not hold.
        await writeOld(dir, withLessons(5, 'Lessons of zzzz5q here.'));
        await utimes(studyFile(dir, 'study-5'), past, past);
      } finally {
        process.env.CASEBOOK_STATE_DIR = mine;
        await rm(theirs, { recursive: true, force: true });
      }
      expect(await readSearchIndex(dir)).toBeNull();
      const again = await openAndQuit(dir);
      expect(await found(again, 'zzzz5q')).toEqual(['study-5']);
    });
  });
});
