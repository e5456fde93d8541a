// What the library reads a workspace through (the store, the settings, the templates, the files
// on disk), given by the service that opens the workspace (casebook-service.ts).
import type { TemplatePrompts, TemplateSections } from '../pure/checks/template-prompts';
import type { SiteSettings } from '../pure/schemas/site';
import type { Study, StudySummary } from '../pure/schemas/study';
import type { IndexFiles } from './library-on-disk';
import type { FileStamp } from './study-files';

export interface LibrarySources {
  listSummaries(): Promise<StudySummary[]>;
  readStudy(id: string): Promise<Study | null>;
  site(): SiteSettings;
  /** The workspace's template prompts, as last read. */
  prompts?(): TemplatePrompts | undefined;
  /** Resolves once the prompts have been read (the checks wait for it; a search does not). */
  promptsRead?(): Promise<unknown>;
  /**
   * Changes when a study file is added, removed or replaced by rename (every atomic save):
   * the studies folder's mtime. Lets a search skip re-listing the folder per keystroke.
   */
  folderStamp(): number | null;
  /** Every study has been read in full (e.g. to write the summary cache). */
  onIndexed?(): void;
  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[];
  /** How many files are set aside in the workspace (see LibraryPage.quarantined). */
  quarantinedCount(): number;
  /** The study file's mtime and size now; null when it is gone. */
  statOf?(id: string): FileStamp | null;
  /** The stamp at which the store read the whole file and found it valid (or its signed cache says so). */
  verifiedStamp?(id: string): FileStamp | null;
  /** The full-text index kept on disk between runs (none: every open reads every study). */
  indexFiles?: IndexFiles;
  /** Reading many studies on worker threads (none: the main thread reads them one by one). */
  intake?: LibraryIntake;
  /**
   * Awaited before each pass of the background reading of study files: lets an end-to-end test
   * hold the reading to see the library as it is mid-read (none: the reading never waits). It
   * should end when `closing` is aborted; the reading stops waiting for it then either way.
   */
  readingGate?(closing: AbortSignal): Promise<void>;
}

export interface LibraryIntake {
  /** The study file of `id`. */
  fileOf(id: string): string;
  /** A worker read the whole file of `id` at `stamp` and found a valid study with this summary. */
  vouch(id: string, stamp: FileStamp, summary: StudySummary): void;
  /** The workspace's templates as last read (their prompts), undefined before a first read. */
  templates(): TemplateSections[] | undefined;
}
