// The "More actions" menu beside a library entry: Duplicate and Move to trash.
// A small menu button (WAI-ARIA menu pattern): arrows move, Escape closes and returns focus.
// Its button shows while the entry is hovered or focused (so the list holds one button per
// study otherwise); Right from the entry focuses it (it is no Tab stop of its own: the list
// has one), and the entry's context menu and Shift+F10 open the same menu.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface StudyAction {
  label: string;
  run: () => void;
}

interface StudyActionsMenuProps {
  title: string;
  actions: StudyAction[];
  open: boolean;
  setOpen: (open: boolean) => void;
}

export function StudyActionsMenu({ title, actions, open, setOpen }: StudyActionsMenuProps) {
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // a dialog around the list must not close too
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div
      className="entry-actions"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={`More actions for ${title}`}
        // Not a Tab stop of its own: Right from the entry reaches it (list-keys.ts).
        tabIndex={-1}
        title="More actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <ul ref={menu} role="menu" aria-label={`Actions for ${title}`} className="menu" onKeyDown={onKeyDown}>
          {actions.map((action) => (
            <li key={action.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(false);
                  action.run();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
