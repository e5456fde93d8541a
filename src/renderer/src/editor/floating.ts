// Places a popover (link, slash menu, menus) next to what it belongs to — the selection or a
// button — with @floating-ui/dom: below it, flipped above when there is no room, shifted to
// stay on screen, and kept there while the page scrolls or resizes (autoUpdate).
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  type AutoUpdateOptions,
  type Placement,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Editor } from '@tiptap/core';
import { posToDOMRect } from '@tiptap/core';
import { useLayoutEffect, type RefObject } from 'react';

export type Anchor = Element | VirtualElement;

/** The editor's selection as an anchor (re-measured on every update). */
export function selectionAnchor(editor: Editor): VirtualElement {
  return {
    getBoundingClientRect: () => {
      const { from, to } = editor.state.selection;
      return posToDOMRect(editor.view, from, to);
    },
    contextElement: editor.view.dom,
  };
}

/** How far from the top of the window a popover must stay: below the sticky formatting toolbar. */
export function toolbarClearance(): number {
  const toolbar = document.querySelector('[role="toolbar"][aria-label="Formatting"]');
  return toolbar ? Math.max(0, toolbar.getBoundingClientRect().bottom) + 4 : 0;
}

/** Keeps `floating` next to `anchor` while both exist. */
export function useAnchoredPosition(
  anchor: Anchor | null,
  floating: RefObject<HTMLElement | null>,
  placement: Placement = 'bottom-start',
  watch?: AutoUpdateOptions,
): void {
  useLayoutEffect(() => {
    const element = floating.current;
    if (!anchor || !element) return;
    element.style.position = 'fixed';
    const update = () => {
      void computePosition(anchor, element, {
        strategy: 'fixed',
        placement,
        middleware: [offset(6), flip({ padding: { top: toolbarClearance(), bottom: 8 } }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        element.style.left = `${x}px`;
        element.style.top = `${y}px`;
      });
    };
    return autoUpdate(anchor, element, update, watch);
  }, [anchor, floating, placement, watch]);
}
