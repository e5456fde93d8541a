// The social cards of a full site export, drawn before it runs on every core: a card costs
// ~30–90 ms (resvg draws it in ~8 ms; encoding 1200×630 pixels as PNG is the rest), so a first
// export of 1,000 studies would otherwise spend a minute on one thread. The cards missing from
// the cache are handed out in chunks to the render workers (site-render-workers.ts, the same
// threads and bounds as the sections') and to this thread; the export then finds each in the
// cache. A worker that fails costs only time: the export draws what is missing itself.
import { availableParallelism } from 'node:os';
import { cardSvg } from '../../pure/export/site-card-svg';
import { pageCardContent, studyCardContent } from '../../pure/export/site-share';
import { siteName, visible } from '../../pure/export/site-layout';
import type { SiteModel } from '../../pure/export/site-model';
import { RenderWorkers, renderChunks } from './render-workers';
import { cardName } from './site-card-render';
import type { CardCache } from './site-cards';
import { renderJob, type RenderJob } from './site-render-job';

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

/** Draws into `cache` every card of `svgs` it lacks, on the workers and this thread. Returns cards drawn. */
export async function prerenderCards(
  svgs: string[],
  cache: CardCache,
  workers?: RenderWorkers,
  minCards = MIN_CARDS,
): Promise<number> {
  const jobs: RenderJob[] = svgs.filter((svg) => !cache.has(cardName(svg))).map((card) => ({ card }));
  const count = Math.min(availableParallelism(), Math.floor(jobs.length / CHUNK));
  if (jobs.length < minCards || count < 2) return 0;
  const pool = workers ?? new RenderWorkers(0);
  const chunks: RenderJob[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
  let drawn = 0;
  const store = (entries: ReadonlyArray<readonly [string, string]>) => {
    for (const [name, base64] of entries) cache.add(name, new Uint8Array(Buffer.from(base64, 'base64')));
    drawn += entries.length;
  };
  // One worker fewer than cores: this thread draws too.
  const running = pool.take(count - 1).map((handle) => renderChunks(handle, chunks, store, pool.chunkMs));
  let next: RenderJob[] | undefined;
  while ((next = chunks.shift())) {
    store(next.map(renderJob));
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  await Promise.all(running);
  return drawn;
}
