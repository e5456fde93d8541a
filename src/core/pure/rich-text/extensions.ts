// The rich-text schema shared by the editor (renderer) and by the schema checks in core, built
// from the table of block schemas (block-schema.ts), whose names are those of the block modules
// that export them: what the editor can hold is exactly what exports. Pure: TipTap's schema
// runs in Node without a DOM.
import type { AnyExtension, Extensions } from '@tiptap/core';
import StarterKit, { type StarterKitOptions } from '@tiptap/starter-kit';
import UniqueID from '@tiptap/extension-unique-id';
import { BLOCK_ID_ATTR, idBlockTypes } from './block-ids';
import { blockSchema, markSchema, type SchemaSource, type StarterKitPart } from './block-schema';
import type { NodeName } from './node-names';

/**
 * The editor swaps in nodes with the same name and schema but browser-only behaviour
 * (a highlighting code block, an image that displays through the asset protocol).
 */
export type RichTextExtensionOptions = Partial<Record<NodeName, AnyExtension>>;

const isStarterKitPart = (source: SchemaSource): source is StarterKitPart => 'starterKit' in source;

/**
 * UniqueID, except that a document whose blocks all have ids (every study the store hands out:
 * it fills them in as it reads) is not touched when the editor is made. UniqueID's own start
 * dispatches a transaction even when there is nothing to add, which wakes the trailing-paragraph
 * rule, changes the document and makes merely opening a study save it.
 */
const StableBlockIds = UniqueID.extend({
  onCreate(event) {
    const { types, attributeName } = this.options;
    // Stryker disable next-line StringLiteral,ArrayDeclaration: types is always idBlockTypes (configured below), never 'all'
    const wanted = new Set<string>(types === 'all' ? [] : types);
    let missing = false;
    this.editor.state.doc.descendants((node) => {
      if (wanted.has(node.type.name) && node.attrs[attributeName] === null) missing = true;
      return !missing;
    });
    // Stryker disable next-line OptionalChaining: an extension made with extend() always has its parent's (UniqueID's) onCreate
    if (missing) this.parent?.(event);
  },
});

export function richTextExtensions(overrides: RichTextExtensionOptions = {}): Extensions {
  // StarterKit also brings editing behaviour that is no node or mark: undo, the drop and gap
  // cursors, list keys, the trailing paragraph. Each of its nodes and marks is switched on by
  // its entry in block-schema.ts; one the editor overrides is switched off and added after it.
  const kit: Partial<Record<keyof StarterKitOptions, unknown>> = {};
  const own: AnyExtension[] = [];
  const swapped: AnyExtension[] = [];
  const sources: [string, SchemaSource][] = [...Object.entries(blockSchema), ...Object.entries(markSchema)];
  for (const [name, schema] of sources) {
    const override = Object.hasOwn(overrides, name) ? overrides[name as NodeName] : undefined;
    if (isStarterKitPart(schema)) {
      kit[schema.starterKit] = override ? false : schema.options;
      if (override) swapped.push(override);
    } else own.push(override ?? schema);
  }
  // Stable block ids (block-ids.ts): pasted or duplicated blocks get a new one, the rest keep theirs.
  const ids = StableBlockIds.configure({ types: [...idBlockTypes], attributeName: BLOCK_ID_ATTR });
  return [StarterKit.configure(kit as Partial<StarterKitOptions>), ...swapped, ...own, ids];
}
