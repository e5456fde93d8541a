// A divider between blocks: `---` in Markdown, <hr> on the site.
import { blockReader, type BlockModule } from '../block-module';

export const horizontalRule: BlockModule = {
  html: () => '<hr>',
  toMdast: () => [{ type: 'thematicBreak' }],
  fromMdast: [blockReader('thematicBreak', () => [{ type: 'horizontalRule' }])],
  probe: [{ type: 'horizontalRule' }],
};
