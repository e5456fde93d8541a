// File → Export: the workspace as a static site or Markdown, into a folder the author chooses
// (the native picker in Electron, a typed path in browser mode). Saves pending edits first, so
// the export holds what the author sees; errors stay in the dialog, nothing closes on them.
// The body scrolls and the actions stay in view, however long the report after an export.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import { publishBlockSchema, type PublishBlock } from '../../../core/pure/checks/publish-gate';
import { errorMessage } from '../api/api-error';
import { hasErrorCode } from '../../../core/pure/errors';
import type { CasebookShell } from '../api/casebook-client';
import { PublishSummary } from '../checks/PublishSummary';
import { lastExportFolder, recentExportFolders, rememberExportFolder } from './export-folders';
import { exportFormatIds, exportFormatInfo } from '../../../core/pure/export/export-formats';
import { exportingMessage, folderProblem, type ExportFormat, type ExportReport } from './export-report';
import { ExportResult } from './ExportResult';
import { RecentFolders } from './RecentFolders';
import { PublishBlockNotice } from './PublishBlockNotice';
import '../styles/export.css';

interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  api: Pick<CasebookApi, 'exportWorkspace' | 'checkWorkspace'>;
  /** Desktop helpers (folder picker, open with the OS); null in browser mode. */
  shell: CasebookShell | null;
  /** How many studies each choice exports, for the progress line. */
  counts: { published: number; all: number };
  /** Saves every pending edit; rejects (or leaves unsaved edits) when saving failed. */
  saveEdits: () => Promise<{ unsaved: string | null }>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'exporting'; studies: number }
  | { kind: 'done'; report: ExportReport }
  | { kind: 'failed'; message: string }
  /** Refused: studies it would publish have errors (nothing was written). */
  | { kind: 'blocked'; block: PublishBlock };

/** The studies and errors of a publish_errors refusal, or null for any other failure. */
function publishBlockOf(err: unknown): PublishBlock | null {
  if (!hasErrorCode(err, 'publish_errors')) return null;
  const parsed = publishBlockSchema.safeParse(err.details);
  return parsed.success && (parsed.data.studies.length > 0 || parsed.data.site.length > 0) ? parsed.data : null;
}

