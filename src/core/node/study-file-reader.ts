// Reading one study file for the store, so that no single file can fail the workspace: a
// valid study is returned; a damaged one (bad JSON or format, content nested too deeply for
// the schema, larger than MAX_STUDY_FILE_BYTES, naming another study) is moved to
// .quarantine/ with the reason; a file from a newer Casebook is noted and left untouched; a
// link, a folder, FIFO or device named x.json, or an I/O error is skipped with the reason and
// left where it is (moving such an entry is not safe or not possible, and a link is never
// followed). Every outcome but a study is reported: quarantined (listeners), skipped (a map).
import path from 'node:path';
import { Low } from 'lowdb';
import { InvalidFileError, NewerVersionError, ValidatedJsonFile } from './json-file';
import { quarantineFile, type QuarantineEntry } from './quarantine';
import { UnreadableFileError } from './regular-file';
import { STUDY_FORMAT } from '../pure/schemas/study-fields';
import { studyFileSchema } from '../pure/schemas/study-migrations';
import type { Study } from '../pure/schemas/study';

/** A file the store could not use and left where it is (workspace-relative path and why). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export class StudyFileReader {
  /** Files quarantined since the store opened, reported through the API. */
  readonly onQuarantine: Array<(entry: QuarantineEntry) => void> = [];
  /** Files written by a newer Casebook (workspace-relative path → their schemaVersion). */
  readonly newer = new Map<string, number>();
  /**
   * Files left where they are, with the reason: links, entries that are not regular files,
   * I/O errors, and damaged files that could not be moved aside (a read-only folder).
   */
  readonly skipped = new Map<string, string>();

  constructor(
    private readonly workspace: string,
    /** Called when a file is set aside or skipped: it no longer stands for a study. */
    private readonly dropped: (file: string) => void,
    /** True when the workspace file is from a newer Casebook: nothing may be moved either. */
    private readonly workspaceReadOnly: () => boolean,
  ) {}

  /** Older formats are upgraded as they are read (study-migrations.ts) and written as current. */
  db(file: string): Low<Study | null> {
    return new Low<Study | null>(new ValidatedJsonFile(file, studyFileSchema.nullable(), STUDY_FORMAT), null);
  }

  /**
   * The study in `file`, or null when it is missing, from a newer Casebook, set aside as
   * damaged or skipped. Never throws for a problem of the file. A file holding another study
   * than `expectedId` (a copied file, a second "id" key after the head) is set aside too.
   */
  async read(file: string, expectedId: string): Promise<Study | null> {
    const db = this.db(file);
    try {
      await db.read();
    } catch (err) {
      if (err instanceof NewerVersionError) {
        // Not damage: leave it exactly where it is, and stop writing to this workspace.
        this.newer.set(this.relative(file), err.version);
      } else if (err instanceof InvalidFileError) {
        await this.quarantine(file, err.reason);
      } else if (err instanceof UnreadableFileError) {
        this.skip(file, err.reason);
      } else {
        const code = (err as NodeJS.ErrnoException).code;
        this.skip(file, `it could not be read (${code ?? (err as Error).message})`);
      }
      return null;
    }
    this.skipped.delete(this.relative(file));
    const study = db.data;
    if (study && study.id !== expectedId) {
      await this.quarantine(file, `the file is named ${path.basename(file)} but holds study id "${study.id}"`);
      return null;
    }
    return study;
  }

  /** Why the workspace must not be written (a file from a newer Casebook was seen), or null. */
  newerReason(): string | null {
    if (this.newer.size === 0) return null;
    const files = [...this.newer.keys()];
    const version = Math.max(...this.newer.values());
    const named = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
    return `Some case studies were written by a newer version of Casebook (format ${version}; this app reads format ${STUDY_FORMAT}): ${named}. The workspace is open read-only so nothing is rewritten; update Casebook to edit it.`;
  }

  /** Leaves `file` where it is, reported with `reason`. */
  skip(file: string, reason: string): void {
    this.dropped(file);
    this.skipped.set(this.relative(file), reason);
  }

  async quarantine(file: string, reason: string): Promise<void> {
    // A workspace whose casebook.json is from a newer Casebook is not written, and moving a
    // file aside is a write (the newer Casebook may read it; git would see it deleted): it is
    // left in place and reported. (A newer study file alone is found while listing, in an
    // order of its own: damage found before and after it is set aside alike.)
    if (this.workspaceReadOnly()) {
      this.skip(file, `${reason} (left in place: the workspace is open read-only)`);
      return;
    }
    this.dropped(file);
    let entry: QuarantineEntry;
    try {
      entry = await quarantineFile(this.workspace, file, reason);
    } catch (err) {
      // A read-only folder cannot take the file aside: skip it and keep the rest working.
      this.skip(file, `${reason} (could not move it aside: ${(err as Error).message})`);
      return;
    }
    this.skipped.delete(this.relative(file));
    for (const listener of this.onQuarantine) listener(entry);
  }

  /** Forgets what was noted about files of `folder` (workspace-relative) no longer in `present`. */
  forgetGone(folder: string, present: ReadonlySet<string>): void {
    for (const notes of [this.newer, this.skipped]) {
      for (const file of [...notes.keys()]) {
        if (file.startsWith(`${folder}/`) && !present.has(file.slice(folder.length + 1))) notes.delete(file);
      }
    }
  }

  skippedFiles(): SkippedFile[] {
    return [...this.skipped].map(([file, reason]) => ({ file, reason })).sort((a, b) => (a.file < b.file ? -1 : 1));
  }

  relative(file: string): string {
    return path.relative(this.workspace, file).split(path.sep).join('/');
  }
}
