// The expensive part of a study page — its four sections as HTML (with highlighted code) and
// its reading time — rendered once per content and remembered, so re-exporting after editing
// one study renders one study. The cache is keyed by a hash of the sections themselves, so
// it can never serve stale HTML; output is identical with or without it.
import { createHash } from 'node:crypto';
import { richTextToHtml } from '../rich-text/html';
import { readingMinutes } from '../reading-time';
import { sectionKeys, type SectionKey, type Study } from '../schemas/study';
import { highlightCode } from './site-highlight';

export interface StudyBody {
  /** HTML of each non-empty section, in section order. */
  sections: Array<{ key: SectionKey; html: string }>;
  minutes: number;
  /** Stored image sources the HTML refers to, mapped to their file name under assets/img/. */
  images: Map<string, string>;
}

export interface ImageResolver {
  /** The file name under assets/img/ for a stored src, or null to leave the image out. */
  (src: string): { name: string } | { remote: string } | null;
}

const MAX_CACHED = 5000;
/** Remembered bodies by study id, with the study object they were rendered from. */
const cache = new Map<string, { study: Study; body: StudyBody }>();

// Hashing 1,000 long studies costs ~100 ms, so hashes are computed only when a remembered
// body meets a different object for the same id (a study read again from disk), and each
// object's hash is remembered. Studies are immutable values throughout core (a save makes a
// new object), so the same object always has the same sections.
const hashes = new WeakMap<Study, string>();

function contentHash(study: Study): string {
  let hash = hashes.get(study);
  if (!hash) {
    hash = createHash('sha1')
      .update(JSON.stringify(sectionKeys.map((k) => study[k])))
      .digest('base64');
    hashes.set(study, hash);
  }
  return hash;
}

/**
 * Renders a study's sections for a page one folder below the site root. `resolve` decides
 * image by image; a study whose images could not all be resolved is not cached, so it is
 * rendered again (and warned about again) next time.
 */
export function studyBody(study: Study, resolve: ImageResolver): StudyBody {
  const hit = cache.get(study.id);
  const same = hit && (hit.study === study || contentHash(hit.study) === contentHash(study));
  // A remembered body is reused only if its images can all still be resolved (and so copied).
  if (hit && same && [...hit.body.images.keys()].every((src) => resolve(src) !== null)) {
    hit.study = study;
    return hit.body;
  }

  const images = new Map<string, string>();
  let complete = true;
  const options = {
    headingOffset: 1,
    highlight: highlightCode,
    resolveImage(src: string): string | null {
      const found = resolve(src);
      if (!found) {
        complete = false;
        return null;
      }
      if ('remote' in found) return found.remote;
      images.set(src, found.name);
      return `../assets/img/${found.name}`;
    },
  };
  const sections = sectionKeys
    .map((key) => ({ key, html: richTextToHtml(study[key], options) }))
    .filter((s) => s.html.trim() !== '');
  const body: StudyBody = { sections, minutes: readingMinutes(study), images };
  if (complete) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(study.id, { study, body });
  }
  return body;
}

/** Forgets every remembered body (tests use it to measure a cold export). */
export function clearStudyBodyCache(): void {
  cache.clear();
}
