// Orders for the library list: publication date (newest first, undated last), last edit
// (newest first) and title (alphabetical in the reader's language, numbers in number order).
import { z } from 'zod';
import type { StudySummary } from '../schemas/study';
import { byNewestEdit, compareText } from '../study-order';

export const librarySortSchema = z.enum(['relevance', 'date', 'updated', 'title']);
export type LibrarySort = z.infer<typeof librarySortSchema>;
export type ListSort = Exclude<LibrarySort, 'relevance'>;

export function sortStudies<T extends StudySummary>(studies: T[], sort: ListSort, locale?: string): T[] {
  const list = [...studies];
  if (sort === 'updated') return list.sort(byNewestEdit);
  if (sort === 'date') {
    return list.sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return compareText(b.date, a.date);
      }
      return byNewestEdit(a, b);
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return list.sort((a, b) => {
    // Untitled drafts sink to the end rather than lead the list.
    if (!a.title.trim() !== !b.title.trim()) return a.title.trim() ? -1 : 1;
    return collator.compare(a.title, b.title) || byNewestEdit(a, b);
  });
}
