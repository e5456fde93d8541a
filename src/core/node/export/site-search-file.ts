// assets/search-index.js for an export: each study's search document (site-search-doc.ts)
// and the index built from them. What a study's sections give is computed once per study
// object, or taken from the last export's snapshot for a study an incremental export did not
// read (its sections are not in memory); the index is built again only when some document
// changed, so a re-export with no change costs one comparison.
import type { ExportMemory } from './export-memory';
import type { SitePageHooks } from './site-export';
import type { SiteModel } from '../../pure/export/site-model';
import type { Study } from '../../pure/schemas/study';
import { searchDoc, sectionSearch, type SectionSearch } from '../../pure/export/site-search-doc';
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
  const key = JSON.stringify(docs);
  if (memory.searchIndex?.key === key) return memory.searchIndex.script;
  const script = searchIndexScript(docs);
  memory.searchIndex = { key, script };
  return script;
}
