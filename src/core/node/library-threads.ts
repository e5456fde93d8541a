// The library's side of reading many studies on worker threads (study-intake.ts): each answer
// goes into the index, the badges and the index file's stamps, and vouches for its file to the
// store, unless the study was saved, removed or queued again while a worker read it.
import type { SearchIndex } from '../pure/library/search-index';
import type { SiteSettings } from '../pure/schemas/site';
import { settingsKey, type LibraryBadges } from './library-badges';
import type { LibraryOnDisk } from './library-on-disk';
import type { LibraryIntake } from './library-sources';

export interface ThreadsTarget {
  /** The index the answers go into (the library's, as it is when each answer arrives). */
  index(): SearchIndex;
  /** Queued studies with the number of their request (a newer number: this read is stale). */
  pending: Map<string, number>;
  badges: LibraryBadges;
  onDisk: LibraryOnDisk | null;
  intake: LibraryIntake;
  site: SiteSettings;
}

/**
 * Reads the queued studies `toRead` on worker threads, indexing each as it is answered; returns
 * those still to read on this thread (no worker could, or the file is not a valid study).
 */
export async function indexOnThreads(
  toRead: Array<[string, number]>,
  { index, pending, badges, onDisk, intake, site }: ThreadsTarget,
): Promise<Array<[string, number]>> {
  const { readOnThreads } = await import('./study-intake');
  const key = settingsKey(site);
  const names = index()
    .summaries()
    .map(({ id, title, slug }) => ({ id, title, slug }));
  const context = { site, templates: intake.templates() ?? null, names };
  const requests = new Map(toRead);
  const left: Array<[string, number]> = [];
  const items = toRead.map(([id]) => ({ id, file: intake.fileOf(id) }));
  const unanswered = await readOnThreads(
    items,
    context,
    (results) => {
      for (const { id, read } of results) {
        const request = requests.get(id)!;
        // Saved or removed through the service meanwhile, or queued again: this read is stale.
        if (pending.get(id) !== request) continue;
        if (!read) {
          left.push([id, request]);
          continue;
        }
        pending.delete(id);
        index().put(read);
        if (read.counts) badges.restored(id, read.counts, read.summary.updatedAt, key);
        else badges.forget(id);
        onDisk?.indexed(id, read.stamp);
        if (read.stamp) intake.vouch(id, read.stamp, read.summary);
      }
    },
    { threads: intake.threads },
  );
  for (const { id } of unanswered) left.push([id, requests.get(id)!]);
  return left;
}
