// The contract's methods on single studies, over an open workspace's store: read, create (from
// a template too), save (with the conflict copy on exit), duplicate, and the trash. Every
// study written is told to the library index.
import path from 'node:path';
import type { CasebookHandlers } from '../pure/contract';
import { CasebookError } from '../pure/errors';
import type { assertKnownTypes as AssertKnownTypes } from '../pure/rich-text/known-types';
import { resolveConflict } from '../pure/merge/resolve-conflict';
import { shownTitle, type Study, type StudyPatch } from '../pure/schemas/study';
import { conflictCopyDraft } from './conflict-copy';
import type { LibraryService } from './library-service';
import type { SiteStore } from './site-store';
import type { StudyStore } from './study-store';
import { getTemplate } from './templates/template-store';

// Loaded on first use: these pull in TipTap and the Markdown parser, which opening and listing
// a workspace (`casebook list`, the app's first paint) must not wait for.
const assertKnownTypes = async (...args: Parameters<typeof AssertKnownTypes>): Promise<void> =>
  (await import('../pure/rich-text/known-types')).assertKnownTypes(...args);
const loadTemplateDraft = () => import('../pure/templates/template-draft');

export type StudyHandlers = Pick<
  CasebookHandlers,
  | 'getStudy'
  | 'getStudyVersion'
  | 'createStudy'
  | 'updateStudy'
  | 'saveOnExit'
  | 'resolveConflict'
  | 'duplicateStudy'
  | 'deleteStudy'
  | 'restoreStudy'
  | 'purgeStudy'
  | 'listTrash'
>;

export interface OpenStudies {
  workspace: string;
  studies: StudyStore;
  site: SiteStore;
  library(): Promise<LibraryService>;
  /** Tells the library a study was written. */
  indexSaved(study: Study): Promise<void>;
}

export function studyHandlers({ workspace, studies, site, library, indexSaved }: OpenStudies): StudyHandlers {
  return {
    getStudy: ({ id, editor }) => studies.getForEditing(id, editor),
    getStudyVersion: async ({ id, editor }) => {
      const updatedAt = await studies.updatedAt(id);
      return editor && studies.changedUnder(id, editor, updatedAt) ? { updatedAt, changedUnder: true } : { updatedAt };
    },
    createStudy: async ({ title, template }) => {
      let draft = {};
      if (template) {
        const found = await getTemplate(workspace, template);
        if (!found)
          throw new CasebookError('not_found', `No template "${template}" in ${path.join(workspace, 'templates')}.`);
        const { studyDraftFromTemplate } = await loadTemplateDraft();
        draft = studyDraftFromTemplate(found, title ?? '', site.get().categories);
        // A template is a file in the workspace (shared through git): its content is input too.
        await assertKnownTypes(draft, `create a study from the template "${template}"`);
      }
      const created = await studies.create({ ...draft, title: title ?? '' });
      await indexSaved(created);
      return created;
    },
    updateStudy: async ({ id, patch, baseUpdatedAt, editor }) => {
      await assertKnownTypes(patch, 'save the study');
      const saved = await studies.update(id, patch, baseUpdatedAt, editor);
      await indexSaved(saved);
      return saved;
    },
    saveOnExit: async ({ id, patch, baseUpdatedAt, editor }) => {
      await assertKnownTypes(patch, 'save the study');
      try {
        const saved = await studies.update(id, patch, baseUpdatedAt, editor);
        await indexSaved(saved);
        return { study: saved, conflictCopy: null };
      } catch (err) {
        if (!(err instanceof CasebookError && err.code === 'conflict')) throw err;
        const theirs = await studies.get(id);
        const copy = await studies.create(conflictCopyDraft(theirs, patch, new Date()));
        await indexSaved(copy);
        return { study: theirs, conflictCopy: copy };
      }
    },
    resolveConflict: async ({ id, conflictId, choice, baseUpdatedAt, editor }) => {
      // Their block came through git like any file content: only types the editor knows go in.
      const known = await import('../pure/rich-text/known-types');
      let copy: StudyPatch | null = null;
      const saved = await studies.update(
        id,
        (current) => {
          const resolution = resolveConflict(current, conflictId, choice);
          known.assertKnownTypes(resolution.change, 'take their version');
          copy = resolution.conflictCopy;
          return resolution.change;
        },
        baseUpdatedAt,
        editor,
      );
      await indexSaved(saved);
      if (copy) await indexSaved(await studies.create(conflictCopyDraft(saved, copy, new Date())));
      return saved;
    },
    duplicateStudy: async ({ id }) => {
      const study = await studies.get(id);
      // A copy starts with no conflicts: those stay with the study they were recorded in.
      const { id: _id, schemaVersion: _v, createdAt: _c, updatedAt: _u, slug: _s, conflicts: _x, ...fields } = study;
      const copy = await studies.create({
        ...fields,
        title: `${shownTitle(fields.title)} (copy)`,
        status: 'draft',
        featured: false,
      });
      await indexSaved(copy);
      return copy;
    },
    deleteStudy: async ({ id }) => {
      await studies.delete(id);
      (await library()).removed(id);
      return { id };
    },
    restoreStudy: async ({ id }) => {
      const restored = await studies.restore(id);
      await indexSaved(restored);
      return restored;
    },
    purgeStudy: async ({ id }) => {
      await studies.purge(id);
      return { id };
    },
    listTrash: () => studies.listTrash(),
  };
}
