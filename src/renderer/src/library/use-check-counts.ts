// Publish errors and warnings per study, for the library badges; asked again a little after
// the library changes (saves, creates, deletes), never per keystroke.
import { useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { CheckCount } from './StudyEntry';

/** Counts by study id (ids come from workspace files: a Map, so `constructor` is just an id). */
export function useCheckCounts(api: CasebookApi, refreshKey: unknown): ReadonlyMap<string, CheckCount> {
  const [counts, setCounts] = useState<ReadonlyMap<string, CheckCount>>(new Map());
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.checkCounts({}).then(
        (result) => current && setCounts(new Map(Object.entries(result))),
        // Badges are advice: without them the library still works.
        () => undefined,
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, refreshKey]);
  return counts;
}
