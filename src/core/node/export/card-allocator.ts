// How `casebook export` tells resvg-js's allocator (mimalloc, inside its native module) to
// reuse memory. A card is drawn into a fresh 3 MB pixmap (and its pixels copied into a second
// 3 MB buffer), which resvg-js frees only when V8 collects the small JavaScript objects holding
// them: cards are freed in bursts, at V8's collections, and mimalloc gives freed memory back to
// the system soon after by default (10 ms; 100 ms from its larger reserve), so most cards were
// drawn into memory fresh from the system. Those page faults took about a third of a card's
// time (bench/cards.ts prints them as system time). With a purge delay of a second, freed memory
// is reused instead: a first site export of 1,000 studies, every card drawn, took ~40 % less
// wall time (Linux x64; other platforms not measured), with the same pixels.
//
// Only for a process that exits after its export: mimalloc then keeps the memory it would have
// given back (a long-lived process that had exported stayed ~250 MB larger while idle), so the
// app and `casebook serve` keep mimalloc's defaults. mimalloc reads its options from the
// process's environment once, when the native module is loaded: this runs before anything
// draws a card. A value the user set is left as it is.

/** The mimalloc options `casebook export` sets before resvg is loaded. */
export const CARD_ALLOCATOR_OPTIONS: Readonly<Record<string, string>> = { MIMALLOC_PURGE_DELAY: '1000' };

/** Sets the options in `env` (the process's; not a worker thread's, a copy mimalloc never reads) unless set. */
export function prepareCardAllocator(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(CARD_ALLOCATOR_OPTIONS)) if (!env[name]) env[name] = value;
}
