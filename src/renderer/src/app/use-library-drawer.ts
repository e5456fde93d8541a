// On windows 760 px wide or less the library is a drawer over the study: the toolbar's Library
// button opens it and focus moves into it (the search box); Esc, the backdrop or choosing a
// study closes it and focus goes back to the button. Wider windows show it as the sidebar.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

const NARROW = '(max-width: 760px)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', listener);
      return () => query.removeEventListener('change', listener);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

export function useLibraryDrawer() {
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const navRef = useRef<HTMLElement | null>(null);
  const moveFocus = useRef(false);

  const toggle = useCallback(() => {
    moveFocus.current = true;
    setOpen((was) => !was);
  }, []);
  const close = useCallback(() => {
    moveFocus.current = true;
    setOpen(false);
  }, []);

  useEffect(() => {
    if (!narrow) setOpen(false);
  }, [narrow]);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (open) navRef.current?.querySelector<HTMLElement>('input[type="search"]')?.focus();
    // Only take focus back from inside the drawer (not from a study the author just chose and is typing in).
    else if (
      !document.activeElement ||
      document.activeElement === document.body ||
      navRef.current?.contains(document.activeElement)
    )
      buttonRef.current?.focus();
  }, [open]);

  return { narrow, open: narrow && open, toggle, close, buttonRef, navRef };
}

export type LibraryDrawer = ReturnType<typeof useLibraryDrawer>;
