// The list the "/" slash menu shows under the cursor: a listbox the keyboard drives from the
// editor (arrows, Enter, Escape), clickable with the mouse.
import { useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { SLASH_MENU_ID, selectSlashItem, slashMenuState, slashOptionId, subscribeSlashMenu } from './slash-menu';

export function SlashMenuPopup() {
  const menu = useSyncExternalStore(subscribeSlashMenu, slashMenuState);
  if (!menu) return null;
  const top = (menu.rect?.bottom ?? 0) + 4;
  const left = menu.rect?.left ?? 0;
  return createPortal(
    <div className="slash-menu" style={{ top, left }}>
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
