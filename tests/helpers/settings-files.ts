// casebook.json texts and site authors as the settings-merge tests build them.
import { serializeJson } from '../../src/core/pure/json-text';
import { defaultSiteSettings, workspaceFileSchema, type SiteAuthor } from '../../src/core/pure/schemas/site';

/** A workspace file of the default settings with `patch` applied (and `extra` beside the site). */
export const siteFile = (patch: object, extra: object = {}): string =>
  serializeJson(workspaceFileSchema, { schemaVersion: 1, site: { ...defaultSiteSettings(), ...patch }, ...extra });

/** An author with every optional field empty unless `patch` sets it. */
export const siteAuthor = (name: string, patch: Partial<SiteAuthor> = {}): SiteAuthor => ({
  name,
  bio: '',
  url: '',
  avatar: '',
  ...patch,
});
