// The Good / Bad points of an option, or the record's consequences: a list of rows, each a
// kind select and a text field with move and remove buttons, and an "Add …" button. Every
// button names its item ("Move point 2 of option 1 up"), so it is clear without seeing it.
import type { DecisionPoint } from '../../../../core/pure/rich-text/blocks/decision-attrs';
import { LIMITS } from '../../../../core/pure/rich-text/blocks/decision-attrs';
import { ActionButton, moved, movedFocus, TextField } from './decision-fields';

interface DecisionPointsProps {
  points: DecisionPoint[];
  onChange(points: DecisionPoint[]): void;
  /** "point" or "consequence" */
  noun: string;
  /** " of option 2", or '' */
  owner: string;
  /** Prefix of the focus keys of these rows ("o1-p" / "c"). */
  keyPrefix: string;
  focus(key: string): void;
  /** A read-only study: every control is shown but none changes anything. */
  readOnly: boolean;
}

export function DecisionPoints({ points, onChange, noun, owner, keyPrefix, focus, readOnly }: DecisionPointsProps) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const set = (i: number, patch: Partial<DecisionPoint>) =>
    onChange(points.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  const move = (i: number, by: -1 | 1) => {
    onChange(moved(points, i, by));
    const to = i + by;
    focus(`${keyPrefix}${to}-${movedFocus(to, by, points.length)}`);
  };
  return (
    <div className="decision-points-editor">
      {points.length > 0 && (
        <ul className="decision-point-rows">
          {points.map((p, i) => {
            const name = `${Noun} ${i + 1}${owner}`;
            return (
              <li key={i} className={`decision-point-row decision-point-${p.kind}`}>
                <label className="decision-kind">
                  <span className="visually-hidden">{`${name} kind`}</span>
                  <select
                    value={p.kind}
                    data-focus-key={`${keyPrefix}${i}-kind`}
                    disabled={readOnly}
                    onChange={(e) => set(i, { kind: e.target.value === 'bad' ? 'bad' : 'good' })}
                  >
                    <option value="good">Good</option>
                    <option value="bad">Bad</option>
                  </select>
                </label>
                <TextField
                  label={name}
                  quietLabel
                  value={p.text}
                  focusKey={`${keyPrefix}${i}-text`}
                  maxLength={LIMITS.line}
                  className="decision-point-text"
                  readOnly={readOnly}
                  onChange={(text) => set(i, { text })}
                />
                <ActionButton
                  label={`Move ${noun} ${i + 1}${owner} up`}
                  focusKey={`${keyPrefix}${i}-up`}
                  disabled={readOnly || i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </ActionButton>
                <ActionButton
                  label={`Move ${noun} ${i + 1}${owner} down`}
                  focusKey={`${keyPrefix}${i}-down`}
                  disabled={readOnly || i === points.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </ActionButton>
                <ActionButton
                  label={`Remove ${noun} ${i + 1}${owner}`}
                  focusKey={`${keyPrefix}${i}-remove`}
                  disabled={readOnly}
                  onClick={() => {
                    onChange(points.filter((_, k) => k !== i));
                    focus(points.length > 1 ? `${keyPrefix}${Math.max(0, i - 1)}-text` : `${keyPrefix}add`);
                  }}
                >
                  ×
                </ActionButton>
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="decision-add"
        data-focus-key={`${keyPrefix}add`}
        disabled={readOnly || points.length >= LIMITS.points}
        onClick={() => {
          onChange([...points, { kind: 'good', text: '' }]);
          focus(`${keyPrefix}${points.length}-kind`);
        }}
      >
        {`Add ${noun}${owner}`}
      </button>
    </div>
  );
}
