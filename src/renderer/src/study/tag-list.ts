// Tags are typed as one comma-separated line; the study stores them as a clean list, within
// the schema's limits (longer names cut, tags past the most a study may hold left out).
import { limits } from '../../../core/pure/schemas/study-fields';

export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().slice(0, limits.name);
    if (tag && !seen.has(tag.toLowerCase()) && tags.length < limits.tags) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

export function formatTagList(tags: readonly string[]): string {
  return tags.join(', ');
}
