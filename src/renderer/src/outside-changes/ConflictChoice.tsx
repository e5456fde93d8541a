// A study's file changed on disk under the author's unsaved edits: nothing is written until
// they choose. "Keep mine" saves their edits over the version on disk, "Take theirs" drops
// them and shows the version on disk, "Keep both" first keeps the version on disk as a
// separate study, then saves theirs. Named by the study, so it is clear which one it is about.
interface ConflictChoiceProps {
  title: string;
  busy: boolean;
  problem: string | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onKeepBoth: () => void;
}

export function ConflictChoice({ title, busy, problem, onKeepMine, onTakeTheirs, onKeepBoth }: ConflictChoiceProps) {
  return (
    <div className="banner conflict-choice" role="alert" aria-busy={busy}>
      <p>
        <strong>“{title}” changed on disk</strong> while you had unsaved edits. Nothing is saved until you choose: keep
        your version, take the one on disk, or keep both as separate case studies.
      </p>
      {problem ? <p className="conflict-problem">{problem}</p> : null}
      <div className="conflict-actions">
        <button type="button" disabled={busy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button type="button" disabled={busy} onClick={onKeepBoth}>
          Keep both
        </button>
      </div>
    </div>
  );
}
