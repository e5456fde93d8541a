// Site settings: what the exported site says about itself (title, tagline, description,
// author, base URL, language), its categories and its authors. Text fields are checked and
// saved as typed (use-site-autosave.ts), like studies; Close sends what is waiting and asks
// before leaving a value that cannot be saved. Category changes apply at once, since they
// rewrite the studies using them. Conflicts a sync kept here (and in templates) come first.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { SitePatch, SiteSettings } from '../../../core/pure/schemas/site';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { ModalDialog } from '../components/ModalDialog';
import { AuthorsEditor } from './AuthorsEditor';
import { CategoryEditor } from './CategoryEditor';
import { BrandingFields, brandingOf, customCssError, type Branding } from './BrandingFields';
import { SiteSaveStatus } from './SiteSaveStatus';
import { SettingsConflicts } from './SettingsConflicts';
import { siteText, siteTextFields, validateSiteText, type SiteText, type SiteTextField } from './site-fields';
import { useSiteAutosave } from './use-site-autosave';
import '../styles/settings.css';
import { ProblemAlert } from '../components/ProblemAlert';

interface SiteSettingsDialogProps {
  open: boolean;
  api: CasebookApi;
  autosave: AutosaveQueue;
  readOnly: boolean;
  onClose: () => void;
  /** Studies changed on disk (a category renamed or deleted in them): the App reloads what it shows. */
  onChanged: () => Promise<void> | void;
  /**
   * Only the settings changed: the App takes them as they are, keeping the open editor (and
   * its undo history) as it is.
   */
  onSiteChanged: (site: SiteSettings) => void;
}

/** The valid part of the form, as one patch (a field that is not valid is left out). */
function validPatch(text: SiteText, branding: Branding | null): SitePatch {
  const { patch } = validateSiteText(text);
  if (!branding) return patch;
  const { customCss, ...rest } = branding;
  return customCssError(customCss) ? { ...patch, ...rest } : { ...patch, ...rest, customCss: customCss.trim() };
}

