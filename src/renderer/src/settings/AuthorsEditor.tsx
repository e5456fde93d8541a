// The site's authors: name, bio, link and avatar of each, edited together and saved with
// "Save authors" (checked by the core's schema first, so a mistake shows before anything is
// sent). Studies pick their authors from this list; each author gets a page on the site.
// The avatar goes through the editor's image flow (saveAsset stores it under assets/).
import { useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import {
  authorLimits,
  siteSettingLabels,
  siteSettingsSchema,
  type SiteAuthor,
  type SiteSettings,
} from '../../../core/pure/schemas/site';
import { errorMessage } from '../api/api-error';
import { isSiteImageFile, SITE_IMAGE_ACCEPT, storeImageFile } from '../editor/image-upload';
import '../styles/site-authors.css';
import { ProblemAlert } from '../components/ProblemAlert';

interface AuthorsEditorProps {
  api: CasebookApi;
  authors: readonly SiteAuthor[];
  disabled: boolean;
  /** The settings as saved: the dialog and the App take them. */
  onSaved: (site: SiteSettings) => void;
}

/** A row being edited; `saved` is its name as last saved (the controls are named by it). */
type Row = SiteAuthor & { saved: string | null };

const rowsOf = (authors: readonly SiteAuthor[]): Row[] => authors.map((a) => ({ ...a, saved: a.name }));

/** The problem with `rows`, as a person reads it, or null when the schema takes them. */
export function authorsProblem(rows: readonly SiteAuthor[]): string | null {
  const result = siteSettingsSchema.shape.authors.safeParse(
    rows.map(({ name, bio, url, avatar }) => ({ name, bio, url, avatar })),
  );
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : null;
  const who = index === null ? '' : `${rows[index]?.name.trim() || `Author ${index + 1}`}: `;
  return `${who}${issue.message}`;
}

export function AuthorsEditor({ api, authors, disabled, onSaved }: AuthorsEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(authors));
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setRows(rowsOf(authors)), [authors]);

  const change = (i: number, patch: Partial<SiteAuthor>) => {
    setSaved(false);
    setRows((list) => list.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  };
  const nameOf = (row: Row) => row.saved ?? (row.name.trim() || 'new author');

  const add = () => {
    const name = newName.trim();
    if (!name) return;
    setRows((list) => [...list, { name, bio: '', url: '', avatar: '', saved: null }]);
    setNewName('');
    setSaved(false);
  };

  const pickAvatar = async (i: number, file: File | undefined) => {
    if (!file) return;
    if (!isSiteImageFile(file)) {
      setProblem('An avatar must be a PNG, JPEG, GIF or WebP image.');
      return;
    }
    try {
      const src = await storeImageFile(api.saveAsset, file);
      setProblem(null);
      change(i, { avatar: src });
    } catch (err) {
      setProblem(`Could not store the avatar: ${errorMessage(err)}`);
    }
  };

  const save = async () => {
    const trimmed = rows.map((r) => ({ name: r.name.trim(), bio: r.bio.trim(), url: r.url.trim(), avatar: r.avatar }));
    const why = authorsProblem(trimmed);
    setProblem(why);
    if (why) return;
    try {
      const next = await api.updateSite({ patch: { authors: trimmed } });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setProblem(`Could not save the authors: ${errorMessage(err)}`);
    }
  };

  return (
    <section className="authors-editor" aria-labelledby="site-authors-heading">
      <h3 id="site-authors-heading">{siteSettingLabels.authors}</h3>
      <p className="hint">Studies choose their authors from this list; the site gives each a page.</p>
      <ul className="author-list" aria-label="Authors">
        {rows.map((row, i) => {
          const who = nameOf(row);
          return (
            <li key={i} className="author-row">
              <input
                type="text"
                aria-label={`Name of ${who}`}
                value={row.name}
                maxLength={authorLimits.name}
                disabled={disabled}
                onChange={(e) => change(i, { name: e.target.value })}
              />
              <input
                type="text"
                inputMode="url"
                aria-label={`Link of ${who}`}
                placeholder="https://…"
                value={row.url}
                maxLength={authorLimits.url}
                disabled={disabled}
                onChange={(e) => change(i, { url: e.target.value })}
              />
              <textarea
                rows={2}
                aria-label={`Bio of ${who}`}
                placeholder="A line about them"
                value={row.bio}
                maxLength={authorLimits.bio}
                disabled={disabled}
                onChange={(e) => change(i, { bio: e.target.value })}
              />
              <div className="author-actions">
                <label className="file-button">
                  {row.avatar ? 'Change avatar' : 'Add avatar'}
                  <input
                    type="file"
                    className="visually-hidden"
                    aria-label={`Avatar of ${who}`}
                    accept={SITE_IMAGE_ACCEPT}
                    disabled={disabled}
                    onChange={(e) => void pickAvatar(i, e.target.files?.[0])}
                  />
                </label>
                {row.avatar ? (
                  <button
                    type="button"
                    aria-label={`Remove avatar of ${who}`}
                    disabled={disabled}
                    onClick={() => change(i, { avatar: '' })}
                  >
                    Remove avatar
                  </button>
                ) : null}
                <button
                  type="button"
                  className="danger"
                  aria-label={`Remove ${who}`}
                  disabled={disabled}
                  onClick={() => {
                    setSaved(false);
                    setRows((list) => list.filter((_, j) => j !== i));
                  }}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="category-add">
        <label htmlFor="site-new-author">New author</label>
        <input
          id="site-new-author"
          type="text"
          value={newName}
          maxLength={authorLimits.name}
          disabled={disabled}
          onChange={(e) => setNewName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={disabled || !newName.trim()} onClick={add}>
          Add author
        </button>
      </div>
      <ProblemAlert problem={problem} />
      <div className="modal-actions">
        {saved ? <span className="saved-note">Authors saved</span> : null}
        <button type="button" className="primary" disabled={disabled} onClick={() => void save()}>
          Save authors
        </button>
      </div>
    </section>
  );
}
