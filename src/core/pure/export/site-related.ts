// "Related case studies" at the end of a study page: the studies sharing most categories and
// tags with it, up to three. The ranking is deterministic (same site → same lists) so pages do
// not change between exports: score, then the site's own order (newest first).
import type { SiteModel, SiteStudy } from './site-model';

export const MAX_RELATED = 3;
/** A shared category says more than a shared tag (categories are few and chosen by the site). */
const CATEGORY_WEIGHT = 2;
const TAG_WEIGHT = 1;

const tagKey = (tag: string) => tag.trim().toLowerCase();

const memo = new WeakMap<SiteModel, Map<SiteStudy, SiteStudy[]>>();

/**
 * For each study of the model, its related studies, best first. Studies are found through the
 * categories and tags they share (an index, not every pair), so a site of 1,000 studies costs
 * milliseconds; remembered per model, as both the page and its memo key read it.
 */
export function relatedStudies(model: SiteModel): Map<SiteStudy, SiteStudy[]> {
  const known = memo.get(model);
  if (known) return known;
  const order = new Map(model.studies.map((s, i) => [s, i]));
  const byTag = new Map<string, SiteStudy[]>();
  const tagsOf = new Map<SiteStudy, Set<string>>();
  for (const s of model.studies) {
    const tags = new Set(s.study.tags.map(tagKey).filter(Boolean));
    tagsOf.set(s, tags);
    for (const t of tags) {
      const list = byTag.get(t);
      if (list) list.push(s);
      else byTag.set(t, [s]);
    }
  }
  const result = new Map<SiteStudy, SiteStudy[]>();
  for (const s of model.studies) {
    const scores = new Map<SiteStudy, number>();
    const add = (other: SiteStudy, weight: number) => {
      if (other !== s) scores.set(other, (scores.get(other) ?? 0) + weight);
    };
    for (const c of s.categories) for (const other of c.studies) add(other, CATEGORY_WEIGHT);
    for (const t of tagsOf.get(s)!) for (const other of byTag.get(t)!) add(other, TAG_WEIGHT);
    const ranked = [...scores]
      .sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!)
      .slice(0, MAX_RELATED)
      .map(([other]) => other);
    result.set(s, ranked);
  }
  memo.set(model, result);
  return result;
}
