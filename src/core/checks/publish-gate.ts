// The publish gate: an export refuses, by default, while any study it would publish has a
// publish-check error. The refusal carries which studies and which findings, as plain data
// every transport passes on (CasebookError details) and the Export dialog renders.
import { z } from 'zod';
import { CasebookError } from '../errors';
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { findingSchema } from './finding';
import { checkWorkspace } from './workspace-checks';

export const blockedStudySchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(['draft', 'published']),
  /** Its errors only (warnings never block). */
  findings: z.array(findingSchema),
});
export type BlockedStudy = z.infer<typeof blockedStudySchema>;

/** The details of a `publish_errors` refusal. */
export const publishBlockSchema = z.object({ studies: z.array(blockedStudySchema) });
export type PublishBlock = z.infer<typeof publishBlockSchema>;

/** The studies an export would publish (drafts only with `drafts`) that have errors, with them. */
export function publishBlock(site: Pick<SiteSettings, 'categories'>, studies: Study[], drafts: boolean): PublishBlock {
  const check = checkWorkspace(site, studies, { publishedOnly: !drafts });
  return {
    studies: check.studies
      .filter((s) => s.errors > 0)
      .map(({ id, title, slug, status, findings }) => ({
        id,
        title,
        slug,
        status,
        findings: findings.filter((f) => f.severity === 'error'),
      })),
  };
}

export const studyLabel = (study: { title: string }): string => `"${study.title.trim() || 'Untitled'}"`;

/** A message naming every blocked study and its errors, ending with what to do. */
export function publishErrorsMessage(block: PublishBlock, whatToDo: string): string {
  const n = block.studies.length;
  const lines = [
    `Not exported: ${n} ${n === 1 ? 'study' : 'studies'} that would be published ${n === 1 ? 'has' : 'have'} errors. Nothing was written.`,
  ];
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
