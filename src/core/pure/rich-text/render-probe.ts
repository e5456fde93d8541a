// The render-cache probe: one document holding every module's sample (every node and mark,
// highlighted code, images). The persistent site cache keys each section by the probe's HTML,
// so any change in what the renderer writes (ours or a library's) retires the old entries.
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { blockModules, markModules } from './block-registry';

let probe: RichTextDoc | null = null;
export function renderProbe(): RichTextDoc {
  probe ??= {
    type: 'doc',
    content: [
      { type: 'paragraph', content: Object.values(markModules).flatMap((m) => [...m.probe]) },
      ...Object.values(blockModules).flatMap((b): RichTextNode[] => [...(b.probe ?? [])]),
    ],
  };
  return probe;
}
