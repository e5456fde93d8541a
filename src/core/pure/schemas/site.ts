// Site settings: what the exported site says about itself (casebook.json → site).
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const categoryName = z
  .string()
  .trim()
  .min(1, 'Category name is empty')
  .max(80, 'Category name is longer than 80 characters');

export const siteSettingsSchema = z.object({
  title: z.string().trim().max(120, 'Title is longer than 120 characters'),
  tagline: z.string().trim().max(200, 'Tagline is longer than 200 characters'),
  description: z.string().trim().max(2000, 'Description is longer than 2000 characters'),
  author: z.string().trim().max(120, 'Author is longer than 120 characters'),
  baseUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Base URL must be an http(s) URL' })])
    .default(''),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Language must be a BCP 47 tag such as en or pt-BR')
    .default('en'),
  categories: z
    .array(categoryName)
    .max(100)
    .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, {
      message: 'Category names must be unique',
    }),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const sitePatchSchema = siteSettingsSchema.partial().strict();
export type SitePatch = z.infer<typeof sitePatchSchema>;

export const workspaceFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  site: siteSettingsSchema,
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
  };
}
