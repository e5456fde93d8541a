// A study page's headings made linkable: every heading gets a stable id (the slug of its text,
// made unique on the page) and a link to itself that shows on hover and focus; a study with
// three or more headings also gets a table of contents (<nav> named "Contents").
//
// The section HTML comes from our own renderer (rich-text/html.ts), cached per section, so the
// ids are added here, per page, where the whole page's headings are known: two sections may
// hold headings of the same text. Headings there are `<hN>` or `<hN class="…">` holding
// phrasing content only (heading.ts makes sure of that), never another heading.
import slugify from '@sindresorhus/slugify';
import { escapeHtml } from '../rich-text/html-escape';

export interface PageHeading {
  level: number;
  id: string;
  /** The heading's text as a reader sees it (tags removed, entities decoded). */
  text: string;
}

/** Below this many headings a page is short enough to read without a table of contents. */
export const MIN_CONTENTS_HEADINGS = 3;
/** The longest id made from a heading's text (a heading may be a paragraph long). */
const MAX_ID_LENGTH = 60;

const ENTITIES = new Map([
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
]);

/** The text of a heading's inner HTML: tags dropped (a line break is a space), entities decoded. */
export function headingText(inner: string): string {
  return inner
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES.get(e) ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Hands out ids unique on one page: the slug of a heading's text, `-2`, `-3`… after the first,
 * `section` when the text has no letters or digits. `taken` starts with the page's own ids.
 */
export class HeadingIds {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  reserve(id: string): void {
    this.taken.add(id);
  }

  next(text: string): string {
    let base = slugify(text, { separator: '-', decamelize: false }).slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
    // An id starting with a digit is valid HTML, but not a CSS selector without escaping.
    if (!base || /^[0-9]/.test(base)) base = base ? `h-${base}` : 'section';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** A heading with its link to itself, wrapped so the link sits beside it (outside its name). */
export function anchoredHeading(level: number, id: string, attrs: string, inner: string, text: string): string {
  const name = escapeHtml(`Link to this section: ${text}`);
  return (
    `<div class="heading heading-${level}"><h${level} id="${id}"${attrs}>${inner}</h${level}>` +
    `<a class="heading-anchor" href="#${id}" aria-label="${name}">#</a></div>`
  );
}

const HEADING = /<h([2-6])((?:\s+class="[^"<>]*")?)>([\s\S]*?)<\/h\1>/g;

/** `html` with each heading given an id and its anchor link; found headings pushed onto `out`. */
export function anchorHeadings(html: string, ids: HeadingIds, out: PageHeading[]): string {
  return html.replace(HEADING, (_whole, level: string, attrs: string, inner: string) => {
    const text = headingText(inner) || 'Section';
    const id = ids.next(text);
    out.push({ level: Number(level), id, text });
    return anchoredHeading(Number(level), id, attrs, inner, text);
  });
}

/**
 * The table of contents: h2s with the h3s under them nested (deeper headings are linked from
 * their heading but not listed: the list stays a map, not a copy). '' under MIN_CONTENTS_HEADINGS.
 */
export function contentsHtml(headings: readonly PageHeading[]): string {
  if (headings.length < MIN_CONTENTS_HEADINGS) return '';
  const item = (h: PageHeading) => `<a href="#${h.id}">${escapeHtml(h.text)}</a>`;
  let html = '';
  let open = false; // whether an h2's nested <ol> is open
  let inItem = false;
  for (const h of headings) {
    if (h.level === 2) {
      if (open) html += '</ol>';
      if (inItem) html += '</li>';
      html += `<li>${item(h)}`;
      open = false;
      inItem = true;
    } else if (h.level === 3) {
      if (!inItem) {
        html += `<li class="contents-orphan">`;
        inItem = true;
      }
      if (!open) html += '<ol>';
      html += `<li>${item(h)}</li>`;
      open = true;
    }
  }
  if (open) html += '</ol>';
  if (inItem) html += '</li>';
  return `<nav class="contents" aria-label="Contents"><div class="contents-inner"><p class="contents-title">Contents</p><ol>${html}</ol></div></nav>`;
}
