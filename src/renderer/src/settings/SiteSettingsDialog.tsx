// Site settings: what the exported site says about itself (title, tagline, description,
// author, base URL, language), its categories and its authors. Text fields are checked as typed and saved
// together with Save; category changes apply at once, since they rewrite the studies using them.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { SiteSettings } from '../../../core/pure/schemas/site';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { ModalDialog } from '../components/ModalDialog';
import { AuthorsEditor } from './AuthorsEditor';
import { CategoryEditor } from './CategoryEditor';
import { BrandingFields, brandingOf, customCssError, type Branding } from './BrandingFields';
import { siteText, siteTextFields, validateSiteText, type SiteText, type SiteTextField } from './site-fields';

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

export function SiteSettingsDialog(props: SiteSettingsDialogProps) {
  const { open, api, autosave, readOnly, onClose, onChanged, onSiteChanged } = props;
  const [site, setSite] = useState<SiteSettings | null>(null);
  const [text, setText] = useState<SiteText | null>(null);
  const [branding, setBranding] = useState<Branding | null>(null);
  const [touched, setTouched] = useState<Partial<Record<SiteTextField, boolean>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setSaved(false);
    setTouched({});
    api.getSite({}).then(
      (s) => {
        setSite(s);
        setText(siteText(s));
        setBranding(brandingOf(s));
      },
      (err: unknown) => setProblem(`Could not read the site settings: ${errorMessage(err)}`),
    );
  }, [open, api]);

  const changeCategories = useCallback(
    async (run: () => Promise<unknown>) => {
      // Renames and deletes rewrite study files: put the open study's edits on disk first,
      // so they are neither lost nor refused as a conflict.
      await autosave.flushAll();
      const result = await run();
      const next = await api.getSite({});
      setSite(next);
      if (rewroteStudies(result)) await onChanged();
      else onSiteChanged(next);
    },
    [api, autosave, onChanged, onSiteChanged],
  );

  const { patch, errors } = text ? validateSiteText(text) : { patch: {}, errors: {} };
  const brandingError = branding ? customCssError(branding.customCss) : null;
  const hasErrors = Object.keys(errors).length > 0 || brandingError !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(Object.fromEntries(siteTextFields.map((f) => [f.key, true])));
    if (hasErrors) return;
    setProblem(null);
    try {
      const next = await api.updateSite({
        patch: branding ? { ...patch, ...branding, customCss: branding.customCss.trim() } : patch,
      });
      setSite(next);
      setText(siteText(next));
      setBranding(brandingOf(next));
      setTouched({});
      setSaved(true);
      onSiteChanged(next);
    } catch (err) {
      setProblem(`Could not save the settings: ${errorMessage(err)}`);
    }
  };

  return (
    <ModalDialog open={open} title="Site settings" onClose={onClose} className="settings-dialog">
      {text && site ? (
        <>
          <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
            <fieldset disabled={readOnly}>
              {siteTextFields.map(({ key, label, hint, multiline }) => {
                const id = `site-${key}`;
                const error = touched[key] ? errors[key] : undefined;
                const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
                const common = {
                  id,
                  value: text[key],
                  'aria-invalid': error ? true : undefined,
                  'aria-describedby': describedBy || undefined,
                  onChange: (ev: { target: { value: string } }) => {
                    setText({ ...text, [key]: ev.target.value });
                    setTouched((t) => ({ ...t, [key]: true }));
                    setSaved(false);
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
                  showErrors={Object.keys(touched).length > 0}
                  onChange={(next) => {
                    setBranding(next);
                    setSaved(false);
                  }}
                />
              ) : null}
            </fieldset>
            {problem ? (
              <p className="form-error" role="alert">
                {problem}
              </p>
            ) : null}
            <div className="modal-actions">
              {saved ? <span className="saved-note">Settings saved</span> : null}
              <button type="submit" className="primary" disabled={readOnly}>
                Save settings
              </button>
            </div>
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
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : (
        <p className="hint">Loading…</p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
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
