// The three-way merge of one workspace file, for git: `casebook merge-driver` (src/cli) and
// the git engine's mergeDriver call this with the three versions' text. Studies merge by field
// and block (study-merge.ts), casebook.json and templates setting by setting (settings-merge.ts);
// each records what both sides changed differently in its own conflict list. The
// result is the file's text exactly as Casebook writes it, never with conflict markers.
// Every input is hostile (any bytes a repository holds): one that does not parse as its
// format (or is from a newer Casebook) is not merged: ours is kept byte for byte and the
// merge reports a conflict (theirs stays in the repository's history).
import type { z } from 'zod';
import { serializeJson } from '../json-text';
import { siteFileFormat, workspaceFileSchema } from '../schemas/site';
import { STUDY_FORMAT } from '../schemas/study-fields';
import { studyFileSchema } from '../schemas/study-migrations';
import { templateFileSchema } from '../templates/template-schema';
import { conflictListAfterMerge } from './conflict-list';
import { readConflictList, type Conflict, type ConflictList } from './conflict-schema';
import { sameJson } from './json-merge';
import { mergeSettings, siteMergeRules, templateMergeRules } from './settings-merge';
import { alignedWith, mergeStudies, withSeededIds, type MergeOptions } from './study-merge';
import { workspaceFileKind } from './workspace-file-kind';

export { workspaceFileKind, type WorkspaceFileKind } from './workspace-file-kind';

export interface FileMerge {
  /** The merged file's bytes (UTF-8 text). */
  text: string;
  /** How many conflicts were kept for the author (0: merged cleanly). */
  conflicts: number;
  /**
   * Whether the file itself holds the conflicts (its conflict list, theirs beside ours):
   * false when ours was kept whole (a side that does not parse, or a merge past a limit), so theirs is
   * only in the repository's history and git's own resolution must stay in charge.
   */
  recorded: boolean;
}

/** A side as its schema reads it, and as written (raw); null when it is not one. */
type Parsed<T> = { value: T; raw: unknown } | null;

/** A study from a newer Casebook fails here too: the study schema takes this format's number only. */
function parse<S extends z.ZodType>(text: string | null, schema: S): Parsed<z.output<S>> {
  if (text === null) return null;
  try {
    const raw: unknown = JSON.parse(text);
    const result = schema.safeParse(raw);
    return result.success ? { value: result.data, raw } : null;
  } catch {
    // Not JSON, or nested past what a schema can walk.
    return null;
  }
}

const keepOurs = (ours: string): FileMerge => ({ text: ours, conflicts: 1, recorded: false });

/** A side that parsed as a study claims a format number: this one or an older one. */
const fromOlderFormat = (raw: unknown): boolean => (raw as { schemaVersion: number }).schemaVersion < STUDY_FORMAT;

function mergeStudyFile(base: string | null, ours: string, theirs: string, options: MergeOptions): FileMerge {
  const [o, t] = [parse(ours, studyFileSchema), parse(theirs, studyFileSchema)];
  if (!o || !t || o.value.id !== t.value.id) return keepOurs(ours);
  const b = parse(base, studyFileSchema);
  const baseStudy = b && b.value.id === o.value.id ? withSeededIds(b.value) : null;
  // A side from an older Casebook got its block ids from positions: match its blocks to base's by content.
  const side = (p: NonNullable<typeof o>) =>
    fromOlderFormat(p.raw) ? alignedWith(baseStudy, withSeededIds(p.value)) : p.value;
  const merged = mergeStudies(baseStudy, side(o), side(t), options);
  try {
    return { text: serializeJson(studyFileSchema, merged.study), conflicts: merged.conflicts, recorded: true };
  } catch {
    // The union broke a limit (more tags than a study may hold): nothing merged is written.
    return keepOurs(ours);
  }
}

type Json = Record<string, unknown>;

/** The file's conflict list (its valid entries: readConflictList) and the rest of it (a template keeps its keys as written). */
function split(raw: unknown): { rest: Json; conflicts: ConflictList } {
  const { conflicts, ...rest } = raw as Json;
  return { rest, conflicts: readConflictList(conflicts).conflicts };
}

