// What every study file written holds, whoever writes it (the store, a merge): an id on every
// block (rich-text/block-ids.ts; a writer that gave none — an import, a template, an API
// client — gets random ones), and a conflict count equal to the list's length (the library
// reads the count from the file's head).
import { randomBlockId, seededBlockId, withBlockIds } from '../rich-text/block-ids';
import { sectionKeys } from '../schemas/section-keys';
import type { Study } from '../schemas/study';

/**
 * A block without an id gets a random one; a copy of another block's id (a duplicated block)
 * one derived from where it stands, so saving the same text again gives the same id.
 */
export function studyToWrite(
  study: Study,
  makeId: (section: string, path: string, copied: string | null) => string = (section, path, copied) =>
    copied === null ? randomBlockId() : seededBlockId(`${study.id}/${section}/${path}/${copied}`),
): Study {
  const next: Study = { ...study, conflictCount: study.conflicts.length };
  for (const key of sectionKeys) next[key] = withBlockIds(study[key], (path, copied) => makeId(key, path, copied));
  return next;
}
