// Publish readiness of a whole workspace: per-study findings and totals (library badges,
// the export dialog, `casebook check`).
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { checkStudy } from './publish-checks';
import { StudyNames } from './study-names';
import type { TemplatePrompts } from './template-prompts';
import type { SettingsCheck, StudyCheck, WorkspaceCheck } from './workspace-check-schema';
import type { SettingsConflicts } from '../merge/settings-conflict-schema';
import { settingConflictPlace } from '../sync/conflict-text';

export type { SettingsCheck, StudyCheck, WorkspaceCheck } from './workspace-check-schema';

export interface WorkspaceCheckOptions {
  /** Check only published studies (drafts are not exported). */
  publishedOnly?: boolean;
  /** The workspace's template prompts (the built-ins' when not given). */
  prompts?: TemplatePrompts;
  /** Conflicts a sync left in casebook.json and templates (none when not given). */
  settingsConflicts?: SettingsConflicts;
  /** Why casebook.json cannot be read, when it cannot (the export refuses to publish the defaults). */
  settingsUnreadable?: string | null;
}

/** Site settings in conflict are an error (the site would publish a side nobody chose); a template's, a warning. */
function settingsChecks(conflicts: SettingsConflicts | undefined): SettingsCheck[] {
  if (!conflicts) return [];
  const out: SettingsCheck[] = [];
  const { site, templates } = conflicts;
  if (site.conflicts.length > 0)
    out.push({
      label: 'Site settings',
      places: site.conflicts.map((c) => settingConflictPlace(c, 'site')),
      errors: site.conflicts.length,
      warnings: 0,
    });
  for (const t of templates)
    out.push({
      label: `Template '${t.name}'`,
      places: t.conflicts.map((c) => settingConflictPlace(c, 'template')),
      errors: 0,
      warnings: t.conflicts.length,
    });
  return out;
}

export function checkWorkspace(
  site: Pick<SiteSettings, 'categories'>,
  studies: Study[],
  options: WorkspaceCheckOptions = {},
): WorkspaceCheck {
  const names = StudyNames.of(studies);
  const checked = studies
    .filter((s) => !options.publishedOnly || s.status === 'published')
    .map((study): StudyCheck => {
      const findings = checkStudy(study, { site, names, prompts: options.prompts });
      const errors = findings.filter((f) => f.severity === 'error').length;
      return {
        id: study.id,
        title: study.title,
        slug: study.slug,
        status: study.status,
        findings,
        errors,
        warnings: findings.length - errors,
      };
    });
  const settings = settingsChecks(options.settingsConflicts);
  if (options.settingsUnreadable)
    settings.unshift({
      label: 'Site settings',
      places: [],
      errors: 1,
      warnings: 0,
      message: options.settingsUnreadable,
    });
  const all = [...checked, ...settings];
  return {
    studies: checked,
    settings,
    totals: {
      studies: checked.length,
      errors: all.reduce((n, s) => n + s.errors, 0),
      warnings: all.reduce((n, s) => n + s.warnings, 0),
      studiesWithErrors: checked.filter((s) => s.errors > 0).length,
    },
  };
}
