// A site export after an edit, reading only what changed: the studies whose file is as the
// last export into this folder read it (same identity in export-snapshot.ts) stand in by
// their fields alone; only changed files are read, parsed and checked, and only pages whose
// key changed (the study, a neighbour's title, a category) are rendered: the others are handed
// to the writer as recorded, which finds them on disk as written or raises StaleOutputError
// before writing anything (the caller then exports in full). The pages are byte for byte
// those of a full export: every page, listing and check reads the same values, and a study
// that stands in by its fields is read in full before anything would read its sections.
import { createHash } from 'node:crypto';
import { publishKey, type PublishMemo } from '../../pure/checks/publish-gate';
import { StudyNames } from '../../pure/checks/study-names';
import { CasebookError } from '../../pure/errors';
import { buildSiteModel, type SiteStudy } from '../../pure/export/site-model';
import type { SiteSettings } from '../../pure/schemas/site';
import { fieldValues, sectionKeys, type Study } from '../../pure/schemas/study';
import { fieldKeys, STUDY_FORMAT } from '../../pure/schemas/study-fields';
import { byNewestEdit } from '../../pure/study-order';
import { inPool } from '../../pure/work-pool';
import type { ExportMemory } from './export-memory';
import { racy, type Snapshot, type SnapshotEntry } from './export-snapshot';
import { byteLength, hashOf } from './output-hashes';
import { siteKeyOf, studyPageKey, type SitePageHooks } from './site-export';
import { sectionCacheKey } from './site-study-body';

/** Above this share of studies to read again, a full export (all files read at once) is as fast. */
const MAX_CHANGED_SHARE = 0.25;
const LOAD_CONCURRENCY = 16;

/** The study's sections, as their render cache keys (already made, and remembered, by the export). */
const docsHash = (study: Study) => sectionKeys.map((key) => sectionCacheKey(study[key]).key).join(' ');
const pageKey = (key: string, docs: string) =>
  createHash('sha1').update(docs).update('\n').update(key).digest('base64');
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A study made of its fields alone; its sections are empty and must never be read. */
function standIn(entry: SnapshotEntry): Study {
  const study: Record<string, unknown> = { schemaVersion: STUDY_FORMAT };
  fieldKeys.forEach((key, i) => (study[key] = entry.fields[i]));
  for (const key of sectionKeys) study[key] = { type: 'doc', content: [] };
  return study as Study;
}

/**
 * What one export learns about its studies, for the next one: fed by the hooks it gives the
 * publish gate and the site export; `known` (the last snapshot's entries of studies unchanged
 * since) lets those hooks skip checks and pages whose key is the same.
 */
export class SnapshotRecorder {
  private readonly entries = new Map<Study, { id: string; entry: SnapshotEntry }>();

  constructor(
    private readonly memory: ExportMemory,
    private readonly known = new Map<Study, SnapshotEntry>(),
    /** Studies made of their fields alone: reaching a check or a render is a miss, never output. */
    private readonly standIns = new Set<Study>(),
  ) {}

  /** Whether this export stands some studies in by their fields (an incremental one). */
  get incremental(): boolean {
    return this.known.size > 0;
  }

  private entryOf(study: Study): SnapshotEntry {
    let found = this.entries.get(study);
    if (!found) {
      const old = this.known.get(study);
      const entry = { stamp: [], fields: fieldValues(study), docs: old?.docs ?? docsHash(study) };
      this.entries.set(study, (found = { id: study.id, entry }));
    }
    return found.entry;
  }

  readonly publish: PublishMemo = {
    known: (study, key) => {
      const old = this.known.get(study)?.publish;
      if (old?.key === key) return old.errors;
      if (this.standIns.has(study)) throw new IncrementalMiss(`${study.id}: its checks need its sections`);
      return undefined;
    },
    checked: (study, key, errors) => {
      this.entryOf(study).publish = { key, errors };
    },
  };

  readonly pages: SitePageHooks = {
    known: (s, key) => {
      const old = this.known.get(s.study);
      const page = old?.page;
      if (!page || page.key !== pageKey(key, old.docs) || page.minutes === undefined) {
        if (this.standIns.has(s.study)) throw new IncrementalMiss(`${s.study.id}: its page needs its sections`);
        return null;
      }
      this.entryOf(s.study).page = page;
      const file = { path: s.path, recorded: { size: page.size, sha1: page.sha1 } };
      return { file, images: page.images, minutes: page.minutes, card: page.card };
    },
    rendered: (s, key, html, images, minutes, card) => {
      const entry = this.entryOf(s.study);
      const [size, sha1] = [byteLength(html), hashOf(html, this.memory)];
      entry.page = { key: pageKey(key, entry.docs), size, sha1, images, minutes, ...(card && { card }) };
    },
    cardWritten: (s, card) => {
      const entry = this.entryOf(s.study);
      if (entry.page) entry.page = { ...entry.page, card };
    },
    // The search index needs every study's words: a study not read keeps last export's.
    searchKnown: (s) => {
      const search = this.known.get(s.study)?.search;
      if (search) return search;
      if (this.standIns.has(s.study)) throw new IncrementalMiss(`${s.study.id}: its search words need its sections`);
      return null;
    },
    searched: (s, sections) => {
      this.entryOf(s.study).search = sections;
    },
  };

