// "New from template…": pick one of the workspace's templates (templates/*.json), give a
// title, Create. Blank is chosen first, so Enter alone makes a blank study.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import { limits, outcomeLabels } from '../../../core/pure/schemas/study-fields';
import type { StudyTemplate, TemplateProblem } from '../../../core/pure/templates/template-schema';
import { errorMessage } from '../api/api-error';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemAlert } from '../components/ProblemAlert';

interface TemplateChooserProps {
  open: boolean;
  api: CasebookApi;
  onClose: () => void;
  /** The study was created: open it. */
  /** The new study's id, and its template's prompt for the Summary (empty when it has none). */
  onCreated: (id: string, summaryPrompt: string) => void;
}

export function TemplateChooser({ open, api, onClose, onCreated }: TemplateChooserProps) {
  const ids = { title: useId(), group: useId() };
  const [templates, setTemplates] = useState<StudyTemplate[] | null>(null);
  /** Template files that could not be read: said here, so a typo in one is found. */
  const [unreadable, setUnreadable] = useState<TemplateProblem[]>([]);
  const [chosen, setChosen] = useState('blank');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTitle('');
    setProblem(null);
    setChosen('blank');
    api.listTemplates({}).then(
      (list) => {
        setTemplates(list.templates);
        setUnreadable(list.problems);
        if (!list.templates.some((t) => t.id === 'blank') && list.templates[0]) setChosen(list.templates[0].id);
      },
      (err: unknown) => setProblem(`Could not read the templates: ${errorMessage(err)}`),
    );
  }, [open, api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const study = await api.createStudy({ title: title.trim() || undefined, template: chosen });
      onClose();
      onCreated(study.id, templates?.find((t) => t.id === chosen)?.summaryPrompt ?? '');
    } catch (err) {
      setProblem(`Could not create the case study: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog open={open} title="New case study" onClose={onClose} className="template-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <fieldset className="template-options" disabled={busy}>
          <legend id={ids.group}>Template</legend>
          {templates === null && !problem ? <p className="hint">Loading templates…</p> : null}
          {templates?.map((t) => (
            <label key={t.id} className={chosen === t.id ? 'template-option is-chosen' : 'template-option'}>
              <input
                type="radio"
                name="template"
                value={t.id}
                checked={chosen === t.id}
                aria-labelledby={`${ids.group}-${t.id}-name`}
                aria-describedby={`${ids.group}-${t.id}`}
                onChange={() => setChosen(t.id)}
              />
              <span className="template-name" id={`${ids.group}-${t.id}-name`}>
                {t.name}
              </span>
              <span className="template-description" id={`${ids.group}-${t.id}`}>
                {t.description}
                {presetsOf(t) ? <span className="template-presets"> {presetsOf(t)}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
        {unreadable.length > 0 ? (
          <div className="template-problems">
            <p>Some template files could not be read and are not offered:</p>
            <ul>
              {unreadable.map((p) => (
                <li key={p.file}>
                  <code>{p.file}</code>: {p.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            type="text"
            value={title}
            maxLength={limits.title}
            placeholder="You can change it later"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <ProblemAlert problem={problem} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || templates === null}>
            Create
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** What the template sets besides the sections, e.g. "Outcome: Failed · Category: Failure Analysis". */
function presetsOf(t: StudyTemplate): string {
  const parts: string[] = [];
  if (t.outcome) parts.push(`Outcome: ${outcomeLabels[t.outcome]}`);
  if (t.categories.length > 0)
    parts.push(`${t.categories.length === 1 ? 'Category' : 'Categories'}: ${t.categories.join(', ')}`);
  return parts.join(' · ');
}
