// The study's fields besides its rich-text sections: ONE table, and everything else about a
// field is derived from its entry — the study schema and its key order on disk, the summary
// (what lists and the summary cache hold), the author's patch, create() defaults, the
// migration of older files, front matter export and import, the site page memo key, the
// form's labels and limits. Adding a per-study field is one entry here (with `since` set to
// the next format number, so older files are upgraded, not quarantined), one control in
// renderer/src/study/metadata-controls.tsx, and its rendering where it shows. Order matters:
// it is the order of keys in study files and of lines in front matter (design.md). A
// structured field is an entry like the others (`yamlField(key, schema, omit)` for its front
// matter; key results read entry by entry, see metrics.ts).
import { z } from 'zod';
import { PlainToken, type FrontMatterCodec } from '../markdown/front-matter-codec';
import { conflictListSchema, type ConflictList } from '../merge/conflict-schema';
import { coverFrontMatter, coverSchema } from './cover';
import { languageTagSchema } from './language-tag';
import { metricsFrontMatter, metricsSchema } from './metrics';
import { isWindowsDeviceName, windowsDeviceNameMessage } from './windows-names';

export const studyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Study id must be 1–64 lowercase letters, digits or dashes')
  .refine((id) => !isWindowsDeviceName(id), windowsDeviceNameMessage('Study id'));

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Slug may hold only lowercase letters, digits and single dashes')
  .max(80, 'Slug is longer than 80 characters')
  .refine((slug) => !isWindowsDeviceName(slug), windowsDeviceNameMessage('Slug'));

export const isoDateSchema = z.iso.date({ error: 'Date must be a real date written YYYY-MM-DD' });
const isoDateTimeSchema = z.iso.datetime();

export const statusSchema = z.enum(['draft', 'published']);
export type Status = z.infer<typeof statusSchema>;
export const statusLabels: Record<Status, string> = { draft: 'Draft', published: 'Published' };

export const outcomeSchema = z.enum(['succeeded', 'failed', 'mixed', 'ongoing']);
export type Outcome = z.infer<typeof outcomeSchema>;
/** How an outcome is named wherever a person reads it (form, filters, templates, the site). */
export const outcomeLabels: Record<Outcome, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  mixed: 'Mixed',
  ongoing: 'Ongoing',
};

/** What a study without a title (or with only spaces) is called wherever it is named. */
export const UNTITLED = 'Untitled';
export const shownTitle = (title: string): string => title.trim() || UNTITLED;

/** Length limits, read by the schema and by the form's inputs (maxLength). */
export const limits = {
  title: 300,
  summary: 1000,
  name: 80, // one tag or category
  categories: 50,
  tags: 100,
  authors: 20,
} as const;

const longerThan = (label: string, max: number) => `${label} is longer than ${max} characters`;
const nameList = (max: number) => z.array(z.string().trim().min(1).max(limits.name)).max(max);

/** What a field's default may depend on: the id, slug and time the store chose. */
export interface NewStudyContext {
  id: string;
  slug: string;
  now: string;
}

type Owner = 'author' | 'store';

/**
 * How a three-way merge (merge/study-merge.ts) treats the field: `value` (the default) takes
 * the side that changed it, and records a conflict when both changed it differently; `set`
 * merges a list of names as a set (one adds a tag, the other removes another: both kept);
 * `ours` keeps our value; `earlier` and `later` take the earlier or later time; `derived` is
 * computed from the result; `conflicts` unites the two conflict lists.
 */
export type FieldMerge = 'value' | 'set' | 'ours' | 'earlier' | 'later' | 'derived' | 'conflicts';

export interface StudyField<T, InSummary extends boolean = boolean, By extends Owner = Owner> {
  /** The rules a stored value must meet. */
  schema: z.ZodType<T>;
  /** `store`: set by the store (id, timestamps), never by an author's patch. */
  owner: By;
  /** In the summary: what the library lists and the summary cache keeps. Summary fields are
   * stored before the sections, so a file's head holds them (study-head.ts). */
  summary: InSummary;
  /** The study file format that added the field; files of an older format get `initial`. */
  since: number;
  /** The value of a new study (or an upgraded older file) that does not give one. */
  initial(context: NewStudyContext): NoInfer<T>;
  /** Front matter in the Markdown export and import; null: not in Markdown. */
  frontMatter: FrontMatterCodec<NoInfer<T>> | null;
  /** How a merge treats it; `value` when not given. */
  merge?: FieldMerge;
}

