// The contract's methods on conflicts a git merge recorded in site settings and templates
// (merge/settings-merge.ts); a study's own conflicts go through resolveConflict.
import type { CasebookHandlers } from '../pure/contract';
import type { SettingsConflicts } from '../pure/merge/settings-conflict-schema';
import type { SiteStore } from './site-store';
import { listTemplateConflicts, resolveTemplateFileConflict } from './templates/template-conflicts';

export type SettingsConflictHandlers = Pick<CasebookHandlers, 'settingsConflicts' | 'resolveSettingsConflict'>;

/** Every settings file's conflicts as on disk now. */
export async function settingsConflictsOf(workspace: string, site: SiteStore): Promise<SettingsConflicts> {
  return { site: await site.conflictState(), templates: await listTemplateConflicts(workspace) };
}

/** How many settings files hold conflicts (casebook.json counts one, each template one): the Sync count. */
export async function settingsFilesInConflict(workspace: string, site: SiteStore): Promise<number> {
  const { site: own, templates } = await settingsConflictsOf(workspace, site);
  return (own.conflicts.length > 0 ? 1 : 0) + templates.length;
}

export function settingsConflictHandlers(workspace: string, site: SiteStore): SettingsConflictHandlers {
  return {
    settingsConflicts: () => settingsConflictsOf(workspace, site),
    resolveSettingsConflict: async ({ target, conflictId, choice, baseVersion }) => {
      const { note } =
        target.kind === 'site'
          ? await site.resolveConflict(conflictId, choice, baseVersion)
          : await resolveTemplateFileConflict(workspace, target.id, conflictId, choice, baseVersion);
      return { site: site.get(), conflicts: await settingsConflictsOf(workspace, site), note };
    },
  };
}
