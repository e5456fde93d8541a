// The Properties panel: status, outcome, date, categories, tags, featured, key results, cover
// and authors (the metadata form), beside the study on wide windows and as a sheet over it on
// narrow ones. Always mounted, so the controls keep what was typed while it is closed. Opening
// it from a button or key moves focus in; Esc or Close puts focus back where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { propertiesLine, type PropertiesShown } from '../../../core/pure/properties-line';
import { setView, useView } from '../app/view-state';

export const PROPERTIES_ID = 'study-properties';

export function PropertiesPanel({ children }: { children: ReactNode }) {
  const open = useView('propertiesOpen');
  const focusMode = useView('focusMode');
  const shown = open && !focusMode;
  const heading = useId();
  const panel = useRef<HTMLElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const mounted = useRef(false);

  useEffect(() => {
    // Not on first show (a study opening with the panel remembered open keeps focus on the study).
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (shown) {
      const active = document.activeElement;
      cameFrom.current = active instanceof HTMLElement && !panel.current?.contains(active) ? active : null;
      panel.current?.querySelector<HTMLElement>('select, input, button:not(.panel-close), textarea')?.focus();
    } else if (panel.current?.contains(document.activeElement) || document.activeElement === document.body) {
      // Focus was inside the panel being hidden: back to where the author came from.
      (cameFrom.current?.isConnected ? cameFrom.current : document.getElementById('study-title'))?.focus();
    }
  }, [shown]);

  return (
    <aside
      ref={panel}
      id={PROPERTIES_ID}
      className="properties-panel"
      aria-labelledby={heading}
      hidden={!shown}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        setView({ propertiesOpen: false });
      }}
    >
      <div className="properties-head">
        <h2 id={heading}>Properties</h2>
        <button
          type="button"
          className="icon-button panel-close"
          aria-label="Close properties"
          title="Close properties (Esc)"
          onClick={() => setView({ propertiesOpen: false })}
        >
          <X aria-hidden="true" size={16} />
        </button>
      </div>
      {children}
    </aside>
  );
}

/** The quiet line under the title that sums up the properties; it opens the panel. */
export function PropertiesLine({ shown }: { shown: PropertiesShown }) {
  const open = useView('propertiesOpen');
  return (
    <button
      type="button"
      className="properties-line"
      aria-expanded={open}
      aria-controls={PROPERTIES_ID}
      title="Open the properties"
      onClick={() => setView({ propertiesOpen: true })}
    >
      {propertiesLine(shown)}
    </button>
  );
}
