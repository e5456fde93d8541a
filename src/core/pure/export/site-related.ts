// "Related case studies" at the end of a study page: the studies sharing most categories and
// tags with it, up to three. The ranking is deterministic (same site → same lists) so pages do
// not change between exports: score, then the site's own order (newest first).
import type { SiteCategory, SiteModel, SiteStudy } from './site-model';

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
  const { studies } = model;
  const index = new Map(studies.map((s, i) => [s, i]));
  // Studies by index, per category and per tag (case aside).
  const byCategory = new Map<SiteCategory, number[]>();
  for (const c of model.categories)
    byCategory.set(
      c,
      c.studies.map((s) => index.get(s)!),
    );
  const byTag = new Map<string, number[]>();
  const tagsOf = studies.map((s) => [...new Set(s.study.tags.map(tagKey).filter(Boolean))]);
  tagsOf.forEach((tags, i) => {
    for (const t of tags) {
      const list = byTag.get(t);
      if (list) list.push(i);
      else byTag.set(t, [i]);
    }
  });
  // One score array reused for every study; `touched` says which entries to read and reset.
  const scores = new Float64Array(studies.length);
  const touched: number[] = [];
  const add = (list: readonly number[] | undefined, weight: number) => {
    for (const j of list ?? []) {
      if (scores[j] === 0) touched.push(j);
      scores[j] += weight;
    }
  };
  const result = new Map<SiteStudy, SiteStudy[]>();
  studies.forEach((s, i) => {
    for (const c of s.categories) add(byCategory.get(c), CATEGORY_WEIGHT);
    for (const t of tagsOf[i]!) add(byTag.get(t), TAG_WEIGHT);
    // The best MAX_RELATED by score, then by index (newest first): a pass, not a sort.
    const best: number[] = [];
    for (const j of touched) {
      if (j === i) continue;
      const score = scores[j]!;
      // Most candidates lose to the current third: rejected without a search.
      const last = best[best.length - 1];
      if (best.length === MAX_RELATED && (score < scores[last!]! || (score === scores[last!] && j > last!))) continue;
      let at = best.length;
      while (at > 0 && (score > scores[best[at - 1]!]! || (score === scores[best[at - 1]!] && j < best[at - 1]!))) at--;
      best.splice(at, 0, j);
      if (best.length > MAX_RELATED) best.pop();
    }
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    result.set(
      s,
      best.map((j) => studies[j]!),
    );
  });
  memo.set(model, result);
  return result;
}
