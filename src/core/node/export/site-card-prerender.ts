// The social cards of a full site export, drawn before it runs on every core: a card costs
// ~20–40 ms (resvg lays out the text and draws it; card-png.ts encodes it), so a first export
// of 1,000 studies would otherwise spend half a minute on one thread. The cards missing from
// the cache are handed out in chunks to the render workers (render-workers.ts, the same
// threads, bounds and queue as the sections': export-pipelines.ts) and to this thread; the
// export then finds each in the cache. A worker that fails costs only time: the export draws
// what is missing itself.
import { availableParallelism } from 'node:os';
import { cardSvg } from '../../pure/export/site-card-svg';
import { pageCardContent, studyCardContent } from '../../pure/export/site-share';
import { siteName, visible } from '../../pure/export/site-layout';
import type { SiteModel } from '../../pure/export/site-model';
import { renderOnThreads, type RenderWorkers } from './render-workers';
import { cardName } from './site-card-render';
import type { CardCache } from './site-cards';
import type { CardJob } from './site-render-job';
import { inChunks } from './site-prerender';

/** Below this many cards to draw, starting a worker (~0.5 s) costs more than it saves. */
const MIN_CARDS = 16;
const CHUNK = 4;

/** The SVG of every card the site of `model` shows; `hasCover(s)`: its cover travels with the site. */
export function siteCardSvgs(model: SiteModel, hasCover: (s: SiteModel['studies'][number]) => boolean): string[] {
  const { site } = model;
  const contents = [
    pageCardContent(site, visible(site.tagline) || siteName(site)),
    ...model.categories.map((c) => pageCardContent(site, c.name)),
    ...model.studies.filter((s) => !hasCover(s)).map((s) => studyCardContent(site, s.study)),
  ];
  return [...new Set(contents.map(cardSvg))];
}

/** The cards of `svgs` that `cache` lacks. */
export const cardJobs = (svgs: string[], cache: CardCache): CardJob[] =>
  svgs.filter((svg) => !cache.has(cardName(svg))).map((card) => ({ card }));

/** Workers worth starting for `jobs` cards besides this thread (0: none, this thread draws them in the export). */
export function cardWorkers(jobs: number, minCards = MIN_CARDS): number {
  const count = Math.min(availableParallelism(), Math.floor(jobs / CHUNK));
  // One worker fewer than cores: this thread draws too.
  return jobs < minCards || count < 2 ? 0 : count - 1;
}

export const cardChunks = (jobs: CardJob[]): CardJob[][] => inChunks(jobs, CHUNK);

/** Puts cards drawn on any thread into `cache`. */
export const storeCards = (cache: CardCache, entries: ReadonlyArray<readonly [string, string]>): void => {
  for (const [name, base64] of entries) cache.add(name, new Uint8Array(Buffer.from(base64, 'base64')));
};

/** Draws into `cache` every card of `svgs` it lacks, on the workers and this thread. Returns cards drawn. */
export async function prerenderCards(
  svgs: string[],
  cache: CardCache,
  workers?: RenderWorkers,
  minCards = MIN_CARDS,
): Promise<number> {
  const jobs = cardJobs(svgs, cache);
  const count = cardWorkers(jobs.length, minCards);
  if (count === 0) return 0;
  let drawn = 0;
  await renderOnThreads(
    cardChunks(jobs),
    count,
    (entries) => {
      storeCards(cache, entries);
      drawn += entries.length;
    },
    workers,
  );
  return drawn;
}
