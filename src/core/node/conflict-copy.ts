// "Keep both" when nobody is left to choose: a save made as the page closes found the file
// changed on disk by another writer. Their version stays in the study; the author's edits,
// laid over it, become a new draft study named as a conflict copy, so neither text is lost.
import type { Study, StudyPatch } from '../pure/schemas/study';
import type { StudyDraft } from './study-store';
import { shownTitle } from '../pure/schemas/study';

const MAX_TITLE = 300;

/** "2026-11-29 18:05 UTC": readable, sortable, and the same whatever the author's locale. */
function stamp(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The fields of the conflict copy: the version on disk with the author's unsaved edits on top. */
export function conflictCopyDraft(theirs: Study, mine: StudyPatch, at: Date): StudyDraft {
  // The copy starts with no conflicts of its own: those stay with the study they were recorded in.
  const {
    id: _id,
    schemaVersion: _v,
    createdAt: _c,
    updatedAt: _u,
    slug: _s,
    conflicts: _x,
    conflictCount: _n,
    ...onDisk
  } = theirs;
  const { slug: _mySlug, ...edits } = mine; // the copy gets its own address
  const fields = { ...onDisk, ...edits };
  const suffix = ` (conflict copy ${stamp(at)})`;
  const title = shownTitle(fields.title).slice(0, MAX_TITLE - suffix.length) + suffix;
  return { ...fields, title, status: 'draft', featured: false };
}
