// What site exports remember between runs, so an export after one edit renders one study page
// and hashes one page: the study bodies, the study pages, the render cache files as last read
// or written, and the hashes of the texts written. It is held by whoever runs exports — the
// service makes one per open workspace (casebook-service.ts) — never by a module, so two
// workspaces never share it and a "fresh process" (a test, the benchmark) is a new object.
// Each memo is bounded by the module that fills it, as noted below; output is identical with
// or without any of them.
//
// Only types are imported: the service makes one at open without loading the export code.
import type { Study } from '../../pure/schemas/study';
import type { StudyBody, SectionCacheEntry } from './site-study-body';
import type { RenderCacheEntries } from './site-render-cache';
import type { SearchDoc } from '../../pure/export/site-search-doc';

/** A study's rendered body, with the study object it was rendered from (site-study-body.ts). */
export interface RememberedBody {
  study: Study;
  body: StudyBody;
  /** Its sections' entries in the persistent render cache, when it was rendered with one. */
  entries?: SectionCacheEntry[];
}

/** A study page, with everything it shows besides its body folded into `key` (site-page-memo.ts). */
export interface RememberedPage {
  key: string;
  body: StudyBody;
  html: string;
}

/** A render cache file as last read or written, with the file's identity (site-render-cache.ts). */
export interface RememberedCacheFile {
  size: number;
  mtimeMs: number;
  ino: number;
  entries: RenderCacheEntries;
}

export class ExportMemory {
  /** Bodies by study id; emptied when full (site-study-body.ts). */
  readonly bodies = new Map<string, RememberedBody>();
  /** Study pages by their path in the site; emptied when full (site-page-memo.ts). */
  readonly pages = new Map<string, RememberedPage>();
  /** Render cache files by absolute path; the oldest goes when full (site-render-cache.ts). */
  readonly renderCacheFiles = new Map<string, RememberedCacheFile>();
  /** SHA-1s of written texts, by the text; emptied past a total length (output-hashes.ts). */
  readonly textHashes = new Map<string, string>();
  /** The total length of the texts in `textHashes`. */
  textHashChars = 0;
  /** SHA-1s of written bytes (social cards), by the very array: held no longer than it (output-hashes.ts). */
  readonly byteHashes = new WeakMap<Uint8Array, string>();
  /** The last search index written, with the documents it was built from (site-search-file.ts). */
  searchIndex?: { docs: SearchDoc[]; script: string };
}
