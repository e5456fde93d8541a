// Resolving one conflict recorded in casebook.json's site settings (settings-merge.ts), as the
// author chose. Mine: the setting stays, the record goes. Theirs: their value (checked against
// the setting's own rules: the file came through git). Both, what an author would expect:
// - text settings stand together: a title, tagline or author (one line) as "Mine / Theirs",
//   as a study's titles join; the description as two paragraphs;
// - lists unite (categories, authors);
// - a site author edited on both sides: mine, with their bio added after mine and their link
//   or picture filling what mine leaves empty;
// - a setting that holds one value (base URL, language, accent colour, logo, font, custom CSS)
//   cannot hold both: mine is kept and the answer says so (`note`), naming theirs, so nothing
//   is dropped without the author being told.
// A text or a list that would grow past what the setting holds is refused (keep-both.ts).
// Templates: resolve-template-conflict.ts.
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
import type { Conflict, ConflictChoice, ConflictList } from './conflict-schema';
import { printable } from '../sync/conflict-text';
import { byName, joinTexts, unite } from './keep-both';
import { findConflict, notASetting, notValid, oneValueNote, type SettingsResolution } from './settings-resolution';

/** A site author both sides edited: mine, with their bio after mine and their link or picture where mine has none. */
function bothAuthors(mine: SiteAuthor, theirs: SiteAuthor): { author: SiteAuthor; note: string | null } {
  const label = printable(`Authors: ${mine.name} (bio)`);
  const author = {
    ...mine,
    bio:
      mine.bio === theirs.bio
        ? mine.bio
        : joinTexts(mine.bio, theirs.bio, { separator: '\n\n', max: authorLimits.bio, label }),
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
      ? printable(
          `${mine.name}: yours is kept for the ${lost.length === 1 ? 'field that holds' : 'fields that hold'} one value (their ${lost.join(' and ')}).`,
        )
      : null,
  };
}

/** Two lists of authors: one of a name both have joined as bothAuthors joins them, the rest of theirs added. */
function bothAuthorLists(mine: SiteAuthor[], theirs: SiteAuthor[], label: string) {
  const notes: string[] = [];
  const joined = mine.map((author) => {
    const same = theirs.find((other) => byName(other.name) === byName(author.name));
    if (!same) return author;
    const both = bothAuthors(author, same);
    if (both.note) notes.push(both.note);
    return both.author;
  });
  const authors = unite(joined, theirs, { max: authorLimits.count, label, key: (a) => byName(a.name) });
  return { patch: { authors }, note: notes.length > 0 ? notes.join(' ') : null };
}

function resolveSiteAuthor(site: SiteSettings, conflict: Conflict, name: string, choice: ConflictChoice) {
  const at = site.authors.findIndex((a) => byName(a.name) === byName(name));
  const authors = [...site.authors];
  let note: string | null = null;
  const parsed = conflict.theirs === null ? null : siteAuthorSchema.safeParse(conflict.theirs);
  if (parsed && !parsed.success) throw notValid(printable(`Authors: ${name}`));
  const theirs = parsed?.data ?? null;
  // The record names one author: a value of theirs naming another is not that author's.
  if (theirs && byName(theirs.name) !== byName(name)) throw notValid(printable(`Authors: ${name}`));
  if (theirs === null) {
    // They removed the author: Take theirs removes mine too; Keep both keeps it.
    if (choice === 'theirs' && at >= 0) authors.splice(at, 1);
  } else if (at < 0) {
    // One mine lacks is added, whichever of the two: within the list's limit.
    return {
      patch: { authors: unite(authors, [theirs], { max: authorLimits.count, label: siteSettingLabels.authors }) },
      note,
    };
  } else if (choice === 'theirs') authors[at] = theirs;
  else ({ author: authors[at]!, note } = bothAuthors(authors[at]!, theirs));
  return { patch: { authors }, note };
}

/** Both of one setting where they can stand together; a note naming theirs where they cannot. */
function bothSettings<K extends keyof SiteSettings>(
  site: SiteSettings,
  key: K,
  theirs: SiteSettings[K],
  label: string,
): { patch: Partial<SiteSettings>; note: string | null } {
  if (key === 'description')
    return {
      patch: {
        description: joinTexts(site.description, theirs as string, {
          separator: '\n\n',
          max: siteTextLimits.description,
          label,
        }),
      },
      note: null,
    };
  if (key === 'title' || key === 'tagline' || key === 'author') {
    const max = siteTextLimits[key as 'title'];
    return {
      patch: { [key]: joinTexts(site[key] as string, theirs as string, { separator: ' / ', max, label }) },
      note: null,
    };
  }
  if (key === 'categories')
    return {
      patch: { categories: unite(site.categories, theirs as string[], { max: siteCategoryLimit, label, key: byName }) },
      note: null,
    };
  if (key === 'authors') return bothAuthorLists(site.authors, theirs as SiteAuthor[], label);
  return { patch: {}, note: oneValueNote(label, theirs) };
}

/** casebook.json's site settings and conflicts after resolving `conflictId` with `choice`. */
export function resolveSiteConflict(
  site: SiteSettings,
  conflicts: ConflictList,
  conflictId: string,
  choice: ConflictChoice,
): SettingsResolution<SiteSettings> {
  const conflict = findConflict(conflicts, conflictId, 'site settings');
  const rest = conflicts.filter((c) => c.id !== conflictId);
  if (choice === 'mine') return { value: site, conflicts: rest, note: null };
  if (conflict.where.kind !== 'field') throw notASetting('the site settings do');
  const { field, item } = conflict.where;
  if (!Object.hasOwn(siteSettingLabels, field))
    throw new CasebookError('invalid_input', `"${printable(field)}" is not a setting this Casebook knows; keep yours.`);
  const key = field as keyof SiteSettings;
  const label = siteSettingLabels[key];
  let resolved: { patch: Partial<SiteSettings>; note: string | null };
  if (key === 'authors' && item !== undefined) resolved = resolveSiteAuthor(site, conflict, item, choice);
  else {
    const parsed = siteSettingsSchema.shape[key].safeParse(conflict.theirs);
    if (!parsed.success) throw notValid(label);
    const theirs = parsed.data as SiteSettings[typeof key];
    resolved = choice === 'theirs' ? { patch: { [key]: theirs }, note: null } : bothSettings(site, key, theirs, label);
  }
  const next = siteSettingsSchema.safeParse({ ...site, ...resolved.patch });
  if (!next.success) throw notValid(label);
  return { value: next.data, conflicts: rest, note: resolved.note };
}
