// Find and replace across the open study's four sections (Mod-F opens it, Mod-H with the
// replace row focused). Matches are painted by each editor's find plugin; replacing is a
// transaction in the section that holds the match, so undo there takes it back. One compact row
// each for find and replace (find-replace.css); "Replace all" says how many it replaced.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { clearMatches, findMatches, showMatches, type FindOptions, type Match } from './find-highlight';
import { activeEditor, sectionEditors } from './section-registry';
import { onUiRequest } from './ui-requests';
import '../styles/find-replace.css';

interface StudyMatch extends Match {
  editor: Editor;
}

function searchAll(options: FindOptions): StudyMatch[] {
  return sectionEditors().flatMap(({ editor }) =>
    findMatches(editor.state.doc, options).map((m) => ({ ...m, editor })),
  );
}

function paint(matches: StudyMatch[], current: number): void {
  for (const { editor } of sectionEditors()) {
    const own = matches.filter((m) => m.editor === editor);
    if (own.length === 0) clearMatches(editor);
    else showMatches(editor, own, own.indexOf(matches[current]!));
  }
}

function reveal(match: StudyMatch | undefined): void {
  if (!match) return;
  const { editor } = match;
  const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, match.from, match.to));
  editor.view.dispatch(tr.scrollIntoView().setMeta('addToHistory', false));
}

export function FindReplacePanel({ readOnly }: { readOnly: boolean }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [matches, setMatches] = useState<StudyMatch[]>([]);
  const [current, setCurrent] = useState(0);
  // What the last "Replace all" did, announced; cleared by a new query.
  const [replaced, setReplaced] = useState<string | null>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);

  const show = useCallback((focusReplace: boolean) => {
    const selected = activeEditor();
    const { from, to } = selected?.state.selection ?? { from: 0, to: 0 };
    // A short selection on one line is what the author wants to find.
    const text = selected && to > from && to - from < 200 ? selected.state.doc.textBetween(from, to, ' ') : '';
    if (text && !text.includes('\n')) setQuery(text);
    setOpen(true);
    requestAnimationFrame(() => (focusReplace ? replaceInput : findInput).current?.select());
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    for (const { editor } of sectionEditors()) clearMatches(editor);
    activeEditor()?.commands.focus();
  }, []);

  useEffect(() => onUiRequest('find', (request) => show(request.replace && !readOnly)), [show, readOnly]);

  const search = useCallback(
    (keepIndex: number) => {
      const found = searchAll({ query, matchCase, wholeWord });
      const index = found.length === 0 ? 0 : Math.min(keepIndex, found.length - 1);
      setMatches(found);
      setCurrent(index);
      paint(found, index);
      return found;
    },
    [query, matchCase, wholeWord],
  );

  // New query or options: search again and show the first match.
  useEffect(() => {
    if (!open) return;
    setReplaced(null);
    reveal(search(0)[0]);
  }, [open, search]);

  // Typing in a section while the panel is open: the list follows, a little later.
  useEffect(() => {
    if (!open) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => search(current), 200);
    };
    const editors = sectionEditors().map(({ editor }) => editor);
    for (const editor of editors) editor.on('update', later);
    return () => {
      clearTimeout(timer);
      for (const editor of editors) editor.off('update', later);
    };
  }, [open, search, current]);

  if (!open) return null;

  const go = (delta: number) => {
    if (matches.length === 0) return;
    const index = (current + delta + matches.length) % matches.length;
    setCurrent(index);
    paint(matches, index);
    reveal(matches[index]);
  };

  const replaceOne = () => {
    const match = matches[current];
    if (!match || match.editor.isDestroyed) return;
    const { editor } = match;
    const tr = replacement
      ? editor.state.tr.insertText(replacement, match.from, match.to)
      : editor.state.tr.delete(match.from, match.to);
    editor.view.dispatch(tr);
    reveal(search(current)[current]);
  };

  const replaceAll = () => {
    let done = 0;
    for (const { editor } of sectionEditors()) {
      const own = matches.filter((m) => m.editor === editor);
      if (own.length === 0) continue;
      // Back to front, so earlier positions stay valid; one transaction = one undo step.
      const tr = editor.state.tr;
      for (const m of [...own].reverse()) {
        if (replacement) tr.insertText(replacement, m.from, m.to);
        else tr.delete(m.from, m.to);
      }
      editor.view.dispatch(tr);
      done += own.length;
    }
    search(0);
    setReplaced(done === 0 ? 'Nothing to replace' : `Replaced ${done} ${done === 1 ? 'match' : 'matches'}`);
  };

  const count = query === '' ? '' : matches.length === 0 ? 'No matches' : `${current + 1} of ${matches.length}`;

  return (
    <div
      role="search"
      aria-label="Find and replace"
      className="find-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <div className="find-row">
        <label className="find-field">
          <span className="find-label">Find</span>
          <input
            ref={findInput}
            type="text"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                go(event.shiftKey ? -1 : 1);
              }
            }}
          />
        </label>
        <span className="find-count" aria-live="polite">
          {count}
        </span>
        {/* aria-disabled, not disabled: a focused button keeps focus when the matches run out. */}
        <button
          type="button"
          className="tool-button"
          aria-label="Previous"
          data-tip="Previous (Shift+Enter)"
          onClick={() => go(-1)}
          aria-disabled={matches.length === 0}
        >
          <ChevronUp aria-hidden="true" size={18} />
        </button>
        <button
          type="button"
          className="tool-button"
          aria-label="Next"
          data-tip="Next (Enter)"
          onClick={() => go(1)}
          aria-disabled={matches.length === 0}
        >
          <ChevronDown aria-hidden="true" size={18} />
        </button>
        <label className="find-option">
          <input type="checkbox" checked={matchCase} onChange={(event) => setMatchCase(event.target.checked)} />
          Match case
        </label>
        <label className="find-option">
          <input type="checkbox" checked={wholeWord} onChange={(event) => setWholeWord(event.target.checked)} />
          Whole word
        </label>
        <button
          type="button"
          className="tool-button"
          onClick={close}
          aria-label="Close find and replace"
          data-tip="Close (Escape)"
        >
          <X aria-hidden="true" size={18} />
        </button>
      </div>
      {!readOnly ? (
        <div className="find-row">
          <label className="find-field">
            <span className="find-label">Replace</span>
            <input
              ref={replaceInput}
              type="text"
              value={replacement}
              onChange={(event) => setReplacement(event.target.value)}
            />
          </label>
          <button type="button" onClick={replaceOne} aria-disabled={matches.length === 0}>
            Replace
          </button>
          <button type="button" onClick={replaceAll} aria-disabled={matches.length === 0}>
            Replace all
          </button>
          <span role="status" className="find-count">
            {replaced}
          </span>
        </div>
      ) : null}
    </div>
  );
}
