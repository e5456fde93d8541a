// The library: search as you type, filters with counts, sort, and every study as a button
// named exactly by its title (snippet, status, date and publish badge describe it instead).
// Also the way into new studies from a template, the Trash, Site settings and Quick open.
import { X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { LibrarySort } from '../../../core/pure/library/sort';
import type { SiteSettings } from '../../../core/pure/schemas/site';
import type { StudySummary } from '../../../core/pure/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { enterList, moveInList, useRovingTabStop } from './list-keys';
import { activeFilterCount, LibraryFilterBar } from './LibraryFilterBar';
import { QuickOpen } from './QuickOpen';
import { onUiRequest } from '../editor/ui-requests';
import { StudyEntry } from './StudyEntry';
import { TemplateChooser } from './TemplateChooser';
import { useCheckCounts } from './use-check-counts';
import { useLibraryPage } from './use-library-page';
import { useStudyActions } from './use-study-actions';
import { SiteSettingsDialog } from '../settings/SiteSettingsDialog';
import { TrashDialog } from '../trash/TrashDialog';
import { UndoToast } from '../trash/UndoToast';
import '../styles/library.css';
import { shownTitle } from '../../../core/pure/schemas/study';
import { ProblemAlert } from '../components/ProblemAlert';

interface LibrarySidebarProps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  /** The App's list: follows titles as they are typed, and changes on every save. */
  studies: readonly StudySummary[];
  selectedId: string | null;
  canCreate: boolean;
  onSelect: (id: string) => void;
  onCreate: () => void;
  /** Studies or settings changed on disk (delete, restore, categories): reload them. */
  onWorkspaceChanged: () => Promise<void> | void;
  /** A study was created from a template with this prompt for its Summary. */
  onCreatedFromTemplate?: (id: string, summaryPrompt: string) => void;
  /** The site's categories in index order (the Category filter lists them so). */
  siteCategories: readonly string[];
  /** The site settings changed (and nothing else): the App takes them. */
  onSiteChanged: (site: SiteSettings) => void;
  /** How many files the core reports set aside (reading the full text may find damage late). */
  onQuarantineCount?: (count: number) => void;
  /** On narrow windows the library is a drawer (app/use-library-drawer.ts): shown or not, and how it closes. */
  drawer?: { open: boolean; onClose: () => void; ref: RefObject<HTMLElement | null> };
  children?: ReactNode;
}

const sortNames: Record<LibrarySort, string> = {
  relevance: 'Relevance',
  updated: 'Last edited',
  date: 'Date',
  title: 'Title',
};

type Dialog = 'templates' | 'trash' | 'settings' | 'quick-open' | null;

