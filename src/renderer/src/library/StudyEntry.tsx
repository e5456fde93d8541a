// One entry of the library list: a button named exactly by the study's title (what a screen
// reader announces and tests look for), with the search snippet, status, date and publish
// badge beside it as its description rather than its name.
import { AlertTriangle } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import type { LibraryEntry } from '../../../core/pure/library/library-page-schema';
import type { StudySummary } from '../../../core/pure/schemas/study';
import { HighlightedText } from './HighlightedText';
import { StudyActionsMenu, type StudyAction } from './StudyActionsMenu';
import { shownTitle } from '../../../core/pure/schemas/study';
import { formatDate } from './entry-date';
import '../styles/conflicts.css';

const statusLabel = { draft: 'Draft', published: 'Published' } as const;

export interface CheckCount {
  errors: number;
  warnings: number;
}

interface StudyEntryProps {
  entry: LibraryEntry;
  /** The App's view of the study: holds a title typed but not yet saved. */
  shown: StudySummary;
  selected: boolean;
  /** The list's one Tab stop (roving tabindex: list-keys.ts); the others are reached by arrows. */
  tabStop: boolean;
  onFocus: () => void;
  check: CheckCount | undefined;
  actions: StudyAction[];
  onSelect: () => void;
  /** Delete on the focused entry (the trash has Undo, so no question first). */
  onDelete?: () => void;
}

export function StudyEntry(props: StudyEntryProps) {
  const { entry, shown, selected, tabStop, onFocus, check, actions, onSelect, onDelete } = props;
  const metaId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (actions.length > 0 && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
      e.preventDefault();
      setMenuOpen(true);
    } else if (onDelete && e.key === 'Delete') {
      e.preventDefault();
      // Keep the keyboard in the list: focus moves to the neighbour before this entry goes.
      const item = e.currentTarget.closest('li');
      const neighbour = item?.nextElementSibling ?? item?.previousElementSibling;
      neighbour?.querySelector<HTMLElement>('.study-entry')?.focus();
      onDelete();
    }
  };
  const name = shownTitle(shown.title);
  const match = entry.match;
  // Highlights index the indexed title; once the author retypes it they no longer fit.
  const titleRanges = match && shown.title === entry.study.title ? match.titleHighlights : [];
  const snippet = match && match.field !== 'title' ? match.snippet : null;
  return (
    <li className={selected ? 'entry is-selected' : 'entry'}>
      <button
        type="button"
        className="study-entry"
        aria-label={name}
        aria-describedby={metaId}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onFocus={onFocus}
        onClick={onSelect}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          if (actions.length === 0) return;
          e.preventDefault();
          setMenuOpen(true);
        }}
      >
        <span className={shown.title.trim() ? 'entry-title' : 'entry-title untitled'}>
          <HighlightedText text={name} ranges={titleRanges} />
        </span>
        {snippet ? (
          <span className="entry-snippet">
            <HighlightedText text={snippet.text} ranges={snippet.highlights} />
          </span>
        ) : null}
        <span className="entry-meta" id={metaId}>
          <span className={`badge badge-${shown.status}`}>{statusLabel[shown.status]}</span>
          {shown.date ? <time dateTime={shown.date}>{formatDate(shown.date)}</time> : null}
          <CheckBadge check={check} published={shown.status === 'published'} />
          <ConflictBadge count={shown.conflictCount} />
        </span>
      </button>
      {actions.length > 0 ? (
        <StudyActionsMenu title={name} actions={actions} open={menuOpen} setOpen={setMenuOpen} />
      ) : null}
    </li>
  );
}

// Conflicts a sync kept for the author: a mark and words (the entry's description), not colour alone.
function ConflictBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="badge badge-conflicts">
      <AlertTriangle aria-hidden="true" size={12} />
      {count} {count === 1 ? 'conflict' : 'conflicts'}
    </span>
  );
}

// A draft is unfinished by nature: its count is a quiet to-do, not an alarm; a published study
// that would not pass its checks is.
function CheckBadge({ check, published }: { check: CheckCount | undefined; published: boolean }) {
  if (!check || check.errors === 0) return null;
  const label = `${check.errors} publish ${check.errors === 1 ? 'error' : 'errors'}`;
  return (
    <span
      className={published ? 'badge badge-errors' : 'badge badge-to-do'}
      title={`${label}, ${check.warnings} warnings`}
    >
      <span aria-hidden="true">
        {published ? `${check.errors} ${check.errors === 1 ? 'issue' : 'issues'}` : `${check.errors} to do`}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
