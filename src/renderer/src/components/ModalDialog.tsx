// A native modal <dialog> driven by an `open` prop: the browser traps focus, Escape closes,
// and the page behind is inert. Its content is rendered only while open, so closed dialogs
// leave nothing in the accessibility tree.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import '../library/dialogs.css';

interface ModalDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Escape asks this instead of closing (e.g. to say what would be lost first). */
  onCancel?: () => void;
  className?: string;
  children: ReactNode;
}

export function ModalDialog({ open, title, onClose, onCancel, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // The `close` event of a close we made ourselves (the prop turned false) arrives a task
  // later, when the dialog may already be open again (Mod-P pressed at once): it must not
  // close the new one, so it is recognised and dropped.
  const closedByProp = useRef(false);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) {
      closedByProp.current = true;
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        if (!onCancel || e.target !== e.currentTarget) return;
        e.preventDefault();
        onCancel();
      }}
      onClose={(e) => {
        // React bubbles `close` from a dialog nested inside this one: only our own counts.
        if (e.target !== e.currentTarget) return;
        if (closedByProp.current) closedByProp.current = false;
        else if (open) onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
