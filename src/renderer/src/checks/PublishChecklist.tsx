// The publish checklist of the open study, shown when the author asks for it (the Checks
// button), when the study becomes Published and before an export: every finding, errors
// first, none hidden. Each finding is a button that jumps to its place.
import { useEffect, useId, useRef } from 'react';
import { X } from 'lucide-react';
import { setView } from '../app/view-state';
import { jumpToFinding } from './jump-to-finding';
import type { StudyChecks } from './use-study-checks';
import './checklist.css';
import { ProblemAlert } from '../components/ProblemAlert';

export const CHECKLIST_ID = 'publish-checklist';

/** Closes the checklist; focus goes back to the Checks button rather than to nowhere. */
function close(): void {
  setView({ checksOpen: false });
  document.querySelector<HTMLElement>('.checks-button')?.focus();
}

export function PublishChecklist({ checks }: { checks: StudyChecks }) {
  const heading = useId();
  const panel = useRef<HTMLElement>(null);
  const { findings, problem, blocking } = checks;
  const warnings = (findings?.length ?? 0) - blocking;

  // Opened from a button, a key or the status: brought into view, not given focus. (A block
  // body: scrollIntoView returns a promise in recent Chromium, which React would call on unmount.)
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  return (
    <section
      ref={panel}
      id={CHECKLIST_ID}
      className="checklist"
      aria-labelledby={heading}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <div className="checklist-head">
        <h2 id={heading}>Publish checklist</h2>
        <span className="checklist-summary">{findings === null ? '' : summaryOf(blocking, warnings)}</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close checklist"
          title="Close checklist"
          onClick={close}
        >
          <X aria-hidden="true" size={16} />
        </button>
      </div>
      <ProblemAlert problem={problem} />
      {findings ? (
        findings.length === 0 ? (
          <p className="hint">Nothing to fix: this study is ready to publish.</p>
        ) : (
          <ul className="checklist-items">
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

export function summaryOf(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'Ready to publish';
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}