  /** The render cache keys of the sections of `studies` that are read in full (not stand-ins). */
  sectionKeysToRender(studies: Study[]): string[] {
    return studies
      .filter((s) => !this.standIns.has(s))
      .flatMap((s) => sectionKeys.map((k) => sectionCacheKey(s[k]).key));
  }

  /** The snapshot of `studies` (all the export was given) under their files' stamps, racy ones left out. */
  snapshot(inputs: string, studies: Study[], stamps: Map<string, number[]>, takenAt: number): Snapshot {
    const out = new Map<string, SnapshotEntry>();
    for (const study of studies) {
      const stamp = stamps.get(`${study.id}.json`);
      if (!stamp || racy(stamp, takenAt)) continue;
      out.set(study.id, { ...this.entryOf(study), stamp });
    }
    return { inputs, studies: out };
  }
}

/** A study file changed under the export in a way only a full export handles (it then runs). */
export class IncrementalMiss extends Error {}

/**
 * The studies of an incremental export — stand-ins for unchanged files, read studies for the
 * rest — and the recorder that knows the unchanged ones; null when a full export is as fast.
 * `loadStudy(id)` reads studies/<id>.json as the full export's reader does (not_found: not a study).
 * Throws IncrementalMiss when a file read differs from what its identity promised.
 */
export async function incrementalStudies(
  snapshot: Snapshot,
  stamps: Map<string, number[]>,
  site: SiteSettings,
  drafts: boolean,
  loadStudy: (id: string) => Promise<Study>,
  memory: ExportMemory,
): Promise<{ studies: Study[]; recorder: SnapshotRecorder } | null> {
  const known = new Map<Study, SnapshotEntry>();
  const studies: Study[] = [];
  const toRead: string[] = [];
  for (const [name, stamp] of stamps) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const id = name.slice(0, -'.json'.length);
    const entry = snapshot.studies.get(id);
    if (entry && sameJson(entry.stamp, stamp)) {
      const study = standIn(entry);
      known.set(study, entry);
      studies.push(study);
    } else toRead.push(id);
  }
  if (toRead.length > Math.max(8, studies.length * MAX_CHANGED_SHARE)) return null;
  const load = async (ids: string[]) => {
    const read = new Map<string, Study | null>();
    await inPool(ids, LOAD_CONCURRENCY, async (id) => {
      read.set(
        id,
        await loadStudy(id).catch((err: unknown) => {
          if (err instanceof CasebookError && err.code === 'not_found') return null;
          throw new IncrementalMiss(`studies/${id}.json: ${(err as Error).message}`);
        }),
      );
    });
    return read;
  };
  const changed = [...(await load(toRead)).values()].filter((s): s is Study => s !== null);
  const all = [...studies, ...changed];

  // Stand-ins whose check or page would read another key than last time: read them in full.
  const names = StudyNames.of(all);
  const categories = JSON.stringify(site.categories);
  const upgrade = new Set<Study>();
  for (const study of studies) {
    const entry = known.get(study)!;
    if ((study.status === 'published' || drafts) && entry.publish?.key !== publishKey(categories, names, study))
      upgrade.add(study);
  }
  const model = buildSiteModel(site, all, drafts);
  const siteKey = siteKeyOf(site, model);
  model.studies.forEach((s: SiteStudy, i) => {
    const entry = known.get(s.study);
    if (!entry) return;
    // A page recorded without its reading time (an older Casebook's snapshot) is made again.
    if (entry.page?.key !== pageKey(studyPageKey(siteKey, model, i), entry.docs) || entry.page.minutes === undefined)
      upgrade.add(s.study);
  });
  if (toRead.length + upgrade.size > Math.max(8, studies.length * MAX_CHANGED_SHARE)) return null;
  const read = await load([...upgrade].map((s) => s.id));
  const standIns = new Set(studies);
  const result = all.map((study) => {
    if (!upgrade.has(study)) return study;
    const full = read.get(study.id);
    const entry = known.get(study)!;
    if (!full || !sameJson(fieldValues(full), entry.fields) || docsHash(full) !== entry.docs)
      throw new IncrementalMiss(`studies/${study.id}.json changed while it was exported`);
    known.delete(study);
    standIns.delete(study);
    known.set(full, entry);
    return full;
  });
  return { studies: result.sort(byNewestEdit), recorder: new SnapshotRecorder(memory, known, standIns) };
}
