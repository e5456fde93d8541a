// Files the store set aside because they did not parse or validate: the user must know,
// since those studies are missing from the list until the file is repaired.
import type { WorkspaceInfo } from '../../../core/contract';

export function QuarantineNotice({ files }: { files: WorkspaceInfo['quarantined'] }) {
  if (files.length === 0) return null;
  return (
    <section className="quarantine" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">Quarantined files</h2>
      <p className="hint">
        These files could not be read and were moved to <code>.quarantine/</code> in the workspace. Repair a file and
        move it back to open it again.
      </p>
      <ul>
        {files.map((f) => (
          <li key={f.storedAs}>
            <code className="quarantine-file">{f.file}</code>
            <span className="quarantine-reason">{f.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
