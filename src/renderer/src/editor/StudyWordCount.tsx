// "1,240 words · 6 min read" for the whole study ("0 words" alone before there is anything to
// read); re-renders only when a section recounts.
import { formatReadingTime, formatWords, useStudyWordCount } from './word-counts';

export function StudyWordCount() {
  const words = useStudyWordCount();
  return (
    <p className="study-word-count">
      {words === 0 ? formatWords(words) : `${formatWords(words)} · ${formatReadingTime(words)}`}
    </p>
  );
}