function field<T, InSummary extends boolean, By extends Owner>(
  spec: StudyField<T, InSummary, By>,
): StudyField<T, InSummary, By> {
  return spec;
}

/** Front matter `key` holding text, written quoted. */
const textIn = (key: string): FrontMatterCodec<string> => ({
  write: (value) => [[key, value]],
  read: (input) => input.text(key),
});
const namesIn = (key: string): FrontMatterCodec<string[]> => ({
  write: (value) => [[key, value]],
  read: (input) => input.names(key),
});
/** Casebook's own keys (id, timestamps): a bad one is ignored with a warning, not fatal. */
const ownKey = (key: string, schema: z.ZodType<string>, what: string): FrontMatterCodec<string> => ({
  write: (value) => [[key, value]],
  read: (input) => {
    const value = input.text(key);
    if (value === undefined || schema.safeParse(value).success) return value;
    input.warn(`"${key}" "${value}" is not ${what}; it was ignored.`);
    return undefined;
  },
});

export const studyFields = {
  title: field({
    schema: z.string().max(limits.title, longerThan('Title', limits.title)),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => '',
    frontMatter: textIn('title'),
  }),
  summary: field({
    schema: z.string().max(limits.summary, longerThan('Summary', limits.summary)),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => '',
    // `description` is what Hugo and Eleventy themes call it.
    frontMatter: {
      write: (value) => [['summary', value]],
      read: (input) => input.text('summary') ?? input.text('description'),
    },
  }),
  date: field({
    schema: isoDateSchema.nullable(),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => null,
    frontMatter: {
      // A plain (validated) token, unquoted so every generator reads it as a date.
      write: (value) => (value ? [['date', new PlainToken(value)]] : []),
      read: (input) => {
        const date = input.text('date');
        if (date === undefined) return undefined;
        const day = date.slice(0, 10); // a date-time keeps its date
        if (!isoDateSchema.safeParse(day).success)
          input.fail('date', `"date" must be a date written YYYY-MM-DD, not "${date}".`);
        return day;
      },
    },
  }),
  slug: field({
    schema: slugSchema,
    owner: 'author',
    summary: true,
    since: 1,
    initial: (chosen) => chosen.slug,
    frontMatter: {
      write: (value) => [['slug', value]],
      read: (input) => {
        const slug = input.text('slug');
        if (slug === undefined || slug === '') return undefined;
        const safe = slugSchema.safeParse(slug).success ? slug : input.slugFromTitle(slug);
        if (safe !== slug) input.warn(`The slug "${slug}" was not URL-safe; "${safe}" is used instead.`);
        return safe;
      },
    },
  }),
  categories: field({
    schema: nameList(limits.categories),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => [],
    frontMatter: namesIn('categories'),
    merge: 'set',
  }),
  tags: field({
    schema: nameList(limits.tags),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => [],
    frontMatter: namesIn('tags'),
    merge: 'set',
  }),
  // Names of site authors (site.ts `authors`), format 3. Not in the summary: the library does
  // not list them, and the site's listings read whole studies or the export's stand-ins.
  authors: field({
    schema: nameList(limits.authors),
    owner: 'author',
    summary: false,
    since: 3,
    initial: () => [],
    // Written only when the study names someone, so a study without authors exports as before.
    frontMatter: {
      write: (value) => (value.length ? [['authors', value]] : []),
      read: (input) => input.names('authors'),
    },
    merge: 'set',
  }),
  featured: field({
    schema: z.boolean(),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => false,
    frontMatter: { write: (value) => [['featured', value]], read: (input) => input.bool('featured') },
  }),
  outcome: field({
    schema: outcomeSchema.nullable(),
    owner: 'author',
    summary: true,
    since: 1,
    initial: () => null,
    frontMatter: {
      write: (value) => (value ? [['outcome', new PlainToken(value)]] : []),
      read: (input) => {
        const outcome = input.text('outcome');
        if (outcome === undefined) return undefined;
        const parsed = outcomeSchema.safeParse(outcome.toLowerCase());
        if (parsed.success) return parsed.data;
        return input.fail('outcome', `"outcome" must be one of ${outcomeSchema.options.join(', ')}, not "${outcome}".`);
      },
    },
  }),
  status: field({
    schema: statusSchema,
    owner: 'author',
    summary: true,
    since: 1,
    initial: (): Status => 'draft',
    // Hugo's `draft`; a file without it is published, as Hugo reads it.
    frontMatter: {
      write: (value) => [['draft', value === 'draft']],
      read: (input) => (input.bool('draft') ? 'draft' : 'published'),
    },
  }),
  // Key results (format 2). Not in the summary: the site's listings read whole studies (or an
  // incremental export's stand-ins, which hold every field), and the library does not show
  // them, so the summary cache and the file head (study-head.ts) stay as small as before.
  metrics: field({
    schema: metricsSchema,
    owner: 'author',
    summary: false,
    since: 2,
    initial: () => [],
    frontMatter: metricsFrontMatter,
  }),
  // Cover image (format 3), not in the summary for the same reason as key results.
  cover: field({
    schema: coverSchema,
    owner: 'author',
    summary: false,
    since: 3,
    initial: () => null,
    frontMatter: coverFrontMatter,
  }),
  // The language the study is written in (format 4), null for the site's: its page and the
  // editors say so (lang, spellcheck). Not in the summary, like the cover.
  language: field({
    schema: languageTagSchema.nullable(),
    owner: 'author',
    summary: false,
    since: 4,
    initial: () => null,
    // Written only when set, so a study in the site's language exports as before.
    frontMatter: {
      write: (value) => (value ? [['language', value]] : []),
      read: (input) => {
        const value = input.text('language');
        if (value === undefined || value === '') return undefined;
        if (languageTagSchema.safeParse(value).success) return value;
        input.warn(`"language" "${value}" is not a language tag such as en or pt-BR; the site's language is used.`);
        return undefined;
      },
    },
  }),
  id: field({
    schema: studyIdSchema,
    owner: 'store',
    summary: true,
    since: 1,
    initial: (chosen) => chosen.id,
    frontMatter: ownKey('casebook_id', studyIdSchema, 'a Casebook id'),
    merge: 'ours',
  }),
  createdAt: field({
    schema: isoDateTimeSchema,
    owner: 'store',
    summary: true,
    since: 1,
    initial: (chosen) => chosen.now,
    frontMatter: ownKey('created', isoDateTimeSchema, 'an ISO date-time'),
    merge: 'earlier',
  }),
  updatedAt: field({
    schema: isoDateTimeSchema,
    owner: 'store',
    summary: true,
    since: 1,
    initial: (chosen) => chosen.now,
    frontMatter: ownKey('updated', isoDateTimeSchema, 'an ISO date-time'),
    merge: 'later',
  }),
  // How many conflicts a merge kept for the author (format 5): the length of `conflicts`,
  // kept in the summary so the library flags the study from the file's head, which the list
  // itself (blocks and values, possibly large) must not bloat. Written by the store and the
  // merge with the list (merge/conflict-list.ts), never by an author's patch.
  conflictCount: field({
    schema: z.number().int().min(0),
    owner: 'store',
    summary: true,
    since: 5,
    initial: () => 0,
    frontMatter: null,
    merge: 'derived',
  }),
  // What a merge could not decide (format 5, merge/conflict-schema.ts): the other side's value
  // of a field or block changed differently on both sides. Not exported: it is the author's to resolve.
  conflicts: field({
    schema: conflictListSchema,
    owner: 'store',
    summary: false,
    since: 5,
    initial: (): ConflictList => [],
    frontMatter: null,
    merge: 'conflicts',
  }),
};

export type StudyFields = typeof studyFields;
export type FieldKey = keyof StudyFields;
export type FieldValue<K extends FieldKey> = StudyFields[K] extends StudyField<infer T> ? T : never;
export type SummaryKey = { [K in FieldKey]: StudyFields[K]['summary'] extends true ? K : never }[FieldKey];
export type StoreKey = { [K in FieldKey]: StudyFields[K]['owner'] extends 'store' ? K : never }[FieldKey];

/** The table's keys in order. */
export const fieldKeys = Object.keys(studyFields) as FieldKey[];
export const summaryKeys = fieldKeys.filter((key) => studyFields[key].summary) as SummaryKey[];

/** The study file format this app writes: the newest `since` in the table. */
export const STUDY_FORMAT = Math.max(...fieldKeys.map((key) => studyFields[key].since));
