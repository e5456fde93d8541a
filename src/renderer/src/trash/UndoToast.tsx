// "Moved … to the trash" with Undo, for a few seconds after a study is deleted. Rendered only
// while it shows (the save state is the window's standing status line). The countdown waits
// while the pointer or focus is on the toast, so reaching for Undo never races the timer.
import { useEffect, useState } from 'react';

export const UNDO_TOAST_MS = 8000;

interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss, held]);
  return (
    <div
      className="toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
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
