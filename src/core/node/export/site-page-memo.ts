// Rendered study pages, remembered by everything a page shows (the study's fields, its body,
// its neighbours' titles, the site settings), so a re-export after one edit builds one page
// and hands the writer the very same strings as last time. Output is identical without it.
import type { ExportMemory } from './export-memory';
import type { StudyBody } from './site-study-body';

const MAX_PAGES = 5000;

/** The page at `path` for `key` and `body`: remembered in `memory` if both match, else `render()`ed. */
export function rememberedPage(
  memory: ExportMemory,
  path: string,
  key: string,
  body: StudyBody,
  render: () => string,
): string {
  const { pages } = memory;
  const hit = pages.get(path);
  if (hit && hit.key === key && hit.body === body) return hit.html;
  const html = render();
  if (pages.size >= MAX_PAGES) pages.clear();
  pages.set(path, { key, body, html });
  return html;
}
