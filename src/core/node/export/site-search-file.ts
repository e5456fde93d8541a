// assets/search-index.js for an export: each study's search document (site-search-doc.ts)
// and the index built from them. What a study's sections give is computed once per study
// object, or taken from the last export's snapshot for a study an incremental export did not
// read (its sections are not in memory); the index is built again only when some document
// changed, so a re-export with no change costs a comparison of the documents, field by field.
import type { ExportMemory } from './export-memory';
import type { SitePageHooks } from './site-export';
import type { SiteModel } from '../../pure/export/site-model';
import type { Study } from '../../pure/schemas/study';
import { searchDoc, sectionSearch, type SearchDoc, type SectionSearch } from '../../pure/export/site-search-doc';
import { searchIndexScript } from '../../pure/export/site-search-index';

// Studies are immutable values (a save makes a new object): same object, same sections.
const sectionsMemo = new WeakMap<Study, SectionSearch>();

export function searchIndexFile(model: SiteModel, memory: ExportMemory, hooks?: SitePageHooks): string {
  const docs = model.studies.map((s) => {
    const sections = sectionsMemo.get(s.study) ?? hooks?.searchKnown?.(s) ?? sectionSearch(s.study);
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
