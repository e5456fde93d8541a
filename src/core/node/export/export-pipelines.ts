// Each export format's pipeline: (site settings, studies, a way to read assets) → the files to
// write. Keyed by the format registry's id type (core/pure/export/export-formats.ts), so a
// format without a pipeline does not compile; an id from outside is checked here, at the one
// place that picks a pipeline, and refused: never exported as some other format.
import { CasebookError, describeZodError } from '../../pure/errors';
import { exportFormatSchema, type ExportFormat } from '../../pure/export/export-formats';
import type { OutputFile } from '../../pure/export/output-files';
import type { SiteSettings } from '../../pure/schemas/site';
import type { Study } from '../../pure/schemas/study';
import { markdownExport } from '../markdown/markdown-export';
import { buildSiteModel, type SiteStudy } from '../../pure/export/site-model';
import { siteExport, siteImage } from './site-export';
import { workspaceImage } from './site-images';
import { sectionChunks, sectionJobs, sectionWorkers } from './site-prerender';
import type { RenderCache } from './site-render-cache';
import type { ExportMemory } from './export-memory';
import type { RecordedFile } from './output-plan';
import type { SitePageHooks } from './site-export';
import { renderOnThreads, type RenderWorkers } from './render-workers';
import type { CardCache } from './site-cards';
import { subsetCardFonts } from './card-font-subset';
import { cardChunks, cardJobs, cardWorkers, siteCardSvgs, storeCards } from './site-card-prerender';
import { inChunks } from './site-prerender';
import { searchJobs } from './site-search-file';

/** Studies' search words handed out at a time (~1 ms a study). */
const SEARCH_CHUNK = 25;

export interface PipelineInput {
  site: SiteSettings;
  studies: Study[];
  drafts: boolean;
  readAsset(relPath: string): Uint8Array | null;
  /** Sections rendered by earlier exports; only pipelines with `usesRenderCache` get one. */
  renderCache?: RenderCache;
  /** What earlier exports of this workspace remember (its service's); pipelines may ignore it. */
  memory: ExportMemory;
  /** Pages an incremental export need not render (site only: site-incremental.ts). */
  pages?: SitePageHooks;
  /** The custom CSS file's text (site only: site-custom-css.ts). */
  customCss?: string;
  /** Render workers started ahead (site only); the caller stops those not used. */
  renderWorkers?: RenderWorkers;
  /** Social cards drawn by earlier exports (site only: site-cards.ts). */
  cards?: CardCache;
}

export interface PipelineResult {
  files: OutputFile[];
  /** Files left as the last export wrote them (an incremental site export). */
  recorded?: RecordedFile[];
  warnings: string[];
  /** How many studies the export holds. */
  studies: number;
}

export interface ExportPipeline {
  run(input: PipelineInput): PipelineResult;
  /** Work done before `run`, off the main thread (the site's sections on every core). */
  prepare?(input: PipelineInput): Promise<void>;
  /** Whether it reads and fills the workspace's render cache (site-render-cache.ts). */
  usesRenderCache: boolean;
}

/**
 * Renders the sections the render cache lacks, and draws the social cards the card cache
 * lacks, of the site, and takes each study's search words: one queue on the same threads
 * (started once; the cards first, as they are most of the work), so no core waits between them.
 */
async function prerenderSite(input: PipelineInput): Promise<void> {
  const model = buildSiteModel(input.site, input.studies, input.drafts);
  const resolve = (src: string) => {
    const image = siteImage(src, input.readAsset);
    return 'refused' in image ? null : 'remote' in image ? image : workspaceImage(image.name, image.bytes);
  };
  const { renderCache, cards } = input;
  const sections = renderCache
    ? sectionJobs(
        model.studies.map((s) => s.study),
        resolve,
        renderCache,
      )
    : [];
  // A study whose cover travels with the site is shared with it: it needs no card.
  const cover = (s: SiteStudy) => !!s.study.cover && 'name' in siteImage(s.study.cover.src, input.readAsset);
  const drawn = cards ? cardJobs(siteCardSvgs(model, cover), cards) : [];
  const workers = Math.max(sectionWorkers(sections.length), cardWorkers(drawn.length));
  if (workers === 0) return;
  // Many cards: drawn with the fonts cut to their characters (the same pixels, faster).
  const subset = cardWorkers(drawn.length) > 0 ? await subsetCardFonts(drawn.map((j) => j.card)) : null;
  try {
    const cardsToDraw = subset ? drawn.map((job) => ({ ...job, fonts: subset.fontsFor(job.card) })) : drawn;
    // Once threads run anyway, the search words go with them (an incremental export has no prepare).
    const search = searchJobs(model.studies.map((s) => s.study));
    await renderOnThreads(
      [...cardChunks(cardsToDraw), ...sectionChunks(sections), ...inChunks(search.jobs, SEARCH_CHUNK)],
      workers,
      (entries, chunk) => {
        if (chunk[0] && 'card' in chunk[0]) storeCards(cards!, entries);
        else if (chunk[0] && 'search' in chunk[0]) search.store(entries);
        else for (const [key, value] of entries) renderCache!.set(key, value);
      },
      input.renderWorkers,
    );
  } finally {
    await subset?.remove();
  }
}

const pipelines: Record<ExportFormat, ExportPipeline> = {
  site: { run: siteExport, usesRenderCache: true, prepare: prerenderSite },
  markdown: { run: markdownExport, usesRenderCache: false },
};

/** The pipeline of `format`, or an invalid_input error naming the formats there are. */
export function exportPipeline(format: unknown): ExportPipeline {
  const parsed = exportFormatSchema.safeParse(format);
  if (!parsed.success) throw new CasebookError('invalid_input', describeZodError(parsed.error, 'format'));
  return pipelines[parsed.data];
}
