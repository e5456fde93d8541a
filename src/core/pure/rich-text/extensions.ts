// The rich-text schema shared by the editor (renderer) and by every serializer in core
// (Markdown, static site). One list, so what the editor can hold is exactly what exports.
// Pure: TipTap's schema and extensions run in Node without a DOM.
import type { AnyExtension, Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Image from '@tiptap/extension-image';
import { safeHref } from '../safe-url';
import { Callout } from './callout';

export interface RichTextExtensionOptions {
  /**
   * The editor swaps in nodes with the same name and schema but browser-only behaviour
   * (a highlighting code block, an image that displays through the asset protocol).
   */
  codeBlock?: AnyExtension;
  image?: AnyExtension;
}

export function richTextExtensions(options: RichTextExtensionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      codeBlock: options.codeBlock ? false : undefined,
      link: {
        openOnClick: false,
        autolink: true,
        // TipTap checks the href it then stores and renders (a pasted <a>'s attribute as the
        // DOM holds it, entities decoded), so this is the same exact-string rule as the exports.
        isAllowedUri: (url) => safeHref(url) !== null,
      },
    }),
    ...(options.codeBlock ? [options.codeBlock] : []),
    TableKit.configure({ table: { resizable: true } }),
    options.image ?? Image.configure({ inline: false, allowBase64: false }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Callout,
  ];
}
