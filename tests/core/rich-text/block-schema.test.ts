// A link the author adds in the editor passes the same rule as the exports (safe-url.ts): http,
// https, mailto and relative targets only. TipTap's own rule would also take ftp: and tel:.
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../../src/core/pure/rich-text/extensions';

/** Selects the word of a one-paragraph section and tries to link it to `href`. */
function linkTo(href: string) {
  const editor = new Editor({
    element: null,
    extensions: richTextExtensions(),
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'word' }] }] },
  });
  editor.commands.setTextSelection({ from: 1, to: 5 });
  const accepted = editor.commands.setLink({ href });
  const marks = editor.getJSON().content?.[0]?.content?.[0]?.marks ?? [];
  editor.destroy();
  return { accepted, hrefs: marks.map((m) => m.attrs?.href) };
}

describe('links added in the editor', () => {
  it('are set for a web, mail or relative target', () => {
    for (const href of ['https://example.com/a?b=1', 'http://example.com', 'mailto:ana@example.com', '../other/'])
      expect(linkTo(href)).toEqual({ accepted: true, hrefs: [href] });
  });

  it('are refused for any other target, the text kept unlinked', () => {
    for (const href of ['javascript:alert(1)', '\u00a0javascript:alert(1)', 'ftp://example.com/f', 'tel:+4912345'])
      expect(linkTo(href)).toEqual({ accepted: false, hrefs: [] });
  });
});
