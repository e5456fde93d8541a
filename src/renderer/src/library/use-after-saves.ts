// Runs `refresh` shortly after the autosave queue has put edits on disk, so views that read
// from disk (checks, badges) follow what was typed without asking on every keystroke.
import { useEffect, useRef } from 'react';
import type { AutosaveQueue } from '../autosave/autosave-queue';

export function useAfterSaves(autosave: AutosaveQueue, refresh: () => void, delayMs = 250): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let previous = autosave.getState().kind;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = autosave.subscribe(() => {
      const now = autosave.getState().kind;
      if (now === 'saved' && previous !== 'saved') {
        clearTimeout(timer);
        timer = setTimeout(() => latest.current(), delayMs);
      }
      previous = now;
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [autosave, delayMs]);
}
