// The sample site with one word, "quiescence", said only in one study's Lessons: what the
// search tests (Node and browser) look for.
import type { Study } from '../../src/core/pure/schemas/study';
import { doc, sampleStudies } from './sample-site';

export const LESSON_WORD = 'quiescence';
export const LESSON_STUDY_PATH = 'the-queue-that-ate-friday/index.html';
export const LESSON_STUDY_TITLE = 'The Queue That Ate Friday';

export const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export function studiesWithLesson(word = LESSON_WORD): Study[] {
  return sampleStudies().map((s) =>
    s.id === 'queue-outage'
      ? { ...s, lessons: doc(para(`Drain the consumers first: ${word} before every deploy kept Friday calm.`)) }
      : s,
  );
}
