// Helpers for tests that look at an exported site: files by path, HTML pages, and the
// relative links and images inside them.
import path from 'node:path';
import type { OutputFile } from '../../src/core/pure/export/output-files';

export function byPath(files: OutputFile[]): Map<string, string | Uint8Array> {
  return new Map(files.map((f) => [f.path, f.contents]));
}

/** A study's page: its slug's folder at the top, not one of the site's own folders. */
export function isStudyPage(pagePath: string): boolean {
  return /^[^/]+\/index\.html$/.test(pagePath) && !/^(category|tag|author|archive|search)\//.test(pagePath);
}

export function htmlPages(files: OutputFile[]): Array<{ path: string; html: string }> {
  return files.filter((f) => f.path.endsWith('.html')).map((f) => ({ path: f.path, html: String(f.contents) }));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
export function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);
}

/** Every start tag of a page: its name and attributes (values decoded). Pages are valid HTML with quoted attributes. */
export function startTags(html: string): Array<{ name: string; attrs: Map<string, string> }> {
  const tags: Array<{ name: string; attrs: Map<string, string> }> = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/\s+([^\s"'>/=]+)(?:="([^"]*)")?/g))
      attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? ''));
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

/** Relative href/src targets of a page, resolved to paths inside the site (fragment and query dropped). */
export function relativeTargets(pagePath: string, html: string): string[] {
  const out: string[] = [];
  for (const tag of startTags(html)) {
    for (const name of ['href', 'src']) {
      const value = tag.attrs.get(name);
      if (value === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#')) continue;
      const clean = value.split('#')[0]!.split('?')[0]!;
      out.push(path.posix.normalize(path.posix.join(path.posix.dirname(pagePath), clean)));
    }
  }
  return out;
}
