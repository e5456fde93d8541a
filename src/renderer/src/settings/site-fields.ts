// The site settings a person edits as text, their labels (declared with the schema), and the checks the core applies
// (the same zod schema), so a mistake shows beside its field before anything is sent.
import {
  siteSettingLabels,
  siteSettingsSchema,
  type SitePatch,
  type SiteSettings,
} from '../../../core/pure/schemas/site';

export type SiteTextField = 'title' | 'tagline' | 'description' | 'author' | 'baseUrl' | 'language';

export const siteTextFields: { key: SiteTextField; label: string; hint?: string; multiline?: boolean }[] = [
  { key: 'title', label: siteSettingLabels.title, hint: 'The site name, in the header and the page title.' },
  { key: 'tagline', label: siteSettingLabels.tagline, hint: 'The headline of the index page.' },
  {
    key: 'description',
    label: siteSettingLabels.description,
    hint: 'The paragraph under the headline.',
    multiline: true,
  },
  { key: 'author', label: siteSettingLabels.author },
  {
    key: 'baseUrl',
    label: siteSettingLabels.baseUrl,
    hint: 'Where the site will live, e.g. https://example.com/cases/ (for the feed and sitemap).',
  },
  { key: 'language', label: siteSettingLabels.language, hint: 'A language tag such as en or pt-BR.' },
];

export type SiteText = Pick<SiteSettings, SiteTextField>;

export function siteText(site: SiteSettings): SiteText {
  return {
    title: site.title,
    tagline: site.tagline,
    description: site.description,
    author: site.author,
    baseUrl: site.baseUrl,
    language: site.language,
  };
}

/** What the form would change, and the problem with each field that is not valid. */
export function validateSiteText(text: SiteText): { patch: SitePatch; errors: Partial<Record<SiteTextField, string>> } {
  const errors: Partial<Record<SiteTextField, string>> = {};
  const patch: SitePatch = {};
  for (const { key } of siteTextFields) {
    const result = siteSettingsSchema.shape[key].safeParse(text[key].trim());
    if (result.success) patch[key] = result.data;
    else errors[key] = result.error.issues[0]?.message ?? 'Not valid';
  }
  return { patch, errors };
}
