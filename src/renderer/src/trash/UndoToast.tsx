// "Moved … to the trash" with Undo, for a few seconds after a study is deleted. Rendered only
// while it shows (the save state is the window's standing status line), in the library's flow
// where it covers no control (styles/toast.css). Focus inside it holds the countdown, so a
// keyboard user reaching for Undo never races the timer; the pointer resting on it holds it
// for a bounded time only, so it always leaves. Undo stays reachable after: Trash → Restore.
import { useEffect, useState } from 'react';
import '../styles/toast.css';

export const UNDO_TOAST_MS = 8000;
/** The longest the pointer resting on the toast holds its countdown. */
export const HOVER_HOLD_MS = 8000;

interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [hoverSpent, setHoverSpent] = useState(false);
  const hoverHolds = hovered && !hoverSpent;

  useEffect(() => {
    if (!hoverHolds) return;
    const timer = setTimeout(() => setHoverSpent(true), HOVER_HOLD_MS);
    return () => clearTimeout(timer);
  }, [hoverHolds]);

  useEffect(() => {
    if (focused || hoverHolds) return;
    const timer = setTimeout(onDismiss, UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss, focused, hoverHolds]);

  return (
    <div
      className="toast"
      role="status"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
