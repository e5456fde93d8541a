// Quick open (Mod-P, window-commands.ts): type part of a title or text, arrows move, Enter opens, Escape closes.
// The box is a combobox over a listbox of matches, so a screen reader follows the choice.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { LibraryEntry } from '../../../core/pure/library/library-page-schema';
import { errorMessage } from '../api/api-error';
import { HighlightedText } from './HighlightedText';
import { ModalDialog } from '../components/ModalDialog';
import { shownTitle } from '../../../core/pure/schemas/study';
import { ProblemAlert } from '../components/ProblemAlert';

const MAX_RESULTS = 20;

interface QuickOpenProps {
  open: boolean;
  api: CasebookApi;
  onClose: () => void;
  onOpenStudy: (id: string) => void;
}

export function QuickOpen({ open, api, onClose, onOpenStudy }: QuickOpenProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (open) setQuery('');
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      api.searchLibrary({ query, limit: MAX_RESULTS }).then(
        (page) => {
          if (!current) return;
          setEntries(page.entries);
          setActive(0);
          setProblem(null);
        },
        (err: unknown) => current && setProblem(errorMessage(err)),
      );
    }, 60);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, query, api]);

  const choose = (entry: LibraryEntry | undefined) => {
    if (!entry) return;
    onClose();
    onOpenStudy(entry.study.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (entries.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + entries.length) % entries.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(entries[active]);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <ModalDialog open={open} title="Quick open" onClose={onClose} className="quick-open">
      <input
        type="text"
        role="combobox"
        aria-label="Find a case study"
        aria-expanded={entries.length > 0}
        aria-controls={listId}
        aria-activedescendant={entries.length > 0 ? optionId(active) : undefined}
        aria-autocomplete="list"
        autoFocus
        placeholder="Type a title or any words in it"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ProblemAlert problem={problem && `Could not search: ${problem}`} />
      <ul id={listId} role="listbox" aria-label="Matching case studies" className="quick-open-list">
        {entries.map((entry, i) => {
          const title = shownTitle(entry.study.title);
          return (
            <li
              key={entry.study.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseMove={() => setActive(i)}
              onClick={() => choose(entry)}
            >
              <HighlightedText text={title} ranges={entry.match?.titleHighlights ?? []} />
            </li>
          );
        })}
      </ul>
      {entries.length === 0 && !problem ? <p className="hint">No case studies match.</p> : null}
    </ModalDialog>
  );
}
