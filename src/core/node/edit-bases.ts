// The version of each study that an editor was handed (or that this process last wrote), by
// its file's stamp: a save checks updatedAt against the one it was typed over, but a file
// changed on disk by hand, by a tool that keeps updatedAt, or by a merge that kept it, passes
// that check. Such a change is caught here, so the save is refused as a conflict (nothing is
// written over it) and the author chooses. A file only touched (same bytes, new mtime) is
// refused too: a question asked once, never a loss. A second read for an editor (reopening the
// study) takes the file as it is then.
import { shownTitle, type Study } from '../pure/schemas/study';
import { statOrNull } from './file-exists';
import { sameStamp, type FileStamp } from './study-files';

export class EditBases {
  private readonly bases = new Map<string, { updatedAt: string; stamp: FileStamp }>();

  /** `study`, read from or written to a file now at `stamp`, is what an editor now holds. */
  handedOut(study: Study, stamp: FileStamp): void {
    this.bases.set(study.id, { updatedAt: study.updatedAt, stamp: { mtimeMs: stamp.mtimeMs, size: stamp.size } });
  }

  /** Reads a study for an editor; its base is the file's stamp, unless the file changed while read (then none). */
  async readFor(file: string, read: () => Promise<Study>): Promise<Study> {
    const before = statOrNull(file);
    const study = await read();
    const after = statOrNull(file);
    if (before && after && sameStamp(before, after)) this.handedOut(study, after);
    else this.forget(study.id);
    return study;
  }

  forget(id: string): void {
    this.bases.delete(id);
  }

  /**
   * Why a save typed over the version saved at `baseUpdatedAt` must not overwrite `current`
   * (on disk now, its file at `stamp`; null when unknown), or null.
   */
  staleBase(current: Study, stamp: FileStamp | null, baseUpdatedAt: string): string | null {
    const title = shownTitle(current.title);
    if (current.updatedAt !== baseUpdatedAt)
      return `"${title}" was changed on disk (saved ${current.updatedAt}) after you opened it; reload it or keep your version.`;
    const base = this.bases.get(current.id);
    if (base?.updatedAt === baseUpdatedAt && !(stamp && sameStamp(base.stamp, stamp)))
      return `"${title}" was changed on disk after you opened it (by hand or by another tool: its saved time is unchanged); reload it or keep your version.`;
    return null;
  }
}
