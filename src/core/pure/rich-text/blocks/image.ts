// Images are blocks in the editor (stored as `assets/<hash>.<ext>` or an http(s) address) and
// sit in a paragraph in Markdown. Each output decides where an image's file lives (the caller's
// resolver); what is written is exactly what was checked. The editor swaps in an extension of
// the same schema that displays through the asset protocol (renderer/editor/display-image.ts).
import type { PhrasingContent } from 'mdast';
import { phrasingReader, type BlockModule, type MdastReadState, type MdastWriteState } from '../block-module';
import { normalizeLabel } from '../../markdown/reference-label';
import { escapeHtml } from '../html-escape';
import { safeHref, safeImageSrc, safeRemoteUrl } from '../../safe-url';
import type { RichTextNode } from '../../schemas/rich-text';

function imageToMdast(node: RichTextNode, state: MdastWriteState): PhrasingContent | null {
  const stored = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  const url = state.imageSrc(stored);
  if (url === null) return null;
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  const title = typeof node.attrs?.title === 'string' && node.attrs.title !== '' ? node.attrs.title : null;
  return { type: 'image', url, alt, title };
}

function readImage(url: string, alt: string | null, title: string | null, state: MdastReadState): RichTextNode[] {
  // A relative image is a file beside the Markdown: no scheme, no root or protocol-relative path.
  const remote = safeRemoteUrl(url) !== null;
  const relative =
    !remote &&
    safeHref(url) !== null &&
    !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) &&
    !url.startsWith('/') &&
    !url.startsWith('\\');
  if (!remote && !relative) {
    state.warn(`The image "${url}" is neither a relative path nor an http(s) address; it was left out.`);
    return [];
  }
  if (relative) state.images.push(url);
  return [{ type: 'image', attrs: { src: url, alt: alt || null, title: title || null } }];
}

/** Headings and table cells cannot hold the editor's (block) images: they are left out, with a warning. */
export function withoutImages(nodes: RichTextNode[], where: string, state: MdastReadState): RichTextNode[] {
  const kept = nodes.filter((n) => n.type !== 'image');
  if (kept.length < nodes.length) state.warn(`An image inside ${where} was left out: images stand on their own line.`);
  return kept;
}

/** At most this much of an image's address or alt text is quoted in a warning. */
const QUOTED = 80;
const quoted = (text: string): string => `"${text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text}"`;

/**
 * Phrasing for a place that holds one line of text (a timeline entry), not the editor's block
 * images: each image becomes its alt text, inside the same marks (a linked image keeps its
 * link), with a warning naming it. Done on the mdast, so a dropped image is never read (nor
 * copied into the workspace).
 */
export function imagesAsAltText(nodes: PhrasingContent[], where: string, state: MdastReadState): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'image' || node.type === 'imageReference') {
      const url =
        node.type === 'image' ? node.url : (state.definitions.get(normalizeLabel(node.identifier))?.url ?? '');
      const alt = node.alt ?? '';
      state.warn(
        `The image ${alt ? `${quoted(alt)} (${quoted(url)})` : quoted(url)} in ${where} was left out` +
          `${alt ? ' and its alt text kept' : ''}: images stand on their own line.`,
      );
      return alt ? [{ type: 'text', value: alt }] : [];
    }
    if ('children' in node) {
      const children = imagesAsAltText(node.children as PhrasingContent[], where, state);
      return [{ ...node, children } as PhrasingContent];
    }
    return [node];
  });
}

export const image: BlockModule = {
  html: (node, { options }) => {
    const src = node.attrs?.src;
    if (typeof src !== 'string' || !options.resolveImage) return '';
    // The resolver's answer is checked too: what is written is exactly what was checked.
    const url = safeImageSrc(options.resolveImage(src));
    if (url === null) return '';
    const alt = node.attrs?.alt;
    const title = node.attrs?.title;
    const titleAttr = typeof title === 'string' && title ? ` title="${escapeHtml(title)}"` : '';
    // Its size, when known, lets the browser keep the image's place while it loads (no shift).
    const size = options.imageSize?.(url);
    const whole = (n: number) => Number.isInteger(n) && n > 0;
    const sizeAttrs =
      size && whole(size.width) && whole(size.height) ? ` width="${size.width}" height="${size.height}"` : '';
    return `<figure><img src="${escapeHtml(url)}" alt="${escapeHtml(typeof alt === 'string' ? alt : '')}"${titleAttr}${sizeAttrs} loading="lazy"></figure>`;
  },
  toMdast: (node, state) => {
    const phrasing = imageToMdast(node, state);
    return phrasing ? [{ type: 'paragraph', children: [phrasing] }] : [];
  },
  toPhrasing: (node, state) => imageToMdast(node, state),
  // Read inside a paragraph; paragraph.ts then lifts each image out as a block of its own.
  fromPhrasing: [
    phrasingReader('image', (node, _marks, state) => readImage(node.url, node.alt ?? null, node.title ?? null, state)),
    phrasingReader('imageReference', (node, _marks, state) => {
      const def = state.definitions.get(normalizeLabel(node.identifier));
      return def ? readImage(def.url, node.alt ?? null, def.title ?? null, state) : [];
    }),
  ],
  // Markdown carries src, alt and title (not a size); an empty alt or title reads back as none.
  normalForm: { attrs: (attrs) => ({ src: attrs.src, alt: attrs.alt || null, title: attrs.title || null }) },
  probe: [
    { type: 'image', attrs: { src: 'assets/probe.png', alt: 'alt "a"', title: 't' } },
    { type: 'image', attrs: { src: 'https://example.com/i.png', alt: '' } },
  ],
};
