// Images from the file picker, a paste or a drop: each file is sent to the workspace
// (saveAsset copies it into the content-addressed assets/ folder) and inserted with the
// stored `assets/<hash>.<ext>` src. Files of other types are left to the editor's defaults.
// The files go through the App's one client, which each section editor is built with
// (ImageFiles.configure), so the toolbar's file picker finds it on the editor it inserts into.
import { Extension, type Editor } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import { assetMediaTypes, type AssetMediaType } from '../../../core/pure/asset-store-limits';
import type { CasebookApi } from '../../../core/pure/contract';
import { errorMessage } from '../api/api-error';
import { requestUi } from './ui-requests';

export type SaveAsset = CasebookApi['saveAsset'];

interface ImageFilesOptions {
  /** The App's client's saveAsset; null in an editor built without one (it takes no images). */
  saveAsset: SaveAsset | null;
}

function saveAssetOf(editor: Editor): SaveAsset {
  const extension = editor.extensionManager.extensions.find((e) => e.name === 'imageFiles');
  const saveAsset = (extension?.options as ImageFilesOptions | undefined)?.saveAsset;
  if (!saveAsset) throw new Error('this editor was built without a way to store images');
  return saveAsset;
}

export function isImageFile(file: File): file is File & { type: AssetMediaType } {
  return Object.hasOwn(assetMediaTypes, file.type);
}

/** Images the published site carries (avatars, logo, cover): never SVG, which can hold scripts. */
export const SITE_IMAGE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

export function isSiteImageFile(file: File): file is File & { type: AssetMediaType } {
  return isImageFile(file) && file.type !== 'image/svg+xml';
}

export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode with a whole 5 MB array would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "cache-hit-ratio_2024.png" → "cache hit ratio 2024": a starting point the author can edit. */
export function altFromFileName(name: string): string {
  const base = name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return /^(image|screenshot|untitled|img|pasted)?\s*\d*$/i.test(base) ? '' : base;
}

/** Stores one image file in the workspace (content-addressed); its `assets/<hash>.<ext>` src. */
export async function storeImageFile(saveAsset: SaveAsset, file: File & { type: AssetMediaType }): Promise<string> {
  const { src } = await saveAsset({
    fileName: file.name || 'image',
    mediaType: file.type,
    dataBase64: await toBase64(file),
  });
  return src;
}

/** Stores each image file and inserts it at `pos` (or the selection); selects the last one. */
export async function insertImageFiles(editor: Editor, files: readonly File[], pos?: number): Promise<void> {
  for (const file of files.filter(isImageFile)) {
    try {
      const src = await storeImageFile(saveAssetOf(editor), file);
      if (editor.isDestroyed) return;
      const at = pos ?? editor.state.selection.from;
      editor
        .chain()
        .focus()
        .insertContentAt(at, { type: 'image', attrs: { src, alt: altFromFileName(file.name) } })
        .run();
      // Select the new image so its "Alt text" field shows in the toolbar.
      const { doc } = editor.state;
      let imagePos = -1;
      doc.nodesBetween(Math.max(0, at - 1), Math.min(doc.content.size, at + 2), (node, p) => {
        if (node.type.name === 'image' && node.attrs.src === src) imagePos = p;
      });
      if (imagePos >= 0) editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(doc, imagePos)));
    } catch (err) {
      requestUi({ kind: 'problem', message: `Could not add the image: ${errorMessage(err)}` });
    }
  }
}

export const ImageFiles = Extension.create<ImageFilesOptions>({
  name: 'imageFiles',
  addOptions() {
    return { saveAsset: null };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('imageFiles'),
        props: {
          handlePaste: (_view, event) => {
            const files = [...(event.clipboardData?.files ?? [])].filter(isImageFile);
            if (files.length === 0) return false;
            void insertImageFiles(editor, files);
            return true;
          },
          handleDrop: (view, event, _slice, moved) => {
            if (moved) return false;
            const files = [...(event.dataTransfer?.files ?? [])].filter(isImageFile);
            if (files.length === 0) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
            void insertImageFiles(editor, files, at);
            return true;
          },
        },
      }),
    ];
  },
});
