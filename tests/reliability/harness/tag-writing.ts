// The writer loop shared by the in-process and the two-process concurrency tests.
import type { CasebookService } from '../../../src/core/node/casebook-service';
import { CasebookError } from '../../../src/core/pure/errors';

function bulkyDoc(tag: string) {
  const text = `${tag} `.repeat(8000);
  return { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/**
 * Adds tags `${name}-${i}` one save at a time, each based on the version last read
 * (baseUpdatedAt); after a conflict it reloads and tries again, as "Take theirs, then redo"
 * would. Calls `acknowledged` after each save resolved; returns how many were refused.
 */
export async function addTags(
  service: Pick<CasebookService, 'getStudy' | 'updateStudy'>,
  id: string,
  name: string,
  rounds: number,
  acknowledged: (tag: string) => void,
): Promise<number> {
  let conflicts = 0;
  for (let i = 0; i < rounds; i++) {
    const tag = `${name}-${i}`;
    for (;;) {
      const current = await service.getStudy({ id });
      try {
        await service.updateStudy({
          id,
          // A large body makes each save take a while, so the two writers' saves overlap.
          patch: { tags: [...current.tags, tag], problem: bulkyDoc(tag) },
          baseUpdatedAt: current.updatedAt,
        });
        acknowledged(tag);
        break;
      } catch (err) {
        if (!(err instanceof CasebookError) || err.code !== 'conflict') throw err;
        conflicts++;
      }
    }
  }
  return conflicts;
}
