// The publish checklist of the open study: what keeps it from being published (errors first,
// then advice), refreshed after each save. Each finding is a button that jumps to its place.
import { useCallback, useEffect, useId, useState } from 'react';
import type { Finding } from '../../../core/pure/checks/finding';
import type { CasebookApi } from '../../../core/pure/contract';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { useAfterSaves } from '../library/use-after-saves';
import { jumpToFinding } from './jump-to-finding';
import './checklist.css';

const OPEN_KEY = 'casebook.checklist.open';

interface PublishChecklistProps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  studyId: string;
}

export function PublishChecklist({ api, autosave, studyId }: PublishChecklistProps) {
  const ids = { heading: useId(), list: useId() };
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(() => readOpen());

  const load = useCallback(() => {
    api.checkStudy({ id: studyId }).then(
      (list) => {
        setFindings(bySeverity(list));
        setProblem(null);
      },
      (err: unknown) => setProblem(`Could not check the study: ${errorMessage(err)}`),
    );
  }, [api, studyId]);

  useEffect(() => load(), [load]);
  useAfterSaves(autosave, load);

  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  const warnings = (findings?.length ?? 0) - errors;
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(OPEN_KEY, open ? 'false' : 'true');
    } catch {
      // Storage may be unavailable; the panel still opens.
    }
  };

  return (
    <section className={`checklist${errors > 0 ? ' has-errors' : ''}`} aria-labelledby={ids.heading}>
      <div className="checklist-head">
        <h2 id={ids.heading}>
          <button type="button" aria-expanded={open} aria-controls={ids.list} onClick={toggle}>
            <span className="disclosure" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            Publish checklist
          </button>
        </h2>
        <span className="checklist-summary">{findings === null ? '' : summaryOf(errors, warnings)}</span>
      </div>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {open && findings ? (
        findings.length === 0 ? (
          <p className="hint" id={ids.list}>
            Nothing to fix: this study is ready to publish.
          </p>
        ) : (
          <ul className="checklist-items" id={ids.list}>
            {findings.map((f) => (
              <li key={f.id}>
                <button type="button" className={`finding finding-${f.severity}`} onClick={() => jumpToFinding(f)}>
                  <span className="finding-severity">{f.severity === 'error' ? 'Error' : 'Warning'}:</span> {f.message}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function bySeverity(findings: Finding[]): Finding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}

export function summaryOf(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'Ready to publish';
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== 'false';
  } catch {
    return true;
  }
}
