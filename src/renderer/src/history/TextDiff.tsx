// A study's text between an older version and now, part by part (title, summary, sections):
// words added since are <ins>, words removed <del>. Colour marks them, and so do an underline
// and a strike-through (and the words "added"/"removed" for screen readers), so colour is
// never the only cue. Parts that did not change are named in one line, not repeated.
import type { PartDiff } from '../../../core/pure/history/text-diff';

export function TextDiff({ diff }: { diff: readonly PartDiff[] }) {
  const changed = diff.filter((part) => part.changed);
  const same = diff.filter((part) => !part.changed).map((part) => part.label);
  if (changed.length === 0) return <p className="hint">The text is the same as now.</p>;
  return (
    <div className="text-diff">
      {changed.map((part) => (
        <section key={part.label} className="diff-part" aria-label={part.label}>
          <h4>{part.label}</h4>
          <p className="diff-text">
            {part.parts.map((piece, index) =>
              piece.kind === 'added' ? (
                <ins key={index}>
                  <span className="visually-hidden">[added: </span>
                  {piece.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : piece.kind === 'removed' ? (
                <del key={index}>
                  <span className="visually-hidden">[removed: </span>
                  {piece.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={index}>{piece.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
      {same.length > 0 ? <p className="hint">Unchanged: {same.join(', ')}.</p> : null}
    </div>
  );
}
