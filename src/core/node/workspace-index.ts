// The parts of an open workspace that only some calls need: the templates' prompts (templates
// are Markdown, so reading them loads the parser) and the library index (search, check counts).
// Both are made on first use, not when the workspace opens, so `casebook list` and the app's
// first paint do not wait for them.
import type { TemplatePrompts, TemplateSections } from '../pure/checks/template-prompts';
import type { TemplateList } from '../pure/templates/template-schema';
import type { LibraryService } from './library-service';
import type { LibraryIntake, LibrarySources } from './library-sources';
import { listTemplates } from './templates/template-store';

/** `make()` run once and its promise shared; a failure is not kept, so the next call tries again. */
export function onceUnlessFailed<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () =>
    (made ??= make().catch((err: unknown) => {
      made = null;
      throw err;
    }));
}

export interface WorkspaceIndex {
  /** Reads the workspace's templates now (they may have changed) and keeps their prompts. */
  readTemplates(): Promise<TemplateList>;
  /** The prompts as last read (undefined until the templates were first read). */
  prompts(): TemplatePrompts | undefined;
  /** The library index, made on first use (its checks wait for a first read of the templates). */
  library(): Promise<LibraryService>;
  /** The library index if it was made (a flush on quit must not make it). */
  libraryIfMade(): LibraryService | null;
  /** The library index if it was asked for, made or still being made (closing must reach it). */
  libraryIfAsked(): Promise<LibraryService> | null;
}

type IndexSources = Omit<LibrarySources, 'prompts' | 'intake'> & { intake?: Omit<LibraryIntake, 'templates'> };

export function workspaceIndex(workspace: string, sources: IndexSources): WorkspaceIndex {
  let prompts: TemplatePrompts | undefined;
  // As read, for the library's worker threads (they make the prompts themselves).
  let templates: TemplateSections[] | undefined;
  const readTemplates = async (): Promise<TemplateList> => {
    const [list, { TemplatePrompts }] = await Promise.all([
      listTemplates(workspace),
      import('../pure/checks/template-prompts'),
    ]);
    prompts = TemplatePrompts.withWorkspace(list.templates);
    templates = list.templates;
    return list;
  };
  const firstRead = onceUnlessFailed(readTemplates);
  let made: LibraryService | null = null;
  const library = onceUnlessFailed(async () => {
    // A search needs no prompts: the first page does not wait for the templates (and the
    // Markdown parser they load); the checks of the background reading do.
    const { LibraryService } = await import('./library-service');
    const intake = sources.intake && { ...sources.intake, templates: () => templates };
    return (made = new LibraryService({ ...sources, intake, prompts: () => prompts, promptsRead: firstRead }));
  });
  let asked: Promise<LibraryService> | null = null;
  const ask = (): Promise<LibraryService> => (asked = library());
  return {
    readTemplates,
    prompts: () => prompts,
    library: ask,
    libraryIfMade: () => made,
    libraryIfAsked: () => asked,
  };
}
