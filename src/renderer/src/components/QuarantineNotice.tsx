// Files the store set aside because they did not parse or validate, and entries it left where
// they are (a link, a folder or FIFO named like a study, a file it could not read): the user
// must know, since those studies are missing from the list until the file is repaired.
import type { WorkspaceInfo } from '../../../core/pure/contract';

export function QuarantineNotice({
  files,
  skipped = [],
}: {
  files: WorkspaceInfo['quarantined'];
  skipped?: WorkspaceInfo['skipped'];
}) {
  if (files.length === 0 && skipped.length === 0) return null;
  return (
    <section className="quarantine" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">{files.length > 0 ? 'Quarantined files' : 'Files not opened'}</h2>
      {files.length > 0 ? (
        <>
          <p className="hint">
            These files could not be read and were moved to <code>.quarantine/</code> in the workspace. Repair a file
            and move it back to open it again.
          </p>
          <FileReasons entries={files} />
        </>
      ) : null}
      {skipped.length > 0 ? (
        <>
          <p className="hint">
            These entries were left where they are and not (fully) read; each says why and what to do.
          </p>
          <FileReasons entries={skipped} />
        </>
      ) : null}
    </section>
  );
}

/** Each file with why it was not opened (the same name may have been quarantined twice). */
function FileReasons({ entries }: { entries: Array<{ file: string; reason: string }> }) {
  return (
    <ul>
      {entries.map((f, i) => (
        <li key={`${i}:${f.file}`}>
          <code className="quarantine-file">{f.file}</code>
          <span className="quarantine-reason">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}
