// Each study opens where the author last was in it (or at its top, the first time), not at the
// scroll position of the study open before it.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** The element the open study scrolls in: the pane, or the study's own column beside the preview. */
function scrollerIn(pane: HTMLElement): HTMLElement {
  return pane.querySelector<HTMLElement>('.with-preview > .study-frame') ?? pane;
}

export function useStudyScroll(pane: RefObject<HTMLElement | null>, studyId: string | null): void {
  // Keyed by study id (from the workspace's files): a Map, never a plain object.
  const positions = useRef(new Map<string, number>());
  const shown = useRef<string | null>(null);

  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    const remember = (event: Event) => {
      const id = shown.current;
      if (id !== null && event.target instanceof HTMLElement) positions.current.set(id, event.target.scrollTop);
    };
    element.addEventListener('scroll', remember, { capture: true, passive: true });
    return () => element.removeEventListener('scroll', remember, { capture: true });
  }, [pane]);

  useLayoutEffect(() => {
    const element = pane.current;
    shown.current = studyId;
    if (!element || studyId === null) return;
    const top = positions.current.get(studyId) ?? 0;
    const restore = () => {
      const scroller = scrollerIn(element);
      scroller.scrollTop = top;
      return scroller.scrollTop === top;
    };
    // The sections are built one a frame (study/pending-sections.tsx): a place far down the
    // study exists only once they are, so keep trying for a while, each frame.
    let frames = 0;
    let frame = 0;
    const again = () => {
      if (!restore() && ++frames < 60) frame = requestAnimationFrame(again);
    };
    again();
    return () => cancelAnimationFrame(frame);
  }, [pane, studyId]);
}
