// The library's side of reading many studies on worker threads (study-intake.ts): each answer
// goes into the index, the badges and the index file's stamps, and vouches for its file to the
// store, unless the study was saved, removed or queued again while a worker read it.
import type { SearchIndex } from '../pure/library/search-index';
import type { SiteSettings } from '../pure/schemas/site';
import { settingsKey, type LibraryBadges } from './library-badges';
import type { LibraryOnDisk } from './library-on-disk';
import type { LibraryIntake } from './library-sources';
import type { IntakeResult } from './study-intake';
import { pauseEvery } from './time-slices';

const SLICE_MS = 8;

export interface ThreadsTarget {
  /** The index the answers go into (the library's, as it is when each answer arrives). */
  index(): SearchIndex;
  /** Queued studies with the number of their request (a newer number: this read is stale). */
  pending: Map<string, number>;
  badges: LibraryBadges;
  onDisk: LibraryOnDisk | null;
  intake: LibraryIntake;
  site: SiteSettings;
  /** Aborted when the workspace is closed: the workers stop. */
  signal?: AbortSignal;
}

/**
 * Reads the queued studies `toRead` on worker threads, indexing each as it is answered; returns
 * those still to read on this thread (no worker could, or the file is not a valid study).
 */
export async function indexOnThreads(
  toRead: Array<[string, number]>,
  { index, pending, badges, onDisk, intake, site, signal }: ThreadsTarget,
): Promise<Array<[string, number]>> {
  const { readOnThreads } = await import('./study-intake');
  const key = settingsKey(site);
  const names = index()
    .summaries()
    .map(({ id, title, slug }) => ({ id, title, slug }));
  const context = { site, templates: intake.templates() ?? null, names };
  const requests = new Map(toRead);
  const left: Array<[string, number]> = [];
  const take = ({ id, read }: IntakeResult): void => {
    const request = requests.get(id)!;
    // Saved or removed through the service meanwhile, or queued again: this read is stale.
    if (pending.get(id) !== request) return;
    if (!read) {
      left.push([id, request]);
      return;
    }
    pending.delete(id);
    index().put(read);
    if (read.counts) badges.restored(id, read.counts, read.summary.updatedAt, key);
    else badges.forget(id);
    onDisk?.indexed(id, read.stamp);
    if (read.stamp) intake.vouch(id, read.stamp, read.summary);
  };
  // Answers are indexed in slices of the event loop, not as each arrives: a search waits for
  // one study's indexing at most, however fast the workers answer.
  const answers: IntakeResult[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const items = toRead.map(([id]) => ({ id, file: intake.fileOf(id) }));
  const reading = readOnThreads(
    items,
    context,
    (result) => {
      answers.push(result);
      wake?.();
    },
    { signal },
  ).finally(() => {
    finished = true;
    wake?.();
  });
  const pause = pauseEvery(SLICE_MS);
  for (let next = 0; next < answers.length || !finished;) {
    if (next === answers.length) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      continue;
    }
    take(answers[next]!);
    answers[next++] = undefined!; // indexed: its texts are the index's now
    const turn = pause();
    if (turn) await turn;
  }
  for (const { id } of await reading) left.push([id, requests.get(id)!]);
  return left;
}
