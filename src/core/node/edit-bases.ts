// The version of each study that an editor was handed (or that this process last wrote), by
// content: a save checks updatedAt against the one it was typed over, but a file changed on
// disk by hand, or by a tool that keeps updatedAt, passes that check. Such a change is caught
// here, so the save is refused as a conflict (and nothing written over it) instead.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../pure/merge/json-merge';
import { shownTitle, type Study } from '../pure/schemas/study';

/** The study's content, whatever the key order or layout of its file. */
const contentOf = (study: Study): string => createHash('sha256').update(canonicalJson(study)).digest('base64url');

export class EditBases {
  private readonly bases = new Map<string, { updatedAt: string; content: string }>();

  /** `study` is what an editor now holds (it was read for one, or written by this process). */
  handedOut(study: Study): void {
    this.bases.set(study.id, { updatedAt: study.updatedAt, content: contentOf(study) });
  }

  forget(id: string): void {
    this.bases.delete(id);
  }

  /** Why a save typed over the version saved at `baseUpdatedAt` must not overwrite `current` (on disk now), or null. */
  staleBase(current: Study, baseUpdatedAt: string): string | null {
    const title = shownTitle(current.title);
    if (current.updatedAt !== baseUpdatedAt)
      return `"${title}" was changed on disk (saved ${current.updatedAt}) after you opened it; reload it or keep your version.`;
    const base = this.bases.get(current.id);
    if (base?.updatedAt === baseUpdatedAt && base.content !== contentOf(current))
      return `"${title}" was changed on disk after you opened it (by hand or by another tool: its saved time is unchanged); reload it or keep your version.`;
    return null;
  }
}
