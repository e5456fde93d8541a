// What resolving a settings conflict (casebook.json's site settings, a template file) shares
// between the two files: the answer's shape, finding the record, and the refusals and notes
// worded once.
import { CasebookError } from '../errors';
import { conflictValueText, printable } from '../sync/conflict-text';
import { seededBlockId } from '../rich-text/block-ids';
import type { Conflict, ConflictList } from './conflict-schema';
import { canonicalJson } from './json-merge';

export interface SettingsResolution<T> {
  value: T;
  conflicts: ConflictList;
  /** What "Keep both" could not keep (a one-value setting): shown to the author. */
  note: string | null;
}

export function findConflict(conflicts: ConflictList, id: string, where: string): Conflict {
  const conflict = conflicts.find((c) => c.id === id);
  if (!conflict)
    throw new CasebookError(
      'not_found',
      `That conflict is no longer in the ${where} (it may have been resolved already).`,
    );
  return conflict;
}

export const notValid = (label: string) =>
  new CasebookError('invalid_input', `Their value of "${label}" is not valid any more; keep yours instead.`);

/**
 * A record naming a section's block: a study's kind of conflict, never one a settings merge
 * makes (the file came through git). There is no value of theirs to take or keep here.
 */
export const notASetting = (lacking: 'the site settings do' | 'a template does') =>
  new CasebookError(
    'invalid_input',
    `That conflict names a block of a study's section, which ${lacking} not have, so there is nothing of theirs to take or keep: choose Keep mine to clear it.`,
  );

export const oneValueNote = (label: string, theirs: unknown) =>
  printable(`${label} holds one value: yours is kept. Theirs was ${conflictValueText(theirs)}.`);

/**
 * The version a settings file's conflicts were read at (the renderer sends it back, so a
 * resolve over settings changed meanwhile is refused, like a save's compare-and-swap).
 */
export const settingsVersion = (value: unknown): string => seededBlockId(canonicalJson(value));
