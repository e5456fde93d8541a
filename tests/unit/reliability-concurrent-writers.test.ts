// "A CLI write while the app runs loses nothing": two service instances on one workspace
// (the app and the CLI, each with its own in-memory queue) save the same study at the same
// time. Every save either lands or is refused as a conflict; no acknowledged save vanishes.
import { describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../src/core/casebook-service';
import { CasebookError } from '../../src/core/errors';
import { withTempDir } from '../helpers/temp-dir';

const ROUNDS = Number(process.env.CASEBOOK_CAS_ROUNDS ?? 40);

/**
 * One writer: adds its own tags one by one, each save based on the version it last read
 * (baseUpdatedAt). On a conflict it reloads and tries again, as "Take theirs, then redo"
 * would. Returns the tags whose save was acknowledged.
 */
async function writer(service: CasebookService, id: string, name: string, stats: { conflicts: number }) {
  const acknowledged: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const tag = `${name}-${i}`;
    for (;;) {
      const current = await service.getStudy({ id });
      try {
        await service.updateStudy({
          id,
          patch: { tags: [...current.tags, tag].slice(-100) },
          baseUpdatedAt: current.updatedAt,
        });
        acknowledged.push(tag);
        break;
      } catch (err) {
        if (!(err instanceof CasebookError) || err.code !== 'conflict') throw err;
        stats.conflicts++;
      }
    }
  }
  return acknowledged;
}

describe('two processes writing one workspace', () => {
  it('never loses an acknowledged save: each lands or is refused as a conflict', async () => {
    await withTempDir(async (dir) => {
      const app = await openWorkspace(dir);
      const study = await app.createStudy({ title: 'Shared draft' });
      const cli = await openWorkspace(dir);
      const stats = { conflicts: 0 };
      const [fromApp, fromCli] = await Promise.all([
        writer(app, study.id, 'app', stats),
        writer(cli, study.id, 'cli', stats),
      ]);
      const final = await (await openWorkspace(dir)).getStudy({ id: study.id });
      const missing = [...fromApp, ...fromCli].filter((tag) => !final.tags.includes(tag));
      expect(missing).toEqual([]);
      expect(final.tags).toHaveLength(2 * ROUNDS);
      console.log(`concurrent writers: ${2 * ROUNDS} saves acknowledged, ${stats.conflicts} refused as conflicts`);
    });
  });
});
