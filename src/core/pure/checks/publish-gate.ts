// The publish gate: an export refuses, by default, while any study it would publish has a
// publish-check error. The refusal carries which studies and which findings, as plain data
// every transport passes on (CasebookError details) and the Export dialog renders.
import { z } from 'zod';
import { CasebookError } from '../errors';
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { findingSchema, type Finding } from './finding';
import { checkStudy } from './publish-checks';
import { StudyNames } from './study-names';
import { shownTitle } from '../schemas/study';

export const blockedStudySchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(['draft', 'published']),
  /** Its errors only (warnings never block). */
  findings: z.array(findingSchema),
});
export type BlockedStudy = z.infer<typeof blockedStudySchema>;

/**
 * The details of a `publish_errors` refusal: studies with errors, and the places of conflicts a
 * sync left in the site settings (what the site says about itself must be settled first).
 */
export const publishBlockSchema = z.object({
  studies: z.array(blockedStudySchema),
  site: z.array(z.string()).default([]),
});
export type PublishBlock = z.input<typeof publishBlockSchema>;

// Errors of each study, remembered per study object (studies are immutable values in core) and
// what else the checks read: the site's categories and how many others share its title and slug.
const remembered = new WeakMap<Study, { key: string; errors: Finding[] }>();

/**
 * Errors found by an earlier export, for a study whose checks read the same `key` (an
 * incremental export: export-snapshot.ts), and told of every study checked.
 */
export interface PublishMemo {
  known(study: Study, key: string): Finding[] | undefined;
  checked(study: Study, key: string, errors: Finding[]): void;
}

/** Everything a study's checks read besides the study: the categories (as JSON) and its namesakes. */
export const publishKey = (categories: string, names: StudyNames, study: Study): string =>
  `${categories}\n${names.othersWithTitle(study)}\n${names.othersWithSlug(study)}`;

/** The studies an export would publish (drafts only with `drafts`) that have errors, with them. */
export function publishBlock(
  site: Pick<SiteSettings, 'categories'>,
  studies: Study[],
  drafts: boolean,
  memo?: PublishMemo,
): PublishBlock {
  const names = StudyNames.of(studies);
  const categories = JSON.stringify(site.categories);
  const blocked: BlockedStudy[] = [];
  for (const study of studies) {
    if (study.status !== 'published' && !drafts) continue;
    const key = publishKey(categories, names, study);
    let hit = remembered.get(study);
    if (hit?.key !== key) {
      const errors =
        memo?.known(study, key) ?? checkStudy(study, { site, names }).filter((f) => f.severity === 'error');
      remembered.set(study, (hit = { key, errors }));
    }
    memo?.checked(study, key, hit.errors);
    if (hit.errors.length === 0) continue;
    const { id, title, slug, status } = study;
    blocked.push({ id, title, slug, status, findings: hit.errors });
  }
  return { studies: blocked };
}

export const studyLabel = (study: { title: string }): string => `"${shownTitle(study.title)}"`;

/** The site settings' conflicts as one sentence for a refusal or `casebook check`. */
export function siteConflictsMessage(places: readonly string[]): string {
  const n = places.length;
  return `The site settings hold ${n} unresolved ${n === 1 ? 'conflict' : 'conflicts'} from a sync (${places.join(', ')}): resolve ${n === 1 ? 'it' : 'them'} in Site settings (Keep mine, Take theirs or Keep both).`;
}

/** A message naming every blocked study and its errors, ending with what to do. */
export function publishErrorsMessage(block: PublishBlock, whatToDo: string): string {
  const n = block.studies.length;
  const site = block.site ?? [];
  const lines = [
    n > 0
      ? `Not exported: ${n} ${n === 1 ? 'study' : 'studies'} that would be published ${n === 1 ? 'has' : 'have'} errors. Nothing was written.`
      : 'Not exported. Nothing was written.',
  ];
  if (site.length > 0) lines.push(siteConflictsMessage(site));
  for (const study of block.studies) {
    lines.push(`${studyLabel(study)} (${study.slug}):`);
    for (const f of study.findings) lines.push(`  - ${f.message}`);
  }
  lines.push(whatToDo);
  return lines.join('\n');
}

/** The refusal: error code publish_errors, the message above, and the block as details. */
export function publishErrorsRefusal(block: PublishBlock): CasebookError {
  const message = publishErrorsMessage(
    block,
    'Fix them, or export anyway (the errors are then published as they are).',
  );
  return new CasebookError('publish_errors', message, block);
}