export function LibrarySidebar(props: LibrarySidebarProps) {
  const {
    api,
    autosave,
    studies,
    selectedId,
    canCreate,
    onSelect,
    onCreate,
    onWorkspaceChanged,
    onQuarantineCount,
    onSiteChanged,
    siteCategories,
    onCreatedFromTemplate,
    drawer,
    children,
  } = props;
  // Ask the core again when studies are saved, created or removed, not per typed title letter
  // (the typed title shows at once from `studies`). The App keeps the list newest first.
  const refreshKey = `${studies.length}:${studies.reduce((max, s) => (s.updatedAt > max ? s.updatedAt : max), '')}`;
  const library = useLibraryPage(api, refreshKey);
  const quarantined = library.page?.quarantined;
  useEffect(() => {
    if (quarantined !== undefined) onQuarantineCount?.(quarantined);
  }, [quarantined, onQuarantineCount]);
  const checks = useCheckCounts(api, refreshKey);
  const actions = useStudyActions({ api, autosave, onSelect, onWorkspaceChanged });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  useEffect(() => onUiRequest('quick-open', () => setDialog('quick-open')), []);

  const known = useMemo(() => new Map(studies.map((s) => [s.id, s])), [studies]);
  const page = library.page;
  const active = activeFilterCount(library.filters);
  const { trashed } = actions;
  const roving = useRovingTabStop(page?.entries.map((e) => e.study.id) ?? [], selectedId);

  return (
    <nav
      ref={drawer?.ref}
      id="library"
      className={drawer ? `library drawer${drawer.open ? ' drawer-open' : ''}` : 'library'}
      aria-label="Library"
      onKeyDown={(e) => {
        // Esc closes the drawer, unless it belongs to a dialog or menu inside it.
        if (!drawer?.open || e.key !== 'Escape' || e.defaultPrevented) return;
        if (e.target instanceof Element && e.target.closest('dialog, [role="menu"]')) return;
        drawer.onClose();
      }}
    >
      <div className="library-head">
        <h1 className="app-name">Casebook</h1>
        {drawer?.open ? (
          // The Library button is behind the open drawer: a way out that needs no Esc key.
          <button type="button" className="icon-button drawer-close" aria-label="Close drawer" onClick={drawer.onClose}>
            <X aria-hidden="true" size={18} />
          </button>
        ) : null}
        <div className="new-study">
          <button type="button" className="primary" onClick={onCreate} disabled={!canCreate}>
            New case study
          </button>
          <button type="button" onClick={() => setDialog('templates')} disabled={!canCreate}>
            New from template…
          </button>
        </div>
      </div>
      <div className="library-search">
        <input
          type="search"
          aria-label="Search"
          placeholder="Search titles and text"
          value={library.query}
          onChange={(e) => library.setQuery(e.target.value)}
          onKeyDown={(e) => enterList(e, listRef.current)}
        />
        <div className="library-controls">
          <button
            type="button"
            className="link-button"
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen((o) => !o)}
          >
            Filters{active > 0 ? ` (${active} on)` : ''}
          </button>
          <span className="sort-choice">
            {/* A label around the select would take the options' text into its own. */}
            <label htmlFor="library-sort">Sort</label>
            <select
              id="library-sort"
              value={library.sort}
              onChange={(e) => library.setSort(e.target.value as LibrarySort)}
            >
              {(library.searching ? ['relevance', 'updated', 'date', 'title'] : ['updated', 'date', 'title']).map(
                (s) => (
                  <option key={s} value={s}>
                    {sortNames[s as LibrarySort]}
                  </option>
                ),
              )}
            </select>
          </span>
        </div>
        {filtersOpen ? (
          <LibraryFilterBar
            filters={library.filters}
            counts={page?.counts ?? null}
            siteCategories={siteCategories}
            onChange={library.setFilters}
          />
        ) : null}
      </div>
      {library.indexing ? (
        <p className="library-indexing" role="status">
          Reading full text: {library.indexing.indexed.toLocaleString()} of {library.indexing.total.toLocaleString()}{' '}
          case studies. Titles and summaries are searchable now.
        </p>
      ) : null}
      <ProblemAlert problem={library.problem || actions.problem} />
      {studies.length === 0 ? (
        <p className="library-empty">No case studies yet. Start one with “New case study”.</p>
      ) : page && (library.searching || active > 0) ? (
        <p className="library-count" aria-live="polite">
          {page.total === 0
            ? 'No case studies match.'
            : `${page.total.toLocaleString()} ${page.total === 1 ? 'case study matches' : 'case studies match'}`}
        </p>
      ) : null}
      <ul ref={listRef} className="study-list" aria-label="Case studies" onKeyDown={moveInList}>
        {page?.entries.map((entry) => {
          const shown = known.get(entry.study.id) ?? entry.study;
          const title = shownTitle(shown.title);
          return (
            <StudyEntry
              key={entry.study.id}
              entry={entry}
              shown={shown}
              selected={entry.study.id === selectedId}
              tabStop={entry.study.id === roving.tabStop}
              onFocus={() => roving.onEntryFocus(entry.study.id)}
              check={checks.get(entry.study.id)}
              onSelect={() => onSelect(entry.study.id)}
              onDelete={canCreate ? () => void actions.moveToTrash(entry.study.id, title) : undefined}
              actions={
                canCreate
                  ? [
                      { label: 'Duplicate', run: () => void actions.duplicate(entry.study.id) },
                      { label: 'Move to trash', run: () => void actions.moveToTrash(entry.study.id, title) },
                    ]
                  : []
              }
            />
          );
        })}
      </ul>
      {page && page.total > page.entries.length ? (
        <button type="button" className="link-button" onClick={library.showMore}>
          Show more ({(page.total - page.entries.length).toLocaleString()} more)
        </button>
      ) : null}
      {children}
      {/* In the sidebar's flow, above Trash and Site settings: it covers no control. */}
      {trashed ? (
        <UndoToast
          message={`Moved “${trashed.title}” to the trash`}
          onUndo={() => void actions.restore(trashed.id)}
          onDismiss={actions.dismissToast}
        />
      ) : null}
      <div className="library-footer">
        <button type="button" onClick={() => setDialog('trash')}>
          Trash
        </button>
        <button type="button" onClick={() => setDialog('settings')}>
          Site settings
        </button>
      </div>
      <TemplateChooser
        open={dialog === 'templates'}
        api={api}
        onClose={closeDialog}
        onCreated={(id, summaryPrompt) =>
          onCreatedFromTemplate ? onCreatedFromTemplate(id, summaryPrompt) : onSelect(id)
        }
      />
      <TrashDialog
        open={dialog === 'trash'}
        api={api}
        readOnly={!canCreate}
        onClose={closeDialog}
        onRestored={async (id) => {
          await onWorkspaceChanged();
          onSelect(id);
        }}
      />
      <SiteSettingsDialog
        open={dialog === 'settings'}
        api={api}
        autosave={autosave}
        readOnly={!canCreate}
        onClose={closeDialog}
        onChanged={onWorkspaceChanged}
        onSiteChanged={onSiteChanged}
      />
      <QuickOpen open={dialog === 'quick-open'} api={api} onClose={closeDialog} onOpenStudy={onSelect} />
    </nav>
  );
}
