// Shown when an export was refused because studies it would publish have errors: each study
// with its errors, and a clearly labelled way to export anyway (the studies are then
// published as they are). Nothing was written when this shows.
import { useEffect, useId, useRef } from 'react';
import { siteConflictsMessage, type PublishBlock } from '../../../core/pure/checks/publish-gate';
import { shownTitle } from '../../../core/pure/schemas/study';

interface PublishBlockNoticeProps {
  block: PublishBlock;
  onExportAnyway: () => void;
}

export function PublishBlockNotice({ block, onExportAnyway }: PublishBlockNoticeProps) {
  const titleId = useId();
  const notice = useRef<HTMLElement>(null);
  // It appears below the form: bring it, and its "Export anyway", into the dialog's view.
  useEffect(() => {
    notice.current?.scrollIntoView({ block: 'nearest' });
  }, [block]);
  const n = block.studies.length;
  const site = block.site ?? [];
  return (
    <section ref={notice} className="export-blocked" role="alert" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {n > 0
          ? `Not exported: ${n} ${n === 1 ? 'study has' : 'studies have'} errors`
          : 'Not exported: the site settings hold conflicts'}
      </h3>
      {site.length > 0 ? <p>{siteConflictsMessage(site)}</p> : null}
      {n > 0 ? (
        <p>
          Nothing was written. Fix {n === 1 ? 'it' : 'them'} first, or export anyway and publish{' '}
          {n === 1 ? 'it' : 'them'} as {n === 1 ? 'it is' : 'they are'}.
        </p>
      ) : (
        <p>Nothing was written.</p>
      )}
      {/* Scrolls on its own when long, so it takes keyboard focus to be scrolled too. */}
      <ul className="blocked-studies" tabIndex={0} aria-label="Studies with errors" hidden={n === 0}>
        {block.studies.map((study) => (
          <li key={study.id}>
            <strong>{shownTitle(study.title)}</strong>
            {study.status === 'draft' ? <span className="blocked-status"> (draft)</span> : null}
            <ul>
              {study.findings.map((finding) => (
                <li key={finding.id}>{finding.message}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="export-blocked-actions">
        <button type="button" className="danger" onClick={onExportAnyway}>
          Export anyway, with errors
        </button>
      </div>
    </section>
  );
}
