// The list the "/" slash menu shows under the cursor: a listbox the keyboard drives from the
// editor (arrows, Enter, Escape), clickable with the mouse. Placed by floating-ui at the "/"
// (flipped above it near the bottom of the window).
import { useMemo, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { VirtualElement } from '@floating-ui/dom';
import { useAnchoredPosition } from './floating';
import {
  SLASH_MENU_ID,
  selectSlashItem,
  slashMenuState,
  slashOptionId,
  subscribeSlashMenu,
  type SlashMenuState,
} from './slash-menu';

export function SlashMenuPopup() {
  const menu = useSyncExternalStore(subscribeSlashMenu, slashMenuState);
  return menu ? <SlashMenuList menu={menu} /> : null;
}

function SlashMenuList({ menu }: { menu: SlashMenuState }) {
  const popup = useRef<HTMLDivElement>(null);
  // Re-measured by floating-ui from the latest query the suggestion reported.
  const latest = useRef(menu);
  latest.current = menu;
  const anchor = useMemo<VirtualElement>(
    () => ({
      getBoundingClientRect: () => latest.current.rect() ?? new DOMRect(),
      contextElement: menu.dom,
    }),
    [menu.dom],
  );
  useAnchoredPosition(anchor, popup);
  return createPortal(
    <div ref={popup} className="slash-menu">
      {menu.items.length === 0 ? (
        <p className="slash-menu-empty">No block matches</p>
      ) : (
        <ul id={SLASH_MENU_ID} role="listbox" aria-label="Insert block" className="slash-menu-list">
          {menu.items.map((item, index) => (
            <li
              key={item.id}
              id={slashOptionId(item)}
              role="option"
              aria-selected={index === menu.selected}
              className="slash-menu-item"
              onMouseEnter={() => selectSlashItem(index)}
              onMouseDown={(event) => {
                event.preventDefault(); // keep the editor's selection
                menu.choose(item);
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>,
    document.body,
  );
}
