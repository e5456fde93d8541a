// The end of an export: the counts, the warnings, and the way to the result — "Open folder" /
// "Open site" in Electron; in a browser "Open the site" (served back by the local server,
// server/exported-sites.ts) and the full path to copy, since a web page cannot open a folder.
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import type { CasebookShell } from '../api/casebook-client';
import { exportFormatInfo } from '../../../core/pure/export/export-formats';
import { exportSummary, pathInside, type ExportReport } from './export-report';
import { exportedSiteUrl } from '../../../core/pure/transport';

interface ExportResultProps {
  report: ExportReport;
  shell: CasebookShell | null;
}

export function ExportResult({ report, shell }: ExportResultProps) {
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const info = exportFormatInfo(report.format);
  const start = info.entryPage ? pathInside(report.outDir, info.entryPage) : report.outDir;

  const openWithOs = async (target: string) => {
    if (!shell) return;
    setOpenProblem(null);
    try {
      await shell.openPath(target);
    } catch (err) {
      setOpenProblem(errorMessage(err));
    }
  };

  return (
    <div className="export-result">
      <p role="status" className="export-summary">
        {exportSummary(report)}
      </p>
      {report.warnings.length ? (
        <div className="export-warnings">
          <h3 id="export-warnings-title">
            {report.warnings.length === 1 ? '1 thing to know' : `${report.warnings.length} things to know`}
          </h3>
          <ul aria-labelledby="export-warnings-title">
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {shell ? (
        <div className="export-open">
          <button type="button" onClick={() => void openWithOs(report.outDir)}>
            Open folder
          </button>
          {info.openLabel ? (
            <button type="button" onClick={() => void openWithOs(start)}>
              {info.openLabel}
            </button>
          ) : null}
        </div>
      ) : (
        <div className="export-where">
          {info.entryPage ? (
            <p className="export-open">
              <a href={exportedSiteUrl(report.outDir, info.entryPage)} target="_blank" rel="noopener">
                Open the site
              </a>
            </p>
          ) : null}
          <label className="export-label" htmlFor="export-start-path">
            {info.startLabel}
          </label>
          <input
            id="export-start-path"
            type="text"
            className="export-path"
            readOnly
            value={start}
            onFocus={(e) => e.target.select()}
            spellCheck={false}
          />
          <p className="hint">
            {info.entryPage
              ? 'The site’s files are in this folder, ready to publish.'
              : 'A browser tab cannot open files on your computer: copy this path into your file manager.'}
          </p>
        </div>
      )}
      {openProblem ? (
        <p className="export-error" role="alert">
          Could not open it: {openProblem}
        </p>
      ) : null}
    </div>
  );
}