/**
 * casebook.json and templates, merged as studies are (settings-merge.ts): what both sides
 * changed differently keeps ours and is recorded in the file's conflict list with theirs.
 * The list is written only when it holds something, as the stores write it.
 */
function mergeSettingsFile<S extends z.ZodType>(
  base: string | null,
  ours: string,
  theirs: string,
  schema: S,
  merge: (b: Json | undefined, o: Json, t: Json) => { value: Json; recorded: Conflict[] },
  write: (value: Json) => string,
): FileMerge {
  const [o, t] = [parse(ours, schema), parse(theirs, schema)];
  if (!o || !t) return keepOurs(ours);
  if (sameJson(o.raw, t.raw)) return { text: ours, conflicts: 0, recorded: true };
  const b = parse(base, schema);
  const [bs, os, ts] = [b ? split(b.raw) : undefined, split(o.raw), split(t.raw)];
  const merged = merge(bs?.rest, os.rest, ts.rest);
  // Stryker disable next-line ArrayDeclaration: a base list holding a stray string resolves nothing
  const conflicts = conflictListAfterMerge(bs?.conflicts ?? [], os.conflicts, ts.conflicts, merged.recorded);
  const value = conflicts.length > 0 ? { ...merged.value, conflicts } : merged.value;
  // The union broke a limit (more categories than a site may hold): nothing merged is written.
  if (!schema.safeParse(value).success) return keepOurs(ours);
  return { text: write(value), conflicts: merged.recorded.length, recorded: true };
}

/** casebook.json: its `site` merged setting by setting (the file's other keys are the format's). */
function mergeSiteFile(base: string | null, ours: string, theirs: string, options: MergeOptions): FileMerge {
  // Every side that parsed has its site object.
  const site = (value: Json | undefined) => value?.site as Json | undefined;
  return mergeSettingsFile(
    base,
    ours,
    theirs,
    workspaceFileSchema,
    (b, o, t) => {
      const merged = mergeSettings(siteMergeRules, site(b), site(o) ?? {}, site(t) ?? {}, options);
      return { value: { ...o, site: merged.value }, recorded: merged.recorded };
    },
    // Written as the site store writes it (schema order, pretty-printed, format 2 only with conflicts).
    (value) =>
      serializeJson(workspaceFileSchema, { ...value, schemaVersion: siteFileFormat(value.conflicts as unknown[]) }),
  );
}

/**
 * Merges the three versions of a workspace file. `base` null: the file was added on both
 * sides. A file Casebook does not merge by meaning (or an unknown path) keeps ours and
 * reports a conflict, so git's own handling stays in charge of it.
 */
export function mergeWorkspaceFile(
  filepath: string,
  base: string | null,
  ours: string,
  theirs: string,
  options: MergeOptions = {},
): FileMerge {
  if (ours === theirs) return { text: ours, conflicts: 0, recorded: true };
  if (ours === base) return { text: theirs, conflicts: 0, recorded: true };
  if (theirs === base) return { text: ours, conflicts: 0, recorded: true };
  switch (workspaceFileKind(filepath)) {
    case 'study':
      return mergeStudyFile(base, ours, theirs, options);
    case 'site':
      return mergeSiteFile(base, ours, theirs, options);
    case 'template':
      // A template is the author's own file: its keys stay as written (its Markdown sections too).
      return mergeSettingsFile(
        base,
        ours,
        theirs,
        templateFileSchema,
        (b, o, t) => mergeSettings(templateMergeRules, b, o, t, options),
        (value) => `${JSON.stringify(value, null, 2)}\n`,
      );
    default:
      return keepOurs(ours);
  }
}

/**
 * One side deleted the file (null), the other did not: a deletion wins only over a version
 * left as it was in base; an edited version is kept (a deleted-vs-edited study keeps the
 * edit). Returns the file's text, or null when it stays deleted. For the git engine, where
 * isomorphic-git reports a delete/modify conflict.
 */
export function mergeDeletedFile(base: string | null, ours: string | null, theirs: string | null): string | null {
  if (ours !== null && theirs !== null) throw new Error('mergeDeletedFile: neither side deleted the file');
  const kept = ours ?? theirs;
  // Deleted on both sides, or on one with the other left as it was: it stays deleted.
  return kept === base ? null : kept;
}
