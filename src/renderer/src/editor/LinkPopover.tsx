// Adds, changes or removes the link on the selection. Only http, https, mailto and relative
// targets are accepted (the same rule the exports apply), so an unsafe link never gets stored.
// Opens next to the selection (floating-ui), which stays marked while the address is typed.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Editor } from '@tiptap/core';
import { safeHref } from '../../../core/pure/safe-url';
import { selectionAnchor, useAnchoredPosition } from './floating';
import { keepSelectionVisible } from './kept-selection';

export function LinkPopover({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [href, setHref] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const hadLink = editor.isActive('link');
  const anchor = useMemo(() => selectionAnchor(editor), [editor]);
  useAnchoredPosition(anchor, popover);

  useEffect(() => {
    keepSelectionVisible(editor, true);
    input.current?.focus();
    return () => keepSelectionVisible(editor, false);
  }, [editor]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    // Spaces around a typed address are dropped here, once; the trimmed text is what is
    // checked and what is stored (safeHref returns it unchanged or refuses it).
    const typed = href.trim();
    if (!typed) {
      setError('Type a link address, or choose Remove link.');
      return;
    }
    const target = safeHref(typed);
    if (target === null) {
      setError('Only http, https, mailto and relative links can be used.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !hadLink) {
      // Nothing selected: the address itself becomes the link text.
      chain.insertContent({ type: 'text', text: target, marks: [{ type: 'link', attrs: { href: target } }] }).run();
    } else chain.setLink({ href: target }).run();
    onClose();
  };

  return createPortal(
    <div
      ref={popover}
      role="dialog"
      aria-label="Edit link"
      className="link-popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <form onSubmit={apply}>
        <label className="context-field">
          Link address
          <input
            ref={input}
            type="text"
            inputMode="url"
            value={href}
            placeholder="https://example.com"
            onChange={(event) => {
              setHref(event.target.value);
              setError(null);
            }}
          />
        </label>
        <button type="submit">Apply</button>
        {hadLink ? (
          <button
            type="button"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            Remove link
          </button>
        ) : null}
        <button type="button" onClick={close}>
          Cancel
        </button>
      </form>
      {error ? (
        <p role="alert" className="link-error">
          {error}
        </p>
      ) : null}
    </div>,
    document.body,
  );
}
