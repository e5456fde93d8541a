// Resolving one conflict recorded in casebook.json or a template (settings-merge.ts), as the
// author chose. Mine: the setting stays, the record goes. Theirs: their value (checked against
// the setting's own rules: the file came through git). Both, what an author would expect:
// - text settings stand together: a title, tagline or author (one line) as "Mine / Theirs",
//   as a study's titles join; a description or a template's section as two paragraphs;
// - lists unite (categories, tags, key results);
// - a site author edited on both sides: mine, with their bio added after mine and their link
//   or picture filling what mine leaves empty;
// - a setting that holds one value (base URL, language, accent colour, logo, font, custom CSS,
//   a template's outcome) cannot hold both: mine is kept and the answer says so (`note`),
//   naming theirs, so nothing is dropped without the author being told.
import { CasebookError } from '../errors';
import {
  authorLimits,
  siteAuthorSchema,
  siteCategoryLimit,
  siteSettingLabels,
  siteSettingsSchema,
  siteTextLimits,
  type SiteAuthor,
  type SiteSettings,
} from '../schemas/site';
import type { RichTextDoc } from '../schemas/rich-text';
import { metricLimits } from '../schemas/metrics';
import { templateFileSchema, templateKeyLabels, templateLimits } from '../templates/template-schema';
import type { Conflict, ConflictChoice, ConflictList } from './conflict-schema';
import { conflictValueText, printable } from '../sync/conflict-text';
import { seededBlockId, withBlockIds } from '../rich-text/block-ids';
import { canonicalJson } from './json-merge';
import { byName, unite } from './unite';

type Json = Record<string, unknown>;

export interface SettingsResolution<T> {
  value: T;
  conflicts: ConflictList;
  /** What "Keep both" could not keep (a one-value setting): shown to the author. */
  note: string | null;
}

function find(conflicts: ConflictList, id: string, where: string): Conflict {
  const conflict = conflicts.find((c) => c.id === id);
  if (!conflict)
    throw new CasebookError(
      'not_found',
      `That conflict is no longer in the ${where} (it may have been resolved already).`,
    );
  return conflict;
}

const notValid = (label: string) =>
  new CasebookError('invalid_input', `Their value of "${label}" is not valid any more; keep yours instead.`);

/**
 * A record naming a section's block: a study's kind of conflict, never one a settings merge
 * makes (the file came through git). There is no value of theirs to take or keep here.
 */
const notASetting = (file: 'site settings' | 'template') =>
  new CasebookError(
    'invalid_input',
    `That conflict names a block of a study's section, which ${file === 'template' ? 'a template does' : 'the site settings do'} not have, so there is nothing of theirs to take or keep: choose Keep mine to clear it.`,
  );

const joined = (mine: string, theirs: string, separator: string, max: number) =>
  mine === '' ? theirs.slice(0, max) : theirs === '' ? mine : `${mine}${separator}${theirs}`.slice(0, max);

const oneValueNote = (label: string, theirs: unknown) =>
  printable(`${label} holds one value: yours is kept. Theirs was ${conflictValueText(theirs)}.`);

/** A site author both sides edited: mine, with their bio after mine and their link or picture where mine has none. */
function bothAuthors(mine: SiteAuthor, theirs: SiteAuthor): { author: SiteAuthor; note: string | null } {
  const author = {
    ...mine,
    bio: mine.bio === theirs.bio ? mine.bio : joined(mine.bio, theirs.bio, '\n\n', 1000),
    url: mine.url || theirs.url,
    avatar: mine.avatar || theirs.avatar,
  };
  const lost = [
    ...(author.url !== theirs.url && theirs.url ? [`link ${theirs.url}`] : []),
    ...(author.avatar !== theirs.avatar && theirs.avatar ? ['picture'] : []),
  ];
  return {
    author,
    note: lost.length
      ? `${printable(mine.name)}: yours is kept for the ${lost.length === 1 ? 'field that holds' : 'fields that hold'} one value (their ${lost.join(' and ')}).`
      : null,
  };
}

function resolveSiteAuthor(site: SiteSettings, conflict: Conflict, name: string, choice: ConflictChoice) {
  const at = site.authors.findIndex((a) => a.name.toLowerCase() === name.toLowerCase());
  const authors = [...site.authors];
  let note: string | null = null;
  const parsed = conflict.theirs === null ? null : siteAuthorSchema.safeParse(conflict.theirs);
  if (parsed && !parsed.success) throw notValid(printable(`Authors: ${name}`));
  const theirs = parsed?.data ?? null;
  if (choice === 'theirs') {
    if (theirs === null) {
      if (at >= 0) authors.splice(at, 1);
    } else if (at >= 0) authors[at] = theirs;
    else authors.push(theirs);
  } else if (theirs !== null) {
    if (at < 0) authors.push(theirs);
    else ({ author: authors[at]!, note } = bothAuthors(authors[at]!, theirs));
  }
  return { patch: { authors }, note };
}

