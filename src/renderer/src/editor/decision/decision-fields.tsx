// Small controls of the decision record card. A text field keeps what is typed in its own
// state and sends each change on (one attrs update each): the node's attrs come back through
// the node view a moment later, and a controlled input fed only from them could lose keys.
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface TextFieldProps {
  label: string;
  /** Hides the label visually (the group around the field already says what it is). */
  quietLabel?: boolean;
  /**
   * Said before the label but not shown ("Option 2"): a screen reader's list of fields, and the
   * study's own "Title" box, must not meet several fields named just "Title".
   */
  hiddenPrefix?: string;
  value: string;
  onChange(value: string): void;
  focusKey: string;
  placeholder?: string;
  className?: string;
  /** A read-only study: the text can be read and copied, not changed. */
  readOnly?: boolean;
  /** What decisionAttrs keeps of this field (LIMITS), so nothing typed is cut later. */
  maxLength: number;
}

export function TextField({
  label,
  quietLabel,
  hiddenPrefix,
  value,
  onChange,
  focusKey,
  placeholder,
  className,
  readOnly,
  maxLength,
}: TextFieldProps) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    // A change from elsewhere (undo, a reorder) replaces the text; our own echo does not.
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  return (
    <label className={`decision-field ${className ?? ''}`}>
      {hiddenPrefix ? <span className="visually-hidden">{`${hiddenPrefix} `}</span> : null}
      <span className={quietLabel ? 'visually-hidden' : 'decision-field-label'}>{label}</span>
      <input
        type="text"
        value={text}
        data-focus-key={focusKey}
        placeholder={placeholder}
        spellCheck
        readOnly={readOnly}
        maxLength={maxLength}
        onChange={(e) => {
          sent.current = e.target.value;
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </label>
  );
}

interface IconButtonProps {
  label: string;
  onClick(): void;
  disabled?: boolean;
  focusKey: string;
  children: ReactNode;
}

/** A small button whose accessible name is `label` (what it does, to which item). */
export function ActionButton({ label, onClick, disabled, focusKey, children }: IconButtonProps) {
  return (
    <button
      type="button"
      className="decision-action"
      aria-label={label}
      title={label}
      data-focus-key={focusKey}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

/** Moves item `from` of a list one place up (-1) or down (+1); the same list when it cannot. */
export function moved<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

/** Which button of an item that moved to `to` keeps focus: the same direction if it can go on, else the other. */
export function movedFocus(to: number, by: -1 | 1, length: number): 'up' | 'down' {
  const canGoOn = by < 0 ? to > 0 : to < length - 1;
  return by < 0 === canGoOn ? 'up' : 'down';
}
