// How resvg-js's allocator (mimalloc, inside its native module) is told to reuse memory. A card
// is drawn into a fresh 3 MB pixmap, which resvg-js frees only when V8 collects the small
// JavaScript object holding it: cards are freed in bursts, at V8's collections, and mimalloc
// gives freed memory back to the system 10 ms later by default, so most cards were drawn into
// memory fresh from the system. Its page faults took about a third of a card's time
// (bench/cards.ts prints them as system time; a first export of 1,000 studies took ~40 % longer).
// Keeping freed memory for a second lets the next cards reuse it; the pixels are the same.
// (Large OS pages as well gained nothing more, measured in the same run.)
//
// mimalloc reads its options from the process's environment once, when the native module is
// loaded. Only the main thread's process.env is that environment (a worker thread has its own
// copy), so this runs on the main thread before any thread draws a card. A value the user set
// is left as it is.
import { isMainThread } from 'node:worker_threads';

/** The mimalloc options Casebook sets before loading resvg. */
export const CARD_ALLOCATOR_OPTIONS: Readonly<Record<string, string>> = { MIMALLOC_PURGE_DELAY: '1000' };

/** Sets the options in `env` (the process's, on the main thread) unless already set. */
export function prepareCardAllocator(env: NodeJS.ProcessEnv = process.env, mainThread = isMainThread): void {
  if (!mainThread) return;
  for (const [name, value] of Object.entries(CARD_ALLOCATOR_OPTIONS)) env[name] ??= value;
}
