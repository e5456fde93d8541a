// The editor's heading shows the level it has on the page. A section's own title is the page's
// h2, so a stored heading of level L is h(L+1) on the site and `#` × (L+1) in Markdown
// (rich-text/blocks/heading.ts); here it is the same h(L+1), named "Heading L+1" in the command
// table, so what the author picks is what readers get. Same name and schema as the core heading.
import { textblockTypeInputRule } from '@tiptap/core';
import Heading from '@tiptap/extension-heading';

/** Stored levels (the schema's) and the page level each one is. */
export const headingLevels = [2, 3, 4] as const;
export type StoredHeadingLevel = (typeof headingLevels)[number];
export const pageLevel = (stored: number): number => stored + 1;

export const PageHeading = Heading.configure({ levels: [...headingLevels] }).extend({
  renderHTML({ node, HTMLAttributes }) {
    const stored = headingLevels.includes(node.attrs.level) ? node.attrs.level : 2;
    return [`h${pageLevel(stored)}`, HTMLAttributes, 0];
  },
  // Pasted HTML: h3 is the page's h3 (stored 2); an h1 or h2 is the highest a section allows.
  parseHTML() {
    return [1, 2, 3, 4, 5, 6].map((tag) => ({
      tag: `h${tag}`,
      attrs: { level: Math.min(4, Math.max(2, tag - 1)) },
    }));
  },
  // The command table binds the heading keys (Mod-Alt-3 for Heading 3…).
  addKeyboardShortcuts() {
    return {};
  },
  // Markdown's own marks, as the export writes them: `### ` → Heading 3 … `##### ` → Heading 5
  // (and `## `, which a section cannot hold, → Heading 3).
  addInputRules() {
    return [
      [/^#{2,3}\s$/, 2],
      [/^####\s$/, 3],
      [/^#####\s$/, 4],
    ].map(([find, level]) =>
      textblockTypeInputRule({ find: find as RegExp, type: this.type, getAttributes: { level } }),
    );
  },
});
