// The study's key results (the `metrics` field): one group of labelled inputs per metric,
// with buttons to add, move and remove them, all by keyboard. Every change saves through the
// autosave path like any other field. A row still missing a label or a number says so beside
// the input; until it is complete the saved list holds its last complete value (a new row:
// nothing), so leaving the study mid-edit loses no metric, and each row knows its index in
// the saved list, which is what a publish finding's path counts (jump-to-finding.ts).
import { useEffect, useRef, useState } from 'react';
import { draftOf, metricFromDraft, type MetricDraft, type MetricProblems } from '../../../core/pure/metric-draft';
import { metricLabel, valuesText } from '../../../core/pure/export/metrics-format';
import { metricLimits, type Metric } from '../../../core/pure/schemas/metrics';
import '../styles/key-results.css';

interface Row {
  /** Stable across moves: React keys and element ids. */
  id: number;
  draft: MetricDraft;
  /** Inputs the author has left or typed in: only those show their problem. */
  touched: ReadonlySet<keyof MetricProblems>;
  /** Its value in the saved list: the last complete draft, null while it never was one. */
  saved: Metric | null;
}

interface KeyResultsPanelProps {
  metrics: readonly Metric[];
  onChange: (metrics: Metric[]) => void;
}

const emptyDraft = (): MetricDraft => ({ label: '', before: '', after: '', unit: '', better: 'lower' });

