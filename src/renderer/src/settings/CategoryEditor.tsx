// The site's categories in index order: add, rename (every study using it follows), reorder
// by drag or Move up/down, delete after a prompt naming the studies that use it.
import { useState, type FormEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import { errorMessage } from '../api/api-error';
import { ModalDialog } from '../components/ModalDialog';
import { shownTitle } from '../../../core/pure/schemas/study';
import { siteSettingLabels } from '../../../core/pure/schemas/site';
import { ProblemAlert } from '../components/ProblemAlert';

interface CategoryEditorProps {
  api: CasebookApi;
  categories: readonly string[];
  disabled: boolean;
  /** Runs a change (its result tells which studies it rewrote): saves pending edits first, refreshes after. */
  change: (run: () => Promise<unknown>) => Promise<void>;
}

interface PendingDelete {
  name: string;
  usedBy: { id: string; title: string }[];
}

export function CategoryEditor({ api, categories, disabled, change }: CategoryEditorProps) {
  const [newName, setNewName] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);

  const attempt = async (what: string, run: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await change(run);
    } catch (err) {
      setProblem(`Could not ${what}: ${errorMessage(err)}`);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const name = newName.trim();
    if (!name) return;
    await attempt(`add “${name}”`, async () => {
      await api.addCategory({ name });
      setNewName('');
    });
  };

  const rename = (from: string) => {
    const to = (drafts[from] ?? from).trim();
    if (!to || to === from) return;
    void attempt(`rename “${from}”`, async () => {
      const result = await api.renameCategory({ from, to });
      setDrafts(({ [from]: _, ...rest }) => rest);
      return result;
    });
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= categories.length || from === to) return;
    const order = [...categories];
    const [name] = order.splice(from, 1);
    order.splice(to, 0, name!);
    void attempt('reorder the categories', () => api.reorderCategories({ order }));
  };

  const askDelete = async (name: string) => {
    setProblem(null);
    try {
      setDeleting({ name, usedBy: await api.categoryUsage({ name }) });
    } catch (err) {
      setProblem(`Could not check which studies use “${name}”: ${errorMessage(err)}`);
    }
  };

  return (
    <section className="category-editor" aria-labelledby="site-categories-heading">
      <h3 id="site-categories-heading">{siteSettingLabels.categories}</h3>
      <p className="hint">The index shows one section per category, in this order.</p>
      <ol className="category-list" aria-label="Categories">
        {categories.map((name, i) => (
          <li
            key={name}
            draggable={!disabled}
            className={dragged === i ? 'is-dragged' : undefined}
            onDragStart={(e) => {
              setDragged(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(e) => dragged !== null && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null) move(dragged, i);
              setDragged(null);
            }}
          >
            <span className="drag-handle" aria-hidden="true">
              ⠿
            </span>
            <input
              type="text"
              aria-label={`Name of ${name}`}
              value={drafts[name] ?? name}
              disabled={disabled}
              maxLength={80}
              onChange={(e) => setDrafts((d) => ({ ...d, [name]: e.target.value }))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  rename(name);
                }
              }}
            />
            <button
              type="button"
              aria-label={`Rename ${name}`}
              disabled={disabled || !(drafts[name] ?? name).trim() || (drafts[name] ?? name).trim() === name}
              onClick={() => rename(name)}
            >
              Rename
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${name} up`}
              disabled={disabled || i === 0}
              onClick={() => move(i, i - 1)}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${name} down`}
              disabled={disabled || i === categories.length - 1}
              onClick={() => move(i, i + 1)}
            >
              <span aria-hidden="true">↓</span>
            </button>
            <button
              type="button"
              className="danger"
              aria-label={`Delete ${name}`}
              disabled={disabled}
              onClick={() => void askDelete(name)}
            >
              Delete
            </button>
          </li>
        ))}
      </ol>
      <form className="category-add" onSubmit={(e) => void add(e)}>
        <label htmlFor="site-new-category">New category</label>
        <input
          id="site-new-category"
          type="text"
          value={newName}
          maxLength={80}
          disabled={disabled}
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit" disabled={disabled || !newName.trim()}>
          Add
        </button>
      </form>
      <ProblemAlert problem={problem} />
      <ModalDialog open={deleting !== null} title="Delete category?" onClose={() => setDeleting(null)}>
        {deleting ? (
          <>
            {deleting.usedBy.length === 0 ? (
              <p>No study uses “{deleting.name}”.</p>
            ) : (
              <>
                <p>
                  {deleting.usedBy.length === 1 ? '1 study uses' : `${deleting.usedBy.length} studies use`} “
                  {deleting.name}”. Deleting the category removes it from {deleting.usedBy.length === 1 ? 'it' : 'them'}
                  :
                </p>
                <ul className="usage-list">
                  {deleting.usedBy.map((s) => (
                    <li key={s.id}>{shownTitle(s.title)}</li>
                  ))}
                </ul>
              </>
            )}
            <div className="modal-actions">
              <button type="button" onClick={() => setDeleting(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  const { name } = deleting;
                  setDeleting(null);
                  void attempt(`delete “${name}”`, () => api.deleteCategory({ name }));
                }}
              >
                Delete
              </button>
            </div>
          </>
        ) : null}
      </ModalDialog>
    </section>
  );
}
