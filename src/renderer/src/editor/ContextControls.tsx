// Controls for the block under the cursor: the code block's language, the callout's kind,
// the selected image's alt text, and row/column editing inside a table.
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { calloutKind, calloutKinds, calloutLabels } from '../../../core/pure/rich-text/blocks/callout';
import { tableCommands } from './editor-commands';
import { codeLanguageOptions } from './code-languages';

export interface BlockContext {
  codeLanguage: string | null;
  calloutKind: string | null;
  imageAlt: string | null;
  inTable: boolean;
}

export function readContext(editor: Editor): BlockContext {
  const { selection } = editor.state;
  const image = selection instanceof NodeSelection && selection.node.type.name === 'image' ? selection.node : null;
  return {
    codeLanguage: editor.isActive('codeBlock') ? String(editor.getAttributes('codeBlock').language ?? '') : null,
    calloutKind: editor.isActive('callout') ? calloutKind(editor.getAttributes('callout').kind) : null,
    imageAlt: image ? String(image.attrs.alt ?? '') : null,
    inTable: editor.isActive('table'),
  };
}

export function ContextControls({ editor, context }: { editor: Editor; context: BlockContext }) {
  const { codeLanguage, calloutKind: kind, imageAlt, inTable } = context;
  if (codeLanguage === null && kind === null && imageAlt === null && !inTable) return null;
  return (
    <div className="context-controls">
      {codeLanguage !== null ? (
        <label className="context-field">
          Code language
          <select
            value={codeLanguage}
            onChange={(event) =>
              editor
                .chain()
                .focus()
                .updateAttributes('codeBlock', { language: event.target.value || null })
                .run()
            }
          >
            {codeLanguageOptions.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind !== null ? (
        <label className="context-field">
          Callout kind
          <select
            value={kind}
            onChange={(event) => editor.chain().focus().setCalloutKind(calloutKind(event.target.value)).run()}
          >
            {calloutKinds.map((k) => (
              <option key={k} value={k}>
                {calloutLabels[k]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {imageAlt !== null ? (
        <label className="context-field">
          Alt text
          <input
            type="text"
            value={imageAlt}
            placeholder="Describe the image for readers who cannot see it"
            // The image stays selected while typing here; an attribute step keeps it selected.
            onChange={(event) => {
              const { selection, tr } = editor.state;
              if (selection instanceof NodeSelection)
                editor.view.dispatch(tr.setNodeAttribute(selection.from, 'alt', event.target.value));
            }}
          />
        </label>
      ) : null}
      {inTable ? (
        <div role="group" aria-label="Table" className="context-group">
          {tableCommands.map((command) => (
            <button
              key={command.id}
              type="button"
              className="tool-button tool-button-text"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => command.run(editor)}
            >
              {command.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
