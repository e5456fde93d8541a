// Categories of a study: the site's list as checkboxes, plus a field that adds a new category
// to the site (so it gets a section in the exported index) and ticks it for this study.
import { useState } from 'react';
import { limits } from '../../../core/pure/schemas/study-fields';

interface CategoryPickerProps {
  siteCategories: readonly string[];
  selected: readonly string[];
  disabled: boolean;
  onChange: (categories: string[]) => void;
  /** Adds a category to the site; rejects with a readable message. */
  onAddToSite: (name: string) => Promise<void>;
}

export function CategoryPicker({ siteCategories, selected, disabled, onChange, onAddToSite }: CategoryPickerProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A study may carry a category the site no longer lists; keep it visible so it can be unticked.
  const known = new Set(siteCategories.map((c) => c.toLowerCase()));
  const all = [...siteCategories, ...selected.filter((c) => !known.has(c.toLowerCase()))];
  const isSelected = (name: string) => selected.some((c) => c.toLowerCase() === name.toLowerCase());

  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected, name] : selected.filter((c) => c.toLowerCase() !== name.toLowerCase()));

  const add = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name) return;
    const existing = all.find((c) => c.toLowerCase() === name.toLowerCase());
    setProblem(null);
    try {
      setBusy(true);
      if (!existing) await onAddToSite(name);
      if (!isSelected(existing ?? name)) onChange([...selected, existing ?? name]);
      setDraft('');
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="field categories" disabled={disabled}>
      <legend>Categories</legend>
      <div className="category-options">
        {all.map((name) => (
          <label key={name} className="check">
            <input type="checkbox" checked={isSelected(name)} onChange={(e) => toggle(name, e.target.checked)} />
            {name}
          </label>
        ))}
      </div>
      <div className="category-add">
        <label className="visually-hidden" htmlFor="new-category">
          New category
        </label>
        <input
          id="new-category"
          type="text"
          placeholder="New category"
          value={draft}
          maxLength={limits.name}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void add(e);
          }}
        />
        <button type="button" onClick={(e) => void add(e)} disabled={busy || !draft.trim()}>
          Add category
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
