// Publish readiness of one study: every rule a reader or the exported site would trip over.
// Severities: "error" means the published page would be broken or misleading (no summary, an
// empty section, a dangerous link, a slug clash); "warning" means it would be weaker.
import { docToPlainText } from '../schemas/rich-text';
import type { SiteSettings } from '../schemas/site';
import { sectionKeys, sectionLabels, type Study } from '../schemas/study';
import { docFindings } from './doc-findings';
import type { Finding } from './finding';
import type { StudyNames } from './study-names';
import { metricPromptFindings, promptFindings, TemplatePrompts } from './template-prompts';

export const MAX_SUMMARY_LENGTH = 200;

export interface CheckContext {
  site: Pick<SiteSettings, 'categories'>;
  /** Every study in the workspace (this one included), to find duplicate titles and slugs. */
  names: StudyNames;
  /** Prompts of the workspace's templates; the built-ins' are always recognised. */
  prompts?: TemplatePrompts;
}

function hasContent(doc: Study['problem']): boolean {
  if (docToPlainText(doc).trim() !== '') return true;
  // A section holding only a picture or a rule is not empty.
  const visit = (node: { type: string; content?: { type: string }[] }): boolean =>
    node.type === 'image' || node.type === 'horizontalRule' || (node.content ?? []).some(visit);
  return visit(doc);
}

export function checkStudy(study: Study, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const add = (
    rule: string,
    severity: Finding['severity'],
    field: Finding['field'],
    message: string,
    key = '',
  ): void => {
    findings.push({ id: key ? `${rule}:${key}` : rule, rule, severity, message, field });
  };

  // A merge kept two versions of something here: publishing would pick one without the author.
  const conflicts = study.conflicts.length;
  if (conflicts > 0)
    add(
      'conflicts-unresolved',
      'error',
      'conflicts',
      `Resolve ${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}: a merge kept two versions (Keep mine, Take theirs or Keep both).`,
    );

  if (!study.title.trim()) add('title-missing', 'error', 'title', 'The study has no title.');

  const summary = study.summary.trim();
  if (!summary)
    add('summary-missing', 'error', 'summary', 'Add a one-line summary: the index shows it under the title.');
  else if (summary.length > MAX_SUMMARY_LENGTH)
    add(
      'summary-long',
      'warning',
      'summary',
      `The summary is ${summary.length} characters; keep it under ${MAX_SUMMARY_LENGTH} so it fits on one line of the index.`,
    );

  if (study.categories.length === 0)
    add(
      'category-missing',
      'warning',
      'categories',
      'Pick a category: without one the study appears in no section of the index.',
    );
  const known = new Set(context.site.categories.map((c) => c.toLowerCase()));
  for (const category of study.categories) {
    if (!known.has(category.toLowerCase()))
      add(
        'category-unknown',
        'warning',
        'categories',
        `"${category}" is not one of the site's categories, so no index section lists it; add it in Site settings or pick another.`,
        category,
      );
  }

  if (study.date === null) {
    const published = study.status === 'published';
    add(
      'date-missing',
      published ? 'error' : 'warning',
      'date',
      published
        ? 'This published study has no date: the index and feed order studies by it.'
        : 'Set a publication date before publishing: the index and feed order studies by it.',
    );
  }

  // The cover is the first thing on the page and the card image shared with the link.
  if (study.cover && !study.cover.alt.trim())
    add(
      'cover-alt-missing',
      'error',
      'cover',
      'Describe the cover image: screen readers and shared links read its alt text.',
    );

  findings.push(...metricPromptFindings(study.metrics, context.prompts ?? TemplatePrompts.builtIn()));

  for (const key of sectionKeys) {
    if (!hasContent(study[key])) add('section-empty', 'error', key, `The ${sectionLabels[key]} section is empty.`, key);
    findings.push(...promptFindings(study[key], key, context.prompts ?? TemplatePrompts.builtIn()));
    findings.push(...docFindings(study[key], key));
  }

  const sameTitle = context.names.othersWithTitle(study);
  if (sameTitle > 0)
    add(
      'title-duplicate',
      'warning',
      'title',
      `${sameTitle === 1 ? 'Another study has' : `${sameTitle} other studies have`} the same title; readers will not tell them apart.`,
    );
  if (context.names.othersWithSlug(study) > 0)
    add(
      'slug-duplicate',
      'error',
      'slug',
      `Another study uses the address "${study.slug}"; the exported pages would overwrite each other. Change one of the slugs.`,
    );

  return findings;
}
