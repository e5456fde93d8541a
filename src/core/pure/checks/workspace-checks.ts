// Publish readiness of a whole workspace: per-study findings and totals (library badges,
// the export dialog, `casebook check`).
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { checkStudy } from './publish-checks';
import { StudyNames } from './study-names';
import type { TemplatePrompts } from './template-prompts';
import type { StudyCheck, WorkspaceCheck } from './workspace-check-schema';

export type { StudyCheck, WorkspaceCheck } from './workspace-check-schema';

export interface WorkspaceCheckOptions {
  /** Check only published studies (drafts are not exported). */
  publishedOnly?: boolean;
  /** The workspace's template prompts (the built-ins' when not given). */
  prompts?: TemplatePrompts;
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
  return {
    studies: checked,
    totals: {
      studies: checked.length,
      errors: checked.reduce((n, s) => n + s.errors, 0),
      warnings: checked.reduce((n, s) => n + s.warnings, 0),
      studiesWithErrors: checked.filter((s) => s.errors > 0).length,
    },
  };
}
