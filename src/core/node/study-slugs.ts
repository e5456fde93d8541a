// Slugs are unique on disk, not only in this process: each is chosen under a workspace lock
// file from what the folder holds at that moment (the app and the CLI may create at once), and
// the study is written before the lock is let go.
import path from 'node:path';
import { withFileLock } from './atomic-write';
import type { Study, StudyPatch } from '../pure/schemas/study';
import type { StudyListing } from './study-listing';

// Slugify's transliteration tables load on the first write, not at start: `casebook list` and
// every read-only command start without them.
const slugs = () => import('../pure/slug');

/** The lock (in studies/) under which a slug is chosen and written, by any process. */
const SLUG_LOCK_TARGET = 'slugs';

export class SlugClaims {
  constructor(
    private readonly studiesDir: string,
    private readonly listing: StudyListing,
  ) {}

  /**
   * Runs `write` with `wanted` made unique among the slugs on disk now (other than the study
   * `exceptId`'s own), under the workspace's slug lock: no other process (the CLI, a second
   * app or server) chooses a slug between our look and our write.
   */
  claim<T>(wanted: string, exceptId: string | undefined, write: (slug: string) => Promise<T>): Promise<T> {
    return withFileLock(
      path.join(this.studiesDir, SLUG_LOCK_TARGET),
      async () => write((await slugs()).uniqueSlug(wanted, await this.listing.takenSlugs(exceptId))),
      'the new address (slug)',
    );
  }
}

/**
 * The slug a patch asks for, or null to keep the current one: a slug set by hand, or, for a
 * draft whose slug follows its title, the new title's. Once published (or set by hand) it stays put.
 */
export async function slugWanted(current: Study, patch: StudyPatch): Promise<string | null> {
  if (patch.slug !== undefined && patch.slug !== current.slug) return patch.slug;
  if (patch.title === undefined || patch.title === current.title || current.status !== 'draft') return null;
  const { slugFollowsTitle, slugFromTitle } = await slugs();
  return slugFollowsTitle(current.slug, current.title) ? slugFromTitle(patch.title) : null;
}

/** The slug a new study asks for: its own, or its title's. */
export async function slugForNew(slug: string | undefined, title: string | undefined): Promise<string> {
  return slug ?? (await slugs()).slugFromTitle(title ?? '');
}
