// What every study file written holds, whoever writes it (the store, a merge): an id on every
// block (rich-text/block-ids.ts; a writer that gave none — an import, a template, an API
// client — gets random ones), and a conflict count equal to the list's length (the library
// reads the count from the file's head).
import { randomBlockId, withBlockIds } from '../rich-text/block-ids';
import { sectionKeys } from '../schemas/section-keys';
import type { Study } from '../schemas/study';

export function studyToWrite(
  study: Study,
  makeId: (section: string, path: string) => string = () => randomBlockId(),
): Study {
  const next: Study = { ...study, conflictCount: study.conflicts.length };
  for (const key of sectionKeys) next[key] = withBlockIds(study[key], (path) => makeId(key, path));
  return next;
}
