// Publish errors and warnings per study, for the library badges; asked again a little after
// the library changes (saves, creates, deletes), never per keystroke.
import { useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/contract';
import type { CheckCount } from './StudyEntry';

export function useCheckCounts(api: CasebookApi, refreshKey: unknown): Record<string, CheckCount> {
  const [counts, setCounts] = useState<Record<string, CheckCount>>({});
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.checkCounts({}).then(
        (result) => current && setCounts(result),
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
