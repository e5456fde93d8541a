// Keeping the search index in step with the workspace when files change outside the app
// (git pull, a synced folder, the CLI): compare the index with a fresh list of summaries.
import type { StudySummary } from '../schemas/study';
import type { SearchIndex } from './search-index';

export interface IndexChanges {
  /** Studies to read in full and upsert: new, saved since indexed, or indexed by summary only. */
  toRead: string[];
  /** Studies the index holds that are no longer in the workspace. */
  toRemove: string[];
}

/**
 * `fileChanged` tells of a study whose file changed since its body was indexed though its
 * updatedAt did not (a hand edit, a file written by a tool that keeps the field): read again too.
 */
export function indexChanges(
  index: SearchIndex,
  current: Pick<StudySummary, 'id' | 'updatedAt'>[],
  fileChanged: (id: string) => boolean = () => false,
): IndexChanges {
  const present = new Set<string>();
  const toRead: string[] = [];
  for (const { id, updatedAt } of current) {
    present.add(id);
    if (index.summary(id)?.updatedAt !== updatedAt || !index.hasBody(id) || fileChanged(id)) toRead.push(id);
  }
  const toRemove = index
    .summaries()
    .map((s) => s.id)
    .filter((id) => !present.has(id));
  return { toRead, toRemove };
}
