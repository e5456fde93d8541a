// Site settings: what the exported site says about itself (casebook.json → site).
import { z } from 'zod';
import { languageTagSchema } from './language-tag';
import { ASSET_SRC_PATTERN } from '../asset-store-limits';
import { storedConflictListSchema } from '../merge/conflict-schema';

/**
 * The newest casebook.json format this app reads. Format 2 is a file holding a conflict list
 * (merge/settings-merge.ts): written only while the list holds something, so a Casebook from
 * before conflicts (format 1, whose save drops keys it does not know) opens such a workspace
 * read-only rather than silently resolving every record; a file without conflicts stays format 1.
 */
export const SCHEMA_VERSION = 2;
/** The format of a casebook.json without conflicts: the one every Casebook reads. */
export const PLAIN_SITE_FORMAT = 1;

/** The format a casebook.json is written in: 2 only while it holds conflicts. */
export const siteFileFormat = (conflicts: readonly unknown[] | undefined): 1 | 2 =>
  conflicts !== undefined && conflicts.length > 0 ? 2 : 1;

/** Most categories a site has. */
export const siteCategoryLimit = 100;

const categoryName = z
  .string()
  .trim()
  .min(1, 'Category name is empty')
  .max(80, 'Category name is longer than 80 characters');

/** Limits of one author entry, read by the schema and the Site settings form. */
export const authorLimits = { name: 80, bio: 1000, url: 500, count: 200 } as const;

export const authorNameSchema = z
  .string()
  .trim()
  .min(1, 'Author name is empty')
  .max(authorLimits.name, `Author name is longer than ${authorLimits.name} characters`);

/**
 * A person who writes case studies: studies name them (study field `authors`), the site gives
 * each a page. `url` is http(s) only; `avatar` is a workspace image (`assets/<sha256>.<ext>`).
 */
export const siteAuthorSchema = z.object({
  name: authorNameSchema,
  bio: z.string().trim().max(authorLimits.bio, `Bio is longer than ${authorLimits.bio} characters`).default(''),
  url: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https?$/, error: 'Author URL must be an http(s) URL' }).max(authorLimits.url),
    ])
    .default(''),
  avatar: z.union([z.literal(''), z.string().regex(ASSET_SRC_PATTERN, 'Avatar must be a workspace image')]).default(''),
});
export type SiteAuthor = z.infer<typeof siteAuthorSchema>;
/** Body fonts the site offers: the reader's own system fonts, or Inter shipped in the site's folder. */
export const siteFonts = ['sans', 'serif', 'inter'] as const;
export type SiteFont = (typeof siteFonts)[number];
export const siteFontLabels: Record<SiteFont, string> = {
  sans: 'System sans-serif',
  serif: 'System serif',
  inter: 'Inter (bundled with the site)',
};

/** A workspace-relative path to a .css file: forward slashes, no `..`, no leading `/` or `.`. */
const CUSTOM_CSS_PATH = /^(?!.*(?:^|\/)\.)[A-Za-z0-9 _\-./]{1,200}\.css$/;

/** Longest text of each one-line (or paragraph) setting: the schema's and "Keep both"'s limit. */
export const siteTextLimits = { title: 120, tagline: 200, description: 2000, author: 120 } as const;

export const siteSettingsSchema = z.object({
  title: z.string().trim().max(siteTextLimits.title, 'Title is longer than 120 characters'),
  tagline: z.string().trim().max(siteTextLimits.tagline, 'Tagline is longer than 200 characters'),
  description: z.string().trim().max(siteTextLimits.description, 'Description is longer than 2000 characters'),
  author: z.string().trim().max(siteTextLimits.author, 'Author is longer than 120 characters'),
  baseUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Base URL must be an http(s) URL' })])
    .default(''),
  language: languageTagSchema.default('en'),
  categories: z
    .array(categoryName)
    .max(siteCategoryLimit)
    .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, {
      message: 'Category names must be unique',
    }),
  // Added after format 1: a casebook.json without it reads as no authors.
  authors: z
    .array(siteAuthorSchema)
    .max(authorLimits.count)
    .refine((list) => new Set(list.map((a) => a.name.toLowerCase())).size === list.length, {
      message: 'Author names must be unique',
    })
    .default([]),
  /** Links and highlights; '' keeps the theme's blue. Adjusted per background for contrast (site-theme-brand.ts). */
  accent: z
    .union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Accent colour must be a hex colour such as #0a58ca')])
    .default(''),
  /** A workspace image (`assets/<sha256>.<ext>`) shown in the header; '' for none. */
  logo: z
    .union([z.literal(''), z.string().regex(ASSET_SRC_PATTERN, 'Logo must be an image stored in the workspace')])
    .default(''),
  font: z.enum(siteFonts).catch('sans').default('sans'),
  /** A .css file inside the workspace appended last to the site's stylesheet; '' for none. */
  customCss: z
    .union([
      z.literal(''),
      z.string().regex(CUSTOM_CSS_PATH, 'Custom CSS must be a .css file inside the workspace, such as theme/site.css'),
    ])
    .default(''),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingKey = keyof SiteSettings;

/** What the author calls each setting: the Site settings form's labels and a conflict's place, declared once. */
export const siteSettingLabels: Record<SiteSettingKey, string> = {
  title: 'Title',
  tagline: 'Tagline',
  description: 'Description',
  author: 'Author',
  baseUrl: 'Base URL',
  language: 'Language',
  categories: 'Categories',
  authors: 'Authors',
  accent: 'Accent colour',
  logo: 'Logo image',
  font: 'Body font',
  customCss: 'Custom CSS file',
};

// Built from the fields without their defaults: `.partial()` alone would fill every field that
// has one (base URL, language, branding) into any patch, so adding a category would reset them.
const patchShape = Object.fromEntries(
  Object.entries(siteSettingsSchema.shape).map(([key, schema]) => [
    key,
    (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
  ]),
) as unknown as {
  [K in keyof typeof siteSettingsSchema.shape]: z.ZodOptional<z.ZodType<z.infer<(typeof siteSettingsSchema.shape)[K]>>>;
};
export const sitePatchSchema = z.object(patchShape).strict();
export type SitePatch = z.infer<typeof sitePatchSchema>;

export const workspaceFileSchema = z.object({
  // A format-1 file with a list (written before format 2 existed) reads too.
  schemaVersion: z.union([z.literal(PLAIN_SITE_FORMAT), z.literal(SCHEMA_VERSION)]),
  site: siteSettingsSchema,
  /**
   * Settings a git merge could not decide (merge/settings-merge.ts), same entries as a study's.
   * Written only when there are some, and then as format 2 (SCHEMA_VERSION); a file without
   * conflicts reads and writes as before, format 1.
   */
  conflicts: storedConflictListSchema.optional(),
});
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

export function defaultSiteSettings(): SiteSettings {
  return {
    title: 'Casebook',
    tagline: 'Real systems. Real decisions. Real outcomes.',
    description:
      'Case studies of production systems: the problem we faced, the decisions we made, the tradeoffs we accepted and what we learned.',
    author: '',
    baseUrl: '',
    language: 'en',
    categories: ['Optimization & Migration Wins', 'Failure Analysis', 'Architecture & Design'],
    authors: [],
    accent: '',
    logo: '',
    font: 'sans',
    customCss: '',
  };
}
