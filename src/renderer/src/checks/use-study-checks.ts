// The publish checks of the open study, read again after each save: the Checks button counts
// what blocks publishing, the checklist panel lists every finding (errors first).
import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../../../core/pure/checks/finding';
import type { CasebookApi } from '../../../core/pure/contract';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { useAfterSaves } from '../library/use-after-saves';

export interface StudyChecks {
  /** Null until the first check of this study answered. */
  findings: Finding[] | null;
  problem: string | null;
  /** What keeps the study from being published (errors); warnings only advise. */
  blocking: number;
}

/** `version` changes when the study is loaded from disk again, so the checks are read again too. */
export function useStudyChecks(
  api: CasebookApi,
  autosave: AutosaveQueue,
  studyId: string | null,
  version: number,
): StudyChecks {
  const [result, setResult] = useState<{ id: string; findings: Finding[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    if (studyId === null) return;
    api.checkStudy({ id: studyId }).then(
      (list) => {
        setResult({ id: studyId, findings: bySeverity(list) });
        setProblem(null);
      },
      (err: unknown) => setProblem(`Could not check the study: ${errorMessage(err)}`),
    );
  }, [api, studyId]);

  useEffect(() => load(), [load, version]);
  useAfterSaves(autosave, load);

  // An answer about the study that was open before is not shown for this one.
  const findings = result && result.id === studyId ? result.findings : null;
  return { findings, problem, blocking: findings?.filter((f) => f.severity === 'error').length ?? 0 };
}

function bySeverity(findings: Finding[]): Finding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}
