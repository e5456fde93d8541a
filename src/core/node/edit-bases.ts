// The version of each study that each editor was handed (or that this process last wrote for
// it), by its file's stamp: a save checks updatedAt against the one it was typed over, but a
// file changed on disk by hand, by a tool that keeps updatedAt, or by a merge that kept it,
// passes that check. Such a change is caught here, so the save is refused as a conflict
// (nothing is written over it) and the author chooses. A file only touched (same bytes, new
// mtime) is refused too: a question asked once, never a loss. Each editor (a window or browser
// tab, named by the id it sends) has its own base: another tab opening the study, or History
// reading it, never moves the base an editor's saves are checked against. Callers naming no
// editor (the CLI) share one.
import { shownTitle, type Study } from '../pure/schemas/study';
import { statOrNull } from './file-exists';
import { sameStamp, type FileStamp } from './study-files';

/** Editors remembered per study: far above the windows and tabs one person has open. */
const EDITORS_PER_STUDY = 32;
const NO_EDITOR = '';

interface Base {
  updatedAt: string;
  stamp: FileStamp;
}

export class EditBases {
  private readonly bases = new Map<string, Map<string, Base>>();

  /** `study`, read from or written to a file now at `stamp`, is what `editor` now holds. */
  handedOut(study: Study, stamp: FileStamp, editor = NO_EDITOR): void {
    let editors = this.bases.get(study.id);
    if (!editors) this.bases.set(study.id, (editors = new Map()));
    editors.delete(editor); // re-inserted last: the oldest editor is the first to go
    editors.set(editor, { updatedAt: study.updatedAt, stamp: { mtimeMs: stamp.mtimeMs, size: stamp.size } });
    if (editors.size > EDITORS_PER_STUDY) editors.delete(editors.keys().next().value!);
  }

  /** Reads a study for `editor`; its base is the file's stamp, unless the file changed while read (then none). */
  async readFor(file: string, read: () => Promise<Study>, editor = NO_EDITOR): Promise<Study> {
    const before = statOrNull(file);
    const study = await read();
    const after = statOrNull(file);
    if (before && after && sameStamp(before, after)) this.handedOut(study, after, editor);
    else this.bases.get(study.id)?.delete(editor);
    return study;
  }

  forget(id: string): void {
    this.bases.delete(id);
  }

  /**
   * Whether the file (now at `stamp`, its study saved at `updatedAt`) is not what `editor` read
   * or wrote though its updatedAt is the same: changed by hand or by a tool that kept it.
   */
  changedUnder(id: string, editor: string, updatedAt: string, stamp: FileStamp | null): boolean {
    const base = this.bases.get(id)?.get(editor);
    return base?.updatedAt === updatedAt && !(stamp && sameStamp(base.stamp, stamp));
  }

  /**
   * Why a save by `editor` typed over the version saved at `baseUpdatedAt` must not overwrite
   * `current` (on disk now, its file at `stamp`; null when unknown), or null.
   */
  staleBase(current: Study, stamp: FileStamp | null, baseUpdatedAt: string, editor = NO_EDITOR): string | null {
    const title = shownTitle(current.title);
    if (current.updatedAt !== baseUpdatedAt)
      return `"${title}" was changed on disk (saved ${current.updatedAt}) after you opened it; reload it or keep your version.`;
    const base = this.bases.get(current.id)?.get(editor);
    if (base?.updatedAt === baseUpdatedAt && !(stamp && sameStamp(base.stamp, stamp)))
      return `"${title}" was changed on disk after you opened it (by hand or by another tool: its saved time is unchanged); reload it or keep your version.`;
    return null;
  }
}
