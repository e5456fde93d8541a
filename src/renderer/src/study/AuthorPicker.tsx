// Authors of a study: the site's authors (Site settings) as checkboxes. A name the study gives
// that the site no longer lists stays visible, so it can be unticked. The study keeps the
// order in which its authors were ticked: it is the byline's order.
import { useState } from 'react';
import type { SiteAuthor } from '../../../core/pure/schemas/site';
import { limits } from '../../../core/pure/schemas/study-fields';

interface AuthorPickerProps {
  siteAuthors: readonly SiteAuthor[];
  initial: readonly string[];
  disabled: boolean;
  onChange: (authors: string[]) => void;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function AuthorPicker({ siteAuthors, initial, disabled, onChange }: AuthorPickerProps) {
  const [selected, setSelected] = useState<string[]>([...initial]);
  const names = siteAuthors.map((a) => a.name);
  const all = [...names, ...selected.filter((s) => !names.some((n) => same(n, s)))];
  const isSelected = (name: string) => selected.some((s) => same(s, name));
  const full = selected.length >= limits.authors;

  const toggle = (name: string, on: boolean) => {
    const next = on ? [...selected, name] : selected.filter((s) => !same(s, name));
    setSelected(next);
    onChange(next);
  };

  return (
    <fieldset className="field categories" disabled={disabled}>
      <legend>Authors</legend>
      {all.length === 0 ? (
        <p className="hint">Add authors in Site settings to choose them here.</p>
      ) : (
        <div className="category-options">
          {all.map((name) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                checked={isSelected(name)}
                disabled={full && !isSelected(name)}
                onChange={(e) => toggle(name, e.target.checked)}
              />
              {name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
