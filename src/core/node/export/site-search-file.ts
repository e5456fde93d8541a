// assets/search-index.js for an export: each study's search document (site-search-doc.ts)
// and the index built from them. What a study's sections give is computed once per study
// object, or taken from the last export's snapshot for a study an incremental export did not
// read (its sections are not in memory); the index is built again only when some document
// changed, so a re-export with no change costs a comparison of the documents, field by field.
import type { ExportMemory } from './export-memory';
import type { SitePageHooks } from './site-export';
import type { SiteModel } from '../../pure/export/site-model';
import type { Study } from '../../pure/schemas/study';
import {
  searchDoc,
  sectionSearch,
  sectionSearchSchema,
  type SearchDoc,
  type SectionSearch,
} from '../../pure/export/site-search-doc';
import { sectionKeys } from '../../pure/schemas/study';
import type { SearchJob } from './site-render-job';
import { searchIndexScript } from '../../pure/export/site-search-index';

// Studies are immutable values (a save makes a new object): same object, same sections.
const sectionsMemo = new WeakMap<Study, SectionSearch>();

/** For tests: studies whose search words the export's own thread had to take. */
export const searchStats = { computed: 0 };

function computed(study: Study): SectionSearch {
  searchStats.computed++;
  return sectionSearch(study);
}

/**
 * What the pre-render can compute on every core before the (one-thread) export runs: the
 * search words of each study not yet known. A first export of 1,000 studies spent ~0.7 s of
 * its one-thread part here.
 */
export function searchJobs(studies: Study[]): {
  jobs: SearchJob[];
  store(entries: ReadonlyArray<readonly [string, string]>): void;
} {
  const todo = studies.filter((study) => !sectionsMemo.has(study));
  const jobs = todo.map((study, search) => ({
    search,
    sections: Object.fromEntries(sectionKeys.map((key) => [key, study[key]])) as SearchJob['sections'],
  }));
  const store = (entries: ReadonlyArray<readonly [string, string]>) => {
    for (const [at, json] of entries) {
      const study = todo[Number(at)];
      const parsed = sectionSearchSchema.safeParse(JSON.parse(json));
      if (study && parsed.success) sectionsMemo.set(study, parsed.data);
    }
  };
  return { jobs, store };
}

export function searchIndexFile(model: SiteModel, memory: ExportMemory, hooks?: SitePageHooks): string {
  const docs = model.studies.map((s) => {
    const sections = sectionsMemo.get(s.study) ?? hooks?.searchKnown?.(s) ?? computed(s.study);
    sectionsMemo.set(s.study, sections);
    hooks?.searched?.(s, sections);
    return searchDoc(s, sections);
  });
  const last = memory.searchIndex;
  if (last && sameDocs(last.docs, docs)) return last.script;
  const script = searchIndexScript(docs);
  memory.searchIndex = { docs, script };
  return script;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the index of `b` is the index of `a` (cheaper than hashing them: mostly the same strings). */
function sameDocs(a: SearchDoc[], b: SearchDoc[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x.path === y.path &&
        x.title === y.title &&
        x.summary === y.summary &&
        x.words === y.words &&
        sameList(x.tags, y.tags) &&
        sameList(x.categories, y.categories) &&
        sameList(x.excerpts, y.excerpts)
      );
    })
  );
}
