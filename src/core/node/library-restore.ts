// Taking the library's full-text index from its file in bulk (search-index-restore.ts) and
// putting it in place of the index searched so far. Runs once per open: at the first list of a
// reopened workspace, before the listed titles would be indexed one by one (the file holds
// them, with every word of the bodies), or later in the background reading.
import type { Pause, RestoredStudy } from '../pure/library/search-index-restore';
import { restoreInBulk } from '../pure/library/search-index-restore';
import type { SearchIndex } from '../pure/library/search-index';
import type { StudySummary } from '../pure/schemas/study';
import type { LibraryOnDisk } from './library-on-disk';
import type { FileStamp } from './study-files';

type Counts = { errors: number; warnings: number };

export interface BuiltFromFile {
  built: SearchIndex;
  /** The studies taken from the file, with their publish-check counts when still valid. */
  taken: Array<[string, Counts | undefined]>;
}

/**
 * An index of those of `summaries` whose file is exactly as the index file recorded it, built
 * in slices; null when the file holds too few of them for a bulk build to pay (at least half of
 * `worthFrom`: the rest are then adopted in one synchronous stretch) or is inconsistent.
 */
export async function buildFromFile(
  onDisk: LibraryOnDisk,
  summaries: Iterable<StudySummary>,
  verifiedStamp: (id: string) => FileStamp | null,
  checkKey: string,
  worthFrom: number,
  pause: Pause,
): Promise<BuiltFromFile | null> {
  const file = onDisk.file;
  if (!file?.postings) return null;
  const chosen = new Array<RestoredStudy | null>(file.studies.size).fill(null);
  const taken: BuiltFromFile['taken'] = [];
  for (const summary of summaries) {
    const found = onDisk.take(summary, verifiedStamp(summary.id));
    if (found) {
      chosen[found.at] = { summary, from: found.from, n: found.n, sections: found.sections };
      taken.push([summary.id, onDisk.countsFrom(found, checkKey)]);
    }
    await pause();
  }
  if (taken.length === 0 || taken.length < worthFrom / 2) return null;
  const built = await restoreInBulk(file.postings, chosen, pause);
  return built && { built, taken };
}

/**
 * Makes `built` hold what `live` learned while it was built (synchronous: nothing may change
 * between this and the swap): every study `live` holds that `built` lacks or that was saved
 * meanwhile (`touched`) is adopted from `live`; a study taken from the file but removed
 * meanwhile is dropped.
 */
export function adoptLive(
  built: SearchIndex,
  live: SearchIndex,
  taken: BuiltFromFile['taken'],
  touched: ReadonlySet<string>,
): void {
  for (const { id } of live.summaries()) if (!built.has(id) || touched.has(id)) built.adopt(live, id);
  for (const [id] of taken) if (touched.has(id) && !live.has(id)) built.remove(id);
}
