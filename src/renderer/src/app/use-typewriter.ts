// Typewriter scrolling (focus mode, when the author turns it on): the line being written
// stays near the vertical middle of the window, so the eyes do not travel down the screen.
import { useEffect } from 'react';
import { useView } from './view-state';

function caretRect(): DOMRect | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const node = selection.focusNode;
  const element = node instanceof Element ? node : node?.parentElement;
  if (!element?.closest('.study-sections, .study-head')) return null;
  const range = selection.getRangeAt(0).cloneRange();
  range.collapse(false);
  const rect = range.getBoundingClientRect();
  // An empty line has no text box to measure: use the block it is in.
  return rect.height > 0 ? rect : (element.getBoundingClientRect() ?? null);
}

export function useTypewriterScrolling(scroller: () => HTMLElement | null): void {
  const focusMode = useView('focusMode');
  const typewriter = useView('typewriter');
  const on = focusMode && typewriter;
  useEffect(() => {
    if (!on) return;
    const centre = () => {
      const pane = scroller();
      const rect = caretRect();
      if (!pane || !rect) return;
      const box = pane.getBoundingClientRect();
      const offset = rect.top + rect.height / 2 - (box.top + box.height / 2);
      if (Math.abs(offset) > rect.height) pane.scrollTop += offset;
    };
    document.addEventListener('selectionchange', centre);
    centre();
    return () => document.removeEventListener('selectionchange', centre);
  }, [on, scroller]);
}
