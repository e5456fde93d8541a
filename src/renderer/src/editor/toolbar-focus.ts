// Keyboard movement inside a role="toolbar" (WAI-ARIA toolbar pattern): the toolbar is one Tab
// stop, and the arrow keys, Home and End move between its buttons.
import { useState, type KeyboardEvent } from 'react';

export function useToolbarFocus(count: number) {
  const [current, setCurrent] = useState(0);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + count) % count;
    setCurrent(next);
    // The row's own buttons and the menu button (wrapped), never the items of an open menu.
    const buttons = event.currentTarget.querySelectorAll<HTMLElement>(
      ':scope > button, :scope > [data-tool-wrap] > button',
    );
    buttons[next]?.focus();
  };

  /**
   * tabIndex for the button at `index`: only the current one is reachable with Tab (or the
   * last, when the row has since lost buttons to "More").
   */
  const tabIndexOf = (index: number) => (index === Math.min(current, count - 1) ? 0 : -1);
  return { onKeyDown, tabIndexOf, setCurrent };
}
