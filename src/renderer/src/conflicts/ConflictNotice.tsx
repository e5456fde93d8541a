// A list of conflicts a sync kept, wherever they are (a study, the site settings, a template):
// a heading ("2 conflicts from the last sync"), a hint, and for each conflict where it is, the
// version kept here (mine) beside the other one (theirs, with their author) and the author's
// choice: Keep mine, Take theirs or Keep both. What a choice does is the caller's (it knows the
// file and its compare-and-swap); this only draws and asks.
import { AlertTriangle } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import type { Conflict, ConflictChoice } from '../../../core/pure/merge/conflict-schema';
import { conflictValueText } from '../../../core/pure/sync/conflict-text';
import '../styles/conflicts.css';
import { ProblemAlert } from '../components/ProblemAlert';

export interface ConflictEntry {
  conflict: Conflict;
  /** Where it is, in the author's words ("Problem, paragraph 1", "Accent colour"). */
  place: string;
  /** Scrolls to it in place, when it has one (a study's block). */
  show?: () => void;
}

interface ConflictNoticeProps {
  /** What holds them, before the count ("Site settings: "); empty for the open study. */
  owner?: string;
  hint: string;
  /** What "mine" is, shown over my side ("Mine (in the study)"). */
  mineLabel: string;
  /** Where "Show" goes ("Show in the study"). */
  showLabel?: string;
  entries: ConflictEntry[];
  disabled: boolean;
  problem: string | null;
  /** A line after a choice (what Keep both could not keep), announced politely. */
  status?: ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
  onChoose: (conflict: Conflict, choice: ConflictChoice) => void;
}

export function ConflictNotice(props: ConflictNoticeProps) {
  const { owner = '', hint, entries, problem, status, headingLevel = 2, className = '' } = props;
  const headingId = useId();
  if (entries.length === 0) return null;
  const count = entries.length;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`conflicts-notice ${className}`.trim()} aria-labelledby={headingId}>
      <Heading id={headingId} className="conflicts-title">
        <AlertTriangle aria-hidden="true" size={16} />
        {owner}
        {count} {count === 1 ? 'conflict' : 'conflicts'} from the last sync
      </Heading>
      <p className="conflicts-hint">{hint}</p>
      <ProblemAlert problem={problem} />
      <p className="conflicts-status" role="status">
        {status}
      </p>
      <ul className="conflict-list">
        {entries.map((entry) => (
          <ConflictItem
            key={entry.conflict.id}
            entry={entry}
            level={headingLevel}
            mineLabel={props.mineLabel}
            showLabel={props.showLabel}
            disabled={props.disabled}
            onChoose={props.onChoose}
          />
        ))}
      </ul>
    </section>
  );
}

interface ConflictItemProps extends Pick<ConflictNoticeProps, 'mineLabel' | 'showLabel' | 'disabled' | 'onChoose'> {
  entry: ConflictEntry;
  level: 2 | 3;
}

function ConflictItem({ entry, level, mineLabel, showLabel, disabled, onChoose }: ConflictItemProps) {
  const labelId = useId();
  const { conflict, place, show } = entry;
  const [Place, Side] = level === 2 ? (['h3', 'h4'] as const) : (['h4', 'h5'] as const);
  return (
    <li className="conflict-item" aria-labelledby={labelId}>
      <Place id={labelId} className="conflict-place">
        {place}
        {show ? (
          <button type="button" className="link-button" onClick={show}>
            {showLabel ?? 'Show'}
          </button>
        ) : null}
      </Place>
      <div className="conflict-sides">
        <div className="conflict-side">
          <Side>{mineLabel}</Side>
          <p>{conflictValueText(conflict.mine)}</p>
        </div>
        <div className="conflict-side">
          <Side>Theirs{conflict.theirsAuthor ? ` (${conflict.theirsAuthor})` : ''}</Side>
          <p>{conflictValueText(conflict.theirs)}</p>
        </div>
      </div>
      <div className="conflict-actions" role="group" aria-label={`Resolve: ${place}`}>
        <button type="button" disabled={disabled} onClick={() => onChoose(conflict, 'mine')}>
          Keep mine
        </button>
        <button type="button" disabled={disabled} onClick={() => onChoose(conflict, 'theirs')}>
          Take theirs
        </button>
        <button type="button" disabled={disabled} onClick={() => onChoose(conflict, 'both')}>
          Keep both
        </button>
      </div>
    </li>
  );
}