/** casebook.json's site settings and conflicts after resolving `conflictId` with `choice`. */
export function resolveSiteConflict(
  site: SiteSettings,
  conflicts: ConflictList,
  conflictId: string,
  choice: ConflictChoice,
): SettingsResolution<SiteSettings> {
  const conflict = find(conflicts, conflictId, 'site settings');
  const rest = conflicts.filter((c) => c.id !== conflictId);
  if (choice === 'mine') return { value: site, conflicts: rest, note: null };
  if (conflict.where.kind !== 'field') throw notASetting('site settings');
  const { field, item } = conflict.where;
  if (!Object.hasOwn(siteSettingLabels, field))
    throw new CasebookError('invalid_input', `"${printable(field)}" is not a setting this Casebook knows; keep yours.`);
  const key = field as keyof SiteSettings;
  const label = siteSettingLabels[key];
  let patch: Partial<SiteSettings>;
  let note: string | null = null;
  if (key === 'authors' && item !== undefined) ({ patch, note } = resolveSiteAuthor(site, conflict, item, choice));
  else {
    const parsed = siteSettingsSchema.shape[key].safeParse(conflict.theirs);
    if (!parsed.success) throw notValid(label);
    const theirs = parsed.data as SiteSettings[typeof key];
    if (choice === 'theirs') patch = { [key]: theirs };
    else if (key === 'description')
      patch = { description: joined(site.description, theirs as string, '\n\n', siteTextLimits.description) };
    else if (key === 'title' || key === 'tagline' || key === 'author')
      patch = { [key]: joined(site[key], theirs as string, ' / ', siteTextLimits[key]) };
    else if (key === 'categories')
      patch = {
        categories: unite(site.categories, theirs as string[], { max: siteCategoryLimit, label, key: byName }),
      };
    else if (key === 'authors')
      patch = {
        authors: unite(site.authors, theirs as SiteAuthor[], {
          max: authorLimits.count,
          label,
          key: (a) => byName(a.name),
        }),
      };
    else {
      patch = {};
      note = oneValueNote(label, theirs);
    }
  }
  const next = siteSettingsSchema.safeParse({ ...site, ...patch });
  if (!next.success) throw notValid(label);
  return { value: next.data, conflicts: rest, note };
}

const templateTextKeys = new Set(['name', 'description', 'summaryPrompt']);

const isDoc = (value: unknown): value is RichTextDoc =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';

/** Both versions of a template's value, where they can stand together; null for a one-value key. */
function bothTemplateValues(key: string, mine: unknown, theirs: unknown): { value: unknown } | null {
  if (key === 'sections') {
    if (typeof mine === 'string' && typeof theirs === 'string')
      return { value: joined(mine, theirs, '\n\n', templateLimits.section) };
    if (isDoc(mine) && isDoc(theirs)) {
      // Their blocks after mine; a block id both share (one base) gets a new id on the second copy.
      const doc = { ...mine, content: [...(mine.content ?? []), ...(theirs.content ?? [])] };
      return { value: withBlockIds(doc, (path, copied) => seededBlockId(`${copied ?? ''}:${path}`)) };
    }
    return null;
  }
  // Text a person wrote joins; the outcome is a string too, but one of four values.
  const textLimit = templateTextKeys.has(key) ? templateLimits[key as 'name'] : undefined;
  if (textLimit !== undefined && typeof mine === 'string' && typeof theirs === 'string')
    return { value: joined(mine, theirs, ' / ', textLimit) };
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const label = templateKeyLabels.get(key) ?? key;
    if (key === 'metrics')
      return {
        value: unite(mine, theirs, {
          max: metricLimits.metrics,
          label,
          key: (m) => byName((m as { label?: unknown }).label),
        }),
      };
    if (key === 'tags' || key === 'categories')
      return { value: unite(mine, theirs, { max: templateLimits[key], label, key: byName }) };
  }
  return null;
}

/** A template file (its keys as written) after resolving `conflictId` with `choice`. */
export function resolveTemplateConflict(
  file: Json,
  conflictId: string,
  choice: ConflictChoice,
): SettingsResolution<Json> {
  const listed = templateFileSchema.shape.conflicts.safeParse(file.conflicts);
  const conflicts = listed.success ? (listed.data ?? []) : [];
  const conflict = find(conflicts, conflictId, 'template');
  const rest = conflicts.filter((c) => c.id !== conflictId);
  const withList = (value: Json): Json => {
    const { conflicts: _old, ...others } = value;
    return rest.length > 0 ? { ...others, conflicts: rest } : others;
  };
  if (choice === 'mine') return { value: withList(file), conflicts: rest, note: null };
  if (conflict.where.kind !== 'field') throw notASetting('template');
  const { field, item } = conflict.where;
  const label = printable((templateKeyLabels.get(field) ?? field) + (item ? `: ${item}` : ''));
  if (!templateKeyLabels.has(field) || field === 'conflicts')
    throw new CasebookError(
      'invalid_input',
      `"${printable(field)}" is not a template key this Casebook knows; keep yours.`,
    );
  const current = Object.hasOwn(file, field) ? file[field] : undefined;
  const parts = (field === 'sections' && typeof current === 'object' && current !== null ? current : {}) as Json;
  const mine = item === undefined ? current : Object.hasOwn(parts, item) ? parts[item] : undefined;
  let value: unknown = conflict.theirs;
  let note: string | null = null;
  // Keep both where mine has nothing (the key left out) is theirs: there is nothing to keep beside it.
  if (choice === 'both' && mine !== undefined) {
    const both = bothTemplateValues(field, mine, conflict.theirs);
    if (both) value = both.value;
    else {
      value = mine;
      note = oneValueNote(label, conflict.theirs);
    }
  }
  const next: Json =
    item === undefined ? { ...file, [field]: value } : { ...file, [field]: { ...parts, [item]: value } };
  if (!templateFileSchema.safeParse(next).success) throw notValid(label);
  return { value: withList(next), conflicts: rest, note };
}

/**
 * The version a settings file's conflicts were read at (the renderer sends it back, so a
 * resolve over settings changed meanwhile is refused, like a save's compare-and-swap).
 */
export const settingsVersion = (value: unknown): string => seededBlockId(canonicalJson(value));
