// "1,240 words · 6 min read" for the whole study; re-renders only when a section recounts.
import { formatReadingTime, formatWords, useStudyWordCount } from './word-counts';

export function StudyWordCount() {
  const words = useStudyWordCount();
  return (
    <p className="study-word-count">
      {formatWords(words)} · {formatReadingTime(words)}
    </p>
  );
}