export function SiteSettingsDialog(props: SiteSettingsDialogProps) {
  const { open, api, autosave, readOnly, onClose, onChanged, onSiteChanged } = props;
  const [site, setSite] = useState<SiteSettings | null>(null);
  const [text, setText] = useState<SiteText | null>(null);
  const [branding, setBranding] = useState<Branding | null>(null);
  const [touched, setTouched] = useState<Partial<Record<SiteTextField, boolean>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [askingToClose, setAskingToClose] = useState<'invalid' | 'failed' | null>(null);
  const saving = useSiteAutosave({
    api,
    active: open,
    onSaved: (next) => {
      setSite(next);
      onSiteChanged(next);
    },
  });
  const { reset, edit, flush } = saving;

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setTouched({});
    setAskingToClose(null);
    reset();
    api.getSite({}).then(
      (s) => {
        setSite(s);
        setText(siteText(s));
        setBranding(brandingOf(s));
      },
      (err: unknown) => setProblem(`Could not read the site settings: ${errorMessage(err)}`),
    );
  }, [open, api, reset]);

  const changeCategories = useCallback(
    async (run: () => Promise<unknown>) => {
      // Renames and deletes rewrite study files: put the open study's edits on disk first,
      // so they are neither lost nor refused as a conflict.
      await autosave.flushAll();
      await flush();
      const result = await run();
      const next = await api.getSite({});
      setSite(next);
      if (rewroteStudies(result)) await onChanged();
      else onSiteChanged(next);
    },
    [api, autosave, flush, onChanged, onSiteChanged],
  );

  // A conflict resolved: the form shows the settings as now on disk.
  const takeResolved = useCallback(
    (next: SiteSettings) => {
      setSite(next);
      setText(siteText(next));
      setBranding(brandingOf(next));
      onSiteChanged(next);
    },
    [onSiteChanged],
  );

  const { errors } = text ? validateSiteText(text) : { errors: {} };
  const brandingError = branding ? customCssError(branding.customCss) : null;
  const invalid = [
    ...siteTextFields.filter((f) => Object.hasOwn(errors, f.key)).map((f) => f.label),
    ...(brandingError ? ['Custom CSS file'] : []),
  ];

  // A field's mistake shows once it was typed in (or Close asked); a bad CSS path at once.
  const shownInvalid =
    siteTextFields.some((f) => touched[f.key] && Object.hasOwn(errors, f.key)) || brandingError !== null;

  const change = (nextText: SiteText, nextBranding: Branding | null) => {
    setText(nextText);
    setBranding(nextBranding);
    setAskingToClose(null);
    edit(validPatch(nextText, nextBranding));
  };

  /**
   * Close: send what is waiting; a value that cannot be saved is not dropped without asking,
   * and a save that failed keeps the dialog open with its reason in the status.
   */
  const requestClose = async () => {
    const saved = await flush();
    if (readOnly || (saved && invalid.length === 0)) return onClose();
    if (!saved) return setAskingToClose('failed');
    setTouched(Object.fromEntries(siteTextFields.map((f) => [f.key, true])));
    setAskingToClose('invalid');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void flush();
  };

  return (
    <ModalDialog
      open={open}
      title="Site settings"
      onClose={onClose}
      onCancel={() => void requestClose()}
      className="settings-dialog"
    >
      {text && site ? (
        <>
          <SettingsConflicts
            api={api}
            open={open}
            readOnly={readOnly}
            // A choice shows the file's settings after it: only once every edit in the form is saved.
            flush={async () => (await flush()) && invalid.length === 0}
            onSiteResolved={takeResolved}
          />
          <form className="settings-form" onSubmit={submit} noValidate>
            <fieldset disabled={readOnly}>
              {siteTextFields.map(({ key, label, hint, multiline }) => {
                const id = `site-${key}`;
                const error = touched[key] ? errors[key as keyof typeof errors] : undefined;
                const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
                const common = {
                  id,
                  value: text[key],
                  dir: 'auto',
                  'aria-invalid': error ? true : undefined,
                  'aria-describedby': describedBy || undefined,
                  onChange: (ev: { target: { value: string } }) => {
                    setTouched((t) => ({ ...t, [key]: true }));
                    change({ ...text, [key]: ev.target.value }, branding);
                  },
                };
                return (
                  <div className="field" key={key}>
                    <label htmlFor={id}>{label}</label>
                    {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
                    {hint ? (
                      <span className="hint" id={`${id}-hint`}>
                        {hint}
                      </span>
                    ) : null}
                    {error ? (
                      <span className="field-error" id={`${id}-error`}>
                        {error}
                      </span>
                    ) : null}
                  </div>
                );
              })}
              {branding ? (
                <BrandingFields
                  api={api}
                  value={branding}
                  showErrors={Object.keys(touched).length > 0 || brandingError !== null}
                  onChange={(next) => change(text, next)}
                />
              ) : null}
            </fieldset>
            <ProblemAlert problem={problem} />
          </form>
          <CategoryEditor api={api} categories={site.categories} disabled={readOnly} change={changeCategories} />
          <AuthorsEditor
            api={api}
            authors={site.authors}
            disabled={readOnly}
            onSaved={(next) => {
              setSite(next);
              onSiteChanged(next);
            }}
          />
        </>
      ) : problem ? (
        <ProblemAlert problem={problem} />
      ) : (
        <p className="hint">Loading…</p>
      )}
      {askingToClose ? (
        <div className="close-question" role="alert">
          {askingToClose === 'failed' ? (
            <p>Your changes could not be saved (the reason is below). Close and lose them?</p>
          ) : (
            <p>
              Not saved: {invalid.join(', ')} {invalid.length === 1 ? 'is' : 'are'} not valid. Close and lose{' '}
              {invalid.length === 1 ? 'that change' : 'those changes'}?
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={() => setAskingToClose(null)}>
              Keep editing
            </button>
            <button type="button" onClick={onClose}>
              Close without saving {askingToClose === 'invalid' && invalid.length === 1 ? 'it' : 'them'}
            </button>
          </div>
        </div>
      ) : null}
      <div className="modal-actions settings-footer">
        <SiteSaveStatus state={saving.state} invalid={shownInvalid} />
        <button type="button" onClick={() => void requestClose()}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

/** True when a category change saved studies (a rename or delete of a category in use). */
function rewroteStudies(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || !('changedStudies' in result)) return false;
  const changed = (result as { changedStudies: unknown }).changedStudies;
  return Array.isArray(changed) && changed.length > 0;
}
