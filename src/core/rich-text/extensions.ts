// The rich-text schema shared by the editor (renderer) and by every serializer in core
// (Markdown, static site). One list, so what the editor can hold is exactly what exports.
// Pure: TipTap's schema and extensions run in Node without a DOM.
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import Image from '@tiptap/extension-image';
import { isSafeHref } from '../safe-url';

export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: true } }),
    Image.configure({ inline: false, allowBase64: false }),
  ];
}
