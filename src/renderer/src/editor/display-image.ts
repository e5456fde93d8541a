// The image node as the editor shows it: the document stores `assets/<hash>.<ext>`, the <img>
// loads it through the asset protocol (Electron) or the server route (browser mode), and
// pasting or copying an image between sections maps the display URL back to the stored src.
import Image from '@tiptap/extension-image';
import { assetDisplayUrl, storedAssetSrc } from '../api/asset-url';

export const DisplayImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      src: {
        default: null,
        parseHTML: (element: HTMLElement) => {
          const src = element.getAttribute('src');
          return src ? storedAssetSrc(src) : null;
        },
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.src === 'string' ? { src: assetDisplayUrl(attributes.src) } : {},
      },
    };
  },
}).configure({ inline: false, allowBase64: false });
