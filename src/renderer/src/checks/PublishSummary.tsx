// For the Export dialog: how ready the published studies are, from checkWorkspace.
// "2 studies have errors" with each study and its first error, before exporting; the export
// itself refuses while they remain (the dialog then lists them all and offers to export anyway).
import { useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { WorkspaceCheck } from '../../../core/pure/checks/workspace-checks';
import { errorMessage } from '../api/api-error';
import './checklist.css';
import { shownTitle } from '../../../core/pure/schemas/study';

interface PublishSummaryProps {
  api: Pick<CasebookApi, 'checkWorkspace'>;
  /** Check only what a default export writes (drafts left out). */
  publishedOnly?: boolean;
}

export function PublishSummary({ api, publishedOnly = true }: PublishSummaryProps) {
  const [check, setCheck] = useState<WorkspaceCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.checkWorkspace({ publishedOnly }).then(
      (result) => current && setCheck(result),
      (err: unknown) => current && setProblem(`Could not check the studies: ${errorMessage(err)}`),
    );
    return () => {
      current = false;
    };
  }, [api, publishedOnly]);

  if (problem) return <p className="publish-summary hint">{problem}</p>;
  if (!check) return null;
  const { totals } = check;
  const failing = check.studies.filter((s) => s.errors > 0);
  return (
    <section className="publish-summary" aria-label="Publish readiness">
      <p>
        {totals.studies === 0
          ? publishedOnly
            ? 'No study is published yet.'
            : 'The workspace has no studies yet.'
          : failing.length === 0
            ? `All ${totals.studies} ${publishedOnly ? 'published ' : ''}${totals.studies === 1 ? 'study is' : 'studies are'} ready` +
              (totals.warnings > 0 ? ` (${totals.warnings} ${totals.warnings === 1 ? 'warning' : 'warnings'}).` : '.')
            : `${failing.length} ${failing.length === 1 ? 'study has' : 'studies have'} errors (${totals.errors} in all, ${totals.warnings} warnings).`}
      </p>
      {failing.length > 0 ? (
        <ul>
          {failing.map((s) => (
            <li key={s.id}>
              <strong>{shownTitle(s.title)}</strong>: {s.findings.find((f) => f.severity === 'error')?.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
