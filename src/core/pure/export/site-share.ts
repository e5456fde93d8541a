// How a page is shared, decided in one place: a study's image is its cover when it has one that
// travels with the site, else its generated card; index and category pages get a card too.
// Also the cover's figure at the top of the study page.
import { escapeHtml } from '../rich-text/html';
import { outcomeLabels } from '../schemas/study';
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { CARD_HEIGHT, CARD_WIDTH, type CardContent } from './site-card-svg';
import { metricListingText } from './metrics-format';
import { shownTitle, siteName, visible } from './site-layout';
import {
  blogPosting,
  studyAuthorNames,
  type ArticleFacts,
  type PageSocial,
  type SocialImage,
} from './site-social-meta';

/** The generated card's folder inside the site. */
export const CARDS_PATH = 'assets/cards';

export const studyCardContent = (site: SiteSettings, study: Study): CardContent => ({
  title: shownTitle(study.title),
  summary: study.summary,
  siteName: siteName(site),
  outcome: study.outcome ? outcomeLabels[study.outcome] : '',
  keyResult: study.metrics[0] ? metricListingText(study.metrics[0]) : '',
});

/** A listing page's card: its heading over the site's tagline. */
export const pageCardContent = (site: SiteSettings, heading: string): CardContent => ({
  title: heading,
  summary: visible(site.tagline) !== heading ? site.tagline || site.description : site.description,
  siteName: siteName(site),
  outcome: '',
  keyResult: '',
});

/** The social image of a generated card named `name`. */
export const cardImage = (name: string, title: string): SocialImage => ({
  path: `${CARDS_PATH}/${name}.png`,
  alt: title,
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
});

/** A study's cover as the page shows it: path inside the site, alt text, pixel size if known. */
export type ShownCover = SocialImage;

/**
 * The cover at the top of the study page (`src`: its URL from the page); sized so the page does
 * not shift as it loads.
 */
export function coverFigure(cover: ShownCover | null, src: string): string {
  if (!cover) return '';
  const size = cover.width && cover.height ? ` width="${cover.width}" height="${cover.height}"` : '';
  // Above the fold: loaded at once (not lazily), decoded off the main thread.
  return `<figure class="study-cover"><img src="${escapeHtml(src)}" alt="${escapeHtml(cover.alt)}"${size} loading="eager" decoding="async"></figure>`;
}

/** Everything a study page says to a link preview and to search engines. */
export function studySocial(
  site: SiteSettings,
  study: Study,
  page: { path: string; root: string; headline: string },
  image: SocialImage | null,
): PageSocial {
  const article: ArticleFacts = {
    published: study.date,
    modified: study.updatedAt,
    authors: studyAuthorNames(site, study),
    tags: study.tags.map(visible).filter(Boolean),
  };
  const description = visible(study.summary);
  return { image, article, jsonLd: blogPosting(site, { ...page, description }, article, image) };
}
