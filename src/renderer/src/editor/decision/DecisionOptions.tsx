// The considered options of a decision record card: each a named group ("Option 2") with its
// title, description, "Chosen" toggle, points, and buttons to move or remove it.
import {
  LIMITS,
  type DecisionOption,
  type DecisionRecordAttrs,
} from '../../../../core/pure/rich-text/blocks/decision-attrs';
import { DecisionPoints } from './DecisionPoints';
import { ActionButton, moved, movedFocus, TextField } from './decision-fields';

interface DecisionOptionsProps {
  a: DecisionRecordAttrs;
  set(patch: Partial<DecisionRecordAttrs>): void;
  focus(key: string): void;
  readOnly: boolean;
}

/** Where the chosen option is after option `from` moved by `by`. */
function chosenAfterMove(chosen: number | null, from: number, by: -1 | 1): number | null {
  if (chosen === from) return from + by;
  if (chosen === from + by) return from;
  return chosen;
}

export function DecisionOptions({ a, set, focus, readOnly }: DecisionOptionsProps) {
  const options = a.options;
  const update = (i: number, patch: Partial<DecisionOption>) =>
    set({ options: options.map((o, k) => (k === i ? { ...o, ...patch } : o)) });
  const move = (i: number, by: -1 | 1) => {
    const to = i + by;
    if (to < 0 || to >= options.length) return;
    set({ options: moved(options, i, by), chosen: chosenAfterMove(a.chosen, i, by) });
    focus(`o${to}-${movedFocus(to, by, options.length)}`);
  };
  const remove = (i: number) => {
    const chosen = a.chosen === i ? null : a.chosen !== null && a.chosen > i ? a.chosen - 1 : a.chosen;
    set({ options: options.filter((_, k) => k !== i), chosen });
    focus(options.length > 1 ? `o${Math.max(0, i - 1)}-title` : 'add-option');
  };
  return (
    <fieldset className="decision-group">
      <legend className="decision-group-title">Considered options</legend>
      {options.map((o, i) => {
        const chosen = a.chosen === i;
        return (
          <fieldset key={i} className={`decision-option-card${chosen ? ' is-chosen' : ''}`}>
            <legend>
              {`Option ${i + 1}`}
              {chosen && <span className="decision-chosen-mark"> Chosen</span>}
            </legend>
            <div className="decision-option-row">
              <TextField
                label="Title"
                hiddenPrefix={`Option ${i + 1}`}
                value={o.title}
                focusKey={`o${i}-title`}
                maxLength={LIMITS.line}
                className="decision-option-title-field"
                readOnly={readOnly}
                onChange={(title) => update(i, { title })}
              />
              <label className="decision-chosen-toggle">
                <input
                  type="checkbox"
                  checked={chosen}
                  data-focus-key={`o${i}-chosen`}
                  disabled={readOnly}
                  onChange={(e) => set({ chosen: e.target.checked ? i : null })}
                />
                Chosen
              </label>
            </div>
            <TextField
              label="Description"
              hiddenPrefix={`Option ${i + 1}`}
              value={o.description}
              focusKey={`o${i}-description`}
              maxLength={LIMITS.text}
              readOnly={readOnly}
              onChange={(description) => update(i, { description })}
            />
            <DecisionPoints
              points={o.points}
              noun="point"
              owner={` of option ${i + 1}`}
              keyPrefix={`o${i}-p`}
              focus={focus}
              readOnly={readOnly}
              onChange={(points) => update(i, { points: points.slice(0, LIMITS.points) })}
            />
            <div className="decision-option-actions">
              <ActionButton
                label={`Move option ${i + 1} up`}
                focusKey={`o${i}-up`}
                disabled={readOnly || i === 0}
                onClick={() => move(i, -1)}
              >
                ↑ Up
              </ActionButton>
              <ActionButton
                label={`Move option ${i + 1} down`}
                focusKey={`o${i}-down`}
                disabled={readOnly || i === options.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓ Down
              </ActionButton>
              <ActionButton
                label={`Remove option ${i + 1}`}
                focusKey={`o${i}-remove`}
                disabled={readOnly}
                onClick={() => remove(i)}
              >
                × Remove
              </ActionButton>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="decision-add"
        data-focus-key="add-option"
        disabled={readOnly || options.length >= LIMITS.options}
        onClick={() => {
          set({ options: [...options, { title: '', description: '', points: [] }] });
          focus(`o${options.length}-title`);
        }}
      >
        Add option
      </button>
    </fieldset>
  );
}
