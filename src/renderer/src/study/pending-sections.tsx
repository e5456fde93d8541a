// A long study opens section by section: the first section's editor is built with the study,
// each next one a frame later, so the title and the text on screen take typing at once while
// the editors below the fold are still being built (a 20,000-word study took ~0.7 s to build
// all four before its first frame).
import { useEffect, useState } from 'react';
import { sectionLabels, type SectionKey } from '../../../core/pure/schemas/study';
import { sectionHeadingId } from '../editor/SectionEditor';

/** How many of `total` items are mounted: one at first, then one more after each painted frame. */
export function useMountedOneByOne(total: number): number {
  const [mounted, setMounted] = useState(1);
  useEffect(() => {
    if (mounted >= total) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame is painted (rAF, then a task), not before it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setMounted((n) => n + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [mounted, total]);
  return mounted;
}

/** Where a section's editor will be: its heading already, so the page does not jump. */
export function PendingSection({ section }: { section: SectionKey }) {
  const headingId = sectionHeadingId(section);
  return (
    <section className="section section-pending" aria-labelledby={headingId} aria-busy="true">
      <div className="section-head">
        <h2 id={headingId} className="section-heading">
          {sectionLabels[section]}
        </h2>
      </div>
    </section>
  );
}
