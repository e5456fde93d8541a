// Links. Only safe targets survive anywhere (http, https, mailto, relative: safe-url.ts), and
// each output writes exactly the string it checked; an unsafe link keeps its text, unlinked.
import type { Link, PhrasingContent } from 'mdast';
import { phrasingReader, type Mark, type MarkModule, type MdastReadState } from '../block-module';
import { escapeHtml } from '../html-escape';
import { textRun } from '../blocks/document';
import { normalizeLabel } from '../../markdown/reference-label';
import { safeHref } from '../../safe-url';

function linkTo(url: string, title: string | null, kids: PhrasingContent[], marks: Mark[], state: MdastReadState) {
  // The parser has already decoded character references (`&#xA0;javascript:`), so this checks
  // and stores the very string a browser would follow.
  const href = safeHref(url);
  if (href === null) {
    state.warn(`The link to "${url}" is not http, https, mailto or relative; it was kept as plain text.`);
    return state.phrasing(kids, marks);
  }
  return state.phrasing(kids, [...marks, { type: 'link', attrs: { href, title: title || null } }]);
}

export const link: MarkModule = {
  html: (mark) => {
    // safeHref refuses control characters, so escaping changes only &<>"' and the browser
    // reads back exactly the string that was checked.
    const href = safeHref(mark.attrs?.href);
    return href === null ? null : [`<a href="${escapeHtml(href)}">`, '</a>'];
  },
  toMdast: (mark, children) => {
    // The link keeps exactly the target that was checked (markdownProblem refused unsafe ones).
    const href = safeHref(mark.attrs?.href);
    if (href === null) return null;
    const title = typeof mark.attrs?.title === 'string' && mark.attrs.title !== '' ? mark.attrs.title : null;
    return { type: 'link', url: href, title, children } as Link;
  },
  markdownProblem: (mark) =>
    safeHref(mark.attrs?.href) === null
      ? `The link to "${String(mark.attrs?.href ?? '')}" is not http, https, mailto or relative; its text was kept without the link.`
      : null,
  fromPhrasing: [
    phrasingReader('link', (node, marks, state) => linkTo(node.url, node.title ?? null, node.children, marks, state)),
    phrasingReader('linkReference', (node, marks, state) => {
      const def = state.definitions.get(normalizeLabel(node.identifier));
      if (def) return linkTo(def.url, def.title ?? null, node.children, marks, state);
      return textRun(state.sourceOf(node) ?? state.plain(node), marks);
    }),
  ],
  // Markdown carries the target and title, not target/rel/class; an empty title reads back as none.
  normalForm: (attrs) => ({ href: attrs?.href, title: attrs?.title || null }),
  probe: [
    { type: 'text', text: 'l', marks: [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b="2"' } }] },
    // An unsafe target too, so a change in which links survive changes the fingerprint.
    { type: 'text', text: 'u', marks: [{ type: 'link', attrs: { href: '\u00a0javascript:void 0' } }] },
  ],
};
