// The library: every study, newest first, each a button named exactly by its title
// (status and date are shown but kept out of the name, so the list reads cleanly).
import type { ReactNode } from 'react';
import type { StudySummary } from '../../../core/schemas/study';

interface LibrarySidebarProps {
  studies: readonly StudySummary[];
  selectedId: string | null;
  canCreate: boolean;
  onSelect: (id: string) => void;
  onCreate: () => void;
  children?: ReactNode;
}

const statusLabel = { draft: 'Draft', published: 'Published' } as const;

export function LibrarySidebar({ studies, selectedId, canCreate, onSelect, onCreate, children }: LibrarySidebarProps) {
  return (
    <nav className="library" aria-label="Library">
      <div className="library-head">
        <h1 className="app-name">Casebook</h1>
        <button type="button" className="primary" onClick={onCreate} disabled={!canCreate}>
          New case study
        </button>
      </div>
      {studies.length === 0 ? (
        <p className="library-empty">No case studies yet. Start one with “New case study”.</p>
      ) : null}
      <ul className="study-list" aria-label="Case studies">
        {studies.map((study) => {
          const name = study.title.trim() || 'Untitled';
          return (
            <li key={study.id}>
              <button
                type="button"
                className="study-entry"
                aria-label={name}
                aria-current={study.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(study.id)}
              >
                <span className={study.title.trim() ? 'entry-title' : 'entry-title untitled'}>{name}</span>
                <span className="entry-meta" aria-hidden="true">
                  <span className={`badge badge-${study.status}`}>{statusLabel[study.status]}</span>
                  {study.date ? <time dateTime={study.date}>{formatDate(study.date)}</time> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {children}
    </nav>
  );
}

function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  // Built from parts in local time: new Date('YYYY-MM-DD') is UTC and can show the previous day.
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