export function KeyResultsPanel({ metrics, onChange }: KeyResultsPanelProps) {
  const nextId = useRef(0);
  const newRow = (draft: MetricDraft, saved: Metric | null = null): Row => ({
    id: nextId.current++,
    draft,
    touched: new Set(),
    saved,
  });
  const [rows, setRows] = useState<Row[]>(() => metrics.map((m) => newRow(draftOf(m), m)));
  const saved = useRef(JSON.stringify(metrics));
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const update = (changed: Row[], focus?: string) => {
    const next = changed.map((row) => {
      const result = metricFromDraft(row.draft);
      return 'metric' in result ? { ...row, saved: result.metric } : row;
    });
    setRows(next);
    if (focus) focusNext.current = focus;
    const list = next.flatMap((row) => (row.saved ? [row.saved] : []));
    const json = JSON.stringify(list);
    if (json !== saved.current) {
      saved.current = json;
      onChange(list);
    }
  };

  const change = (index: number, key: keyof MetricDraft, value: string) =>
    update(
      rows.map((row, i) =>
        i === index
          ? {
              ...row,
              draft: { ...row.draft, [key]: value },
              touched: key === 'better' ? row.touched : new Set([...row.touched, key]),
            }
          : row,
      ),
    );
  const touch = (index: number, key: keyof MetricProblems) =>
    setRows((current) =>
      current.map((row, i) => (i === index ? { ...row, touched: new Set([...row.touched, key]) } : row)),
    );
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    const to = index + by;
    // Keep focus on the button pressed, or on its twin when the row reached the end.
    const edge = (by === -1 && to === 0) || (by === 1 && to === next.length - 1);
    const which = edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    update(next, `metric-${row!.id}-${which}`);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    const neighbour = next[index] ?? next[index - 1];
    update(next, neighbour ? `metric-${neighbour.id}-remove` : 'metric-add');
  };
  const add = () => {
    const row = newRow(emptyDraft());
    update([...rows, row], `metric-${row.id}-label`);
  };

  return (
    <fieldset className="field key-results-panel">
      <legend>Key results</legend>
      <p className="hint" id="key-results-hint">
        Measured outcomes, before → after. The site opens the study with them as a figure; listings show the first.
      </p>
      {rows.length > 0 && (
        <ol className="key-result-list">
          {rows.map((row, i) => (
            <KeyResultRow
              key={row.id}
              row={row}
              index={i}
              savedIndex={row.saved ? rows.slice(0, i).filter((r) => r.saved).length : null}
              count={rows.length}
              onChange={(key, value) => change(i, key, value)}
              onTouch={(key) => touch(i, key)}
              onMove={(by) => move(i, by)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
      )}
      <button
        type="button"
        id="metric-add"
        onClick={add}
        disabled={rows.length >= metricLimits.metrics}
        aria-describedby="key-results-hint"
      >
        Add key result
      </button>
      {rows.length >= metricLimits.metrics && (
        <p className="hint">A study holds at most {metricLimits.metrics} key results.</p>
      )}
    </fieldset>
  );
}

interface RowProps {
  row: Row;
  index: number;
  /** Its place in the saved list (a finding's path[0]); null when it is not in it yet. */
  savedIndex: number | null;
  count: number;
  onChange: (key: keyof MetricDraft, value: string) => void;
  onTouch: (key: keyof MetricProblems) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function KeyResultRow({ row, index, savedIndex, count, onChange, onTouch, onMove, onRemove }: RowProps) {
  const n = index + 1;
  const id = (key: string) => `metric-${row.id}-${key}`;
  const result = metricFromDraft(row.draft);
  const problems: MetricProblems = 'problems' in result ? result.problems : {};
  // A template's suggestion starts as 0 → 0, which the publish checks refuse.
  const placeholder = 'metric' in result && result.metric.before === 0 && result.metric.after === 0;
  const shown = (key: keyof MetricProblems) => (row.touched.has(key) ? problems[key] : undefined);

  const text = (key: keyof MetricProblems, label: string, props: { inputMode?: 'decimal'; maxLength?: number }) => {
    const problem = shown(key);
    return (
      <div className={`key-result-field key-result-${key}`}>
        <label htmlFor={id(key)}>{label}</label>
        <input
          id={id(key)}
          type="text"
          value={row.draft[key]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? id(`${key}-problem`) : undefined}
          onChange={(e) => onChange(key, e.target.value)}
          onBlur={() => onTouch(key)}
          {...props}
        />
        {problem && (
          <span className="field-error" id={id(`${key}-problem`)}>
            {problem}
          </span>
        )}
      </div>
    );
  };

  return (
    <li data-saved-index={savedIndex ?? undefined}>
      <fieldset
        className="key-result"
        aria-describedby={'problems' in result || placeholder ? id('unsaved') : undefined}
      >
        <legend className="visually-hidden">Key result {n}</legend>
        <div className="key-result-fields">
          {text('label', 'Label', { maxLength: metricLimits.label })}
          {text('before', 'Before', { inputMode: 'decimal', maxLength: 40 })}
          {text('after', 'After', { inputMode: 'decimal', maxLength: 40 })}
          {text('unit', 'Unit', { maxLength: metricLimits.unit })}
          <div className="key-result-field key-result-better">
            <label htmlFor={id('better')}>Better</label>
            <select id={id('better')} value={row.draft.better} onChange={(e) => onChange('better', e.target.value)}>
              <option value="lower">Lower</option>
              <option value="higher">Higher</option>
            </select>
          </div>
        </div>
        <div className="key-result-actions">
          {'problems' in result ? (
            <span className="hint key-result-unsaved" id={id('unsaved')}>
              {row.saved
                ? `Until it has a label and two numbers, it stays saved as “${metricLabel(row.saved)} ${valuesText(row.saved)}”.`
                : 'Not saved until it has a label and two numbers.'}
            </span>
          ) : (
            placeholder && (
              <span className="hint key-result-unsaved" id={id('unsaved')}>
                0 → 0: enter the measured values.
              </span>
            )
          )}
          <span className="key-result-buttons">
            <button type="button" id={id('up')} onClick={() => onMove(-1)} disabled={index === 0}>
              <span aria-hidden="true">↑</span> <span className="visually-hidden">Move key result {n} up</span>
            </button>
            <button type="button" id={id('down')} onClick={() => onMove(1)} disabled={index === count - 1}>
              <span aria-hidden="true">↓</span> <span className="visually-hidden">Move key result {n} down</span>
            </button>
            <button type="button" id={id('remove')} onClick={onRemove}>
              Remove<span className="visually-hidden"> key result {n}</span>
            </button>
          </span>
        </div>
      </fieldset>
    </li>
  );
}
