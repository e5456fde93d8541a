// Conflicts a sync kept in the site settings and in templates, at the top of Site settings
// (ConflictNotice draws them, as in a study). Templates have no editing screen of their own:
// Site settings is where the workspace's shared files are looked after, and a conflict shown
// in the template chooser would stand between the author and the study they meant to start.
// A choice first saves what the form holds, then resolves over the version shown (refused if
// the file changed meanwhile) and hands the settings, as now on disk, to the dialog.
import { useCallback, useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { Conflict, ConflictChoice } from '../../../core/pure/merge/conflict-schema';
import type { SettingsConflicts as Conflicts, SettingsTarget } from '../../../core/pure/merge/settings-conflict-schema';
import type { SiteSettings } from '../../../core/pure/schemas/site';
import { settingConflictPlace } from '../../../core/pure/sync/conflict-text';
import { errorMessage } from '../api/api-error';
import { ConflictNotice } from '../conflicts/ConflictNotice';
import { ProblemAlert } from '../components/ProblemAlert';

interface SettingsConflictsProps {
  api: CasebookApi;
  /** The dialog is open: read the conflicts as they are on disk now. */
  open: boolean;
  readOnly: boolean;
  /** Sends what the form holds before a choice (false: it could not be saved). */
  flush: () => Promise<boolean>;
  /** The site settings after a choice (changed when the conflict was the site's). */
  onSiteResolved: (site: SiteSettings) => void;
}

export function SettingsConflicts({ api, open, readOnly, flush, onSiteResolved }: SettingsConflictsProps) {
  const [state, setState] = useState<Conflicts | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setNote(null);
    api
      .settingsConflicts({})
      .then(setState, (err: unknown) =>
        setProblem(`Could not read the conflicts from the last sync: ${errorMessage(err)}`),
      );
  }, [open, api]);

  const resolve = useCallback(
    async (target: SettingsTarget, version: string, conflict: Conflict, choice: ConflictChoice) => {
      setBusy(true);
      setProblem(null);
      setNote(null);
      try {
        // The form's edits could not be saved (invalid, or the save failed): resolving now would
        // reset the form to the file and lose them, so nothing is resolved until they are fixed.
        if (!(await flush())) {
          setProblem(
            'Not resolved: your edits to the site settings could not be saved. Fix what the form marks, then choose again.',
          );
          return;
        }
        const done = await api.resolveSettingsConflict({
          target,
          conflictId: conflict.id,
          choice,
          baseVersion: version,
        });
        setState(done.conflicts);
        setNote(done.note ?? 'Resolved.');
        if (target.kind === 'site') onSiteResolved(done.site);
      } catch (err) {
        setProblem(`Could not resolve the conflict: ${errorMessage(err)}`);
        api.settingsConflicts({}).then(setState, () => undefined);
      } finally {
        setBusy(false);
      }
    },
    [api, flush, onSiteResolved],
  );

  if (!state) return <ProblemAlert problem={problem} />;
  const common = { disabled: readOnly || busy, headingLevel: 3 as const, className: 'settings-conflicts' };
  return (
    <>
      <ConflictNotice
        {...common}
        owner="Site settings: "
        hint="The same setting was changed here and by someone else. The site uses yours; theirs is kept below. Choose for each."
        mineLabel="Mine (in use)"
        entries={state.site.conflicts.map((conflict) => ({ conflict, place: settingConflictPlace(conflict, 'site') }))}
        problem={problem}
        status={note}
        onChoose={(conflict, choice) => void resolve({ kind: 'site' }, state.site.version, conflict, choice)}
      />
      {state.templates.map((template) => (
        <ConflictNotice
          key={template.id}
          {...common}
          owner={`Template “${template.name}”: `}
          hint="This template was changed here and by someone else. New studies use yours; theirs is kept below."
          mineLabel="Mine (in the template)"
          entries={template.conflicts.map((conflict) => ({
            conflict,
            place: settingConflictPlace(conflict, 'template'),
          }))}
          problem={state.site.conflicts.length === 0 ? problem : null}
          status={state.site.conflicts.length === 0 ? note : null}
          onChoose={(conflict, choice) =>
            void resolve({ kind: 'template', id: template.id }, template.version, conflict, choice)
          }
        />
      ))}
    </>
  );
}