export function ExportDialog({ open, onClose, api, shell, counts, saveEdits }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>(exportFormatIds[0]);
  const [folders, setFolders] = useState(
    () => new Map(exportFormatIds.map((id) => [id, lastExportFolder(id)] as const)),
  );
  const [recent, setRecent] = useState(
    () => new Map(exportFormatIds.map((id) => [id, recentExportFolders(id)] as const)),
  );
  const [drafts, setDrafts] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const ids = { title: useId(), format: useId(), folder: useId(), folderHint: useId() };
  const folder = folders.get(format) ?? '';
  const exporting = phase.kind === 'exporting';

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      // A finished or failed export from last time is not news any more.
      setPhase((p) => (p.kind === 'exporting' ? p : { kind: 'idle' }));
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open]);

  const setFolder = (value: string) => {
    setFolders((f) => new Map(f).set(format, value));
    if (phase.kind !== 'exporting') setPhase({ kind: 'idle' });
  };

  const chooseFolder = async () => {
    if (!shell) return;
    try {
      const chosen = await shell.chooseFolder({ title: 'Export to', forExport: true });
      if (chosen) setFolder(chosen);
    } catch (err) {
      setPhase({ kind: 'failed', message: `Could not show the folder picker: ${errorMessage(err)}` });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await runExport(false);
  };

  const runExport = async (allowErrors: boolean) => {
    if (exporting) return;
    const outDir = folder.trim();
    if (outDir === '') {
      const ask = shell ? 'Choose a folder to export into.' : 'Type the full path of the folder to export into.';
      setPhase({ kind: 'failed', message: ask });
      return;
    }
    const problem = folderProblem(outDir);
    if (problem) {
      setPhase({ kind: 'failed', message: `${problem}.` });
      return;
    }
    setPhase({ kind: 'exporting', studies: drafts ? counts.all : counts.published });
    try {
      const { unsaved } = await saveEdits();
      if (unsaved) {
        setPhase({
          kind: 'failed',
          message: `Your latest edits are not saved (${unsaved}), so the export would leave them out. Fix the save problem shown in the toolbar, then export again.`,
        });
        return;
      }
      const report = await api.exportWorkspace({ format, outDir, drafts, allowErrors });
      rememberExportFolder(format, outDir);
      setRecent((r) => new Map(r).set(format, recentExportFolders(format)));
      setPhase({ kind: 'done', report });
    } catch (err) {
      const block = publishBlockOf(err);
      if (block) setPhase({ kind: 'blocked', block });
      else setPhase({ kind: 'failed', message: `Could not export: ${errorMessage(err)}` });
    }
  };

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={ids.title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="export-form" noValidate>
        <h2 id={ids.title}>Export</h2>
        <div className="export-body">
          <p className="export-intro">
            Write the workspace as a folder you can publish: a static site that works as it is, or Markdown for a site
            generator such as Hugo or Eleventy.
          </p>

          <fieldset className="export-formats" role="radiogroup" aria-labelledby={ids.format} disabled={exporting}>
            <legend id={ids.format}>Format</legend>
            {exportFormatIds.map((value) => (
              <label key={value} className={`format-option${format === value ? ' is-chosen' : ''}`}>
                <input
                  type="radio"
                  name="export-format"
                  value={value}
                  checked={format === value}
                  onChange={() => {
                    setFormat(value);
                    setPhase({ kind: 'idle' });
                  }}
                />
                <span className="format-name">{exportFormatInfo(value).label}</span>
                <span className="format-detail">{exportFormatInfo(value).detail}</span>
              </label>
            ))}
          </fieldset>

          <div className="export-field">
            <label className="export-label" htmlFor={ids.folder}>
              Export folder
            </label>
            <div className="folder-choice">
              <input
                id={ids.folder}
                type="text"
                className="folder-input"
                value={folder}
                // In Electron the native picker chooses (and so grants) the folder; typing is for browser mode.
                readOnly={shell !== null}
                onChange={(e) => setFolder(e.target.value)}
                placeholder={shell ? 'No folder chosen' : '/home/you/Sites/engineering'}
                aria-describedby={ids.folderHint}
                spellCheck={false}
                autoComplete="off"
                disabled={exporting}
              />
              {shell ? (
                <button type="button" onClick={() => void chooseFolder()} disabled={exporting}>
                  Choose folder…
                </button>
              ) : null}
            </div>
            <span className="hint" id={ids.folderHint}>
              {shell ? 'An empty folder' : 'The full path of an empty folder'}, or an earlier{' '}
              {exportFormatInfo(format).label.toLowerCase()} export to update. A missing folder is created.
            </span>
            {/* Typed paths are browser mode's; in Electron the picker grants the folder it returns. */}
            {shell ? null : (
              <RecentFolders
                folders={(recent.get(format) ?? []).filter((f) => f !== folder)}
                disabled={exporting}
                onPick={setFolder}
              />
            )}
          </div>

          <label className="check">
            <input
              type="checkbox"
              checked={drafts}
              onChange={(e) => {
                setDrafts(e.target.checked);
                if (phase.kind === 'blocked') setPhase({ kind: 'idle' }); // another set of studies
              }}
              disabled={exporting}
            />
            Include drafts
          </label>

          {!drafts && counts.published === 0 && counts.all > 0 ? (
            <p className="export-note">
              No case study is published yet, so the export would hold none. Set a study&rsquo;s Status to Published, or
              include drafts.
            </p>
          ) : null}
          {/* Mounted per opening, so the check is fresh. The export itself refuses while a study
            it publishes has errors; the refusal below then lists them all. */}
          {open && phase.kind !== 'blocked' ? <PublishSummary api={api} publishedOnly={!drafts} /> : null}
          {phase.kind === 'exporting' ? (
            <div className="export-progress">
              <progress aria-label="Export progress" />
              <p role="status">{exportingMessage(phase.studies)}</p>
            </div>
          ) : null}
          {phase.kind === 'failed' ? (
            <div className="export-error" role="alert">
              {phase.message}
            </div>
          ) : null}
          {phase.kind === 'blocked' ? (
            <PublishBlockNotice block={phase.block} onExportAnyway={() => void runExport(true)} />
          ) : null}
          {phase.kind === 'done' ? <ExportResult report={phase.report} shell={shell} /> : null}
        </div>

        <div className="export-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {phase.kind === 'done' ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={exporting}>
            Export
          </button>
        </div>
      </form>
    </dialog>
  );
}
