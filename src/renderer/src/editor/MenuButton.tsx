// A button that opens a menu of actions (WAI-ARIA menu button): Enter, Space or ArrowDown opens
// it on the first item, the arrows, Home and End move, Escape closes it back onto the button,
// Tab closes it. Placed with floating-ui next to the button. The toolbar's "More" and the
// block handle's menu are both one.
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useAnchoredPosition } from './floating';

export interface MenuAction {
  id: string;
  label: string;
  /** Shown after the label (a shortcut, "Heading 3"…), not part of the name. */
  hint?: string;
  icon?: ReactNode;
  disabled?: boolean;
  run(): void;
}

interface MenuButtonProps {
  label: string;
  /** What the button shows (an icon); its name is `label`. */
  children: ReactNode;
  actions: readonly MenuAction[];
  className?: string;
  tabIndex?: number;
  disabled?: boolean;
  title?: string;
  onFocus?(): void;
  onOpen?(): void;
  /** After the menu closed without running anything. */
  onDismiss?(): void;
}

export function MenuButton(props: MenuButtonProps) {
  const { label, children, actions, className, tabIndex, disabled, title, onFocus, onOpen, onDismiss } = props;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  useAnchoredPosition(open ? button.current : null, menu, 'bottom-start');

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };
  // The item to focus once the menu is in the page: focused in the same commit that shows it,
  // so a key or click that comes right after opening reaches the menu, and is never undone by
  // a late focus (a frame later, an item chosen meanwhile lost its focus to the first one).
  const focusOnOpen = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!open || focusOnOpen.current === null) return;
    focusItem(focusOnOpen.current);
    focusOnOpen.current = null;
  });
  const show = (first: boolean) => {
    onOpen?.();
    focusOnOpen.current = first ? 0 : -1;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation(); // not the toolbar's arrows
      show(event.key === 'ArrowDown');
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    event.stopPropagation();
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      onDismiss?.();
    } else if (event.key === 'Tab') {
      close(false);
      onDismiss?.();
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-tip={title}
        tabIndex={tabIndex}
        disabled={disabled}
        onFocus={onFocus}
        onMouseDown={(event) => event.preventDefault()}
        onKeyDown={onButtonKey}
        onClick={() => (open ? close(false) : show(true))}
      >
        {children}
      </button>
      {open
        ? createPortal(
            <ul
              ref={menu}
              id={menuId}
              role="menu"
              aria-label={label}
              className="tool-menu"
              onKeyDown={onMenuKey}
              onBlur={(event) => {
                const to = event.relatedTarget as Node | null;
                if (!to || (!menu.current?.contains(to) && to !== button.current)) setOpen(false);
              }}
            >
              {actions.map((action) => (
                <li
                  key={action.id}
                  role="menuitem"
                  aria-label={action.label}
                  tabIndex={-1}
                  aria-disabled={action.disabled || undefined}
                  className="tool-menu-item"
                  onMouseDown={(event) => event.preventDefault()}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    event.currentTarget.click();
                  }}
                  onClick={() => {
                    if (action.disabled) return;
                    // Focus leaves the item before it goes, for the action to send it on (to
                    // the text, or to a field of the block it inserted).
                    button.current?.focus({ preventScroll: true });
                    setOpen(false);
                    action.run();
                  }}
                >
                  {action.icon ? <span className="tool-menu-icon">{action.icon}</span> : null}
                  <span className="tool-menu-label">{action.label}</span>
                  {action.hint ? <span className="tool-menu-hint">{action.hint}</span> : null}
                </li>
              ))}
            </ul>,
            document.body,
          )
        : null}
    </>
  );
}
