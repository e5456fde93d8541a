// The current study as its published page, beside the editor. The page comes from the core
// (previewStudy: the site export's own renderer, one self-contained inert document) and is
// drawn in a sandboxed frame; it is fetched again whenever the autosave queue reports "Saved",
// so it shows what is on disk, as an export would.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import '../styles/export.css';

interface PreviewPaneProps {
  api: Pick<CasebookApi, 'previewStudy'>;
  autosave: AutosaveQueue;
  studyId: string;
  /** Changes when the study is loaded from disk again or site settings change: draw again. */
  version: unknown;
  isDraft: boolean;
}

export function PreviewPane({ api, autosave, studyId, version, isDraft }: PreviewPaneProps) {
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const scrollY = useRef(0);
  const request = useRef(0);

  const load = useCallback(async () => {
    const mine = ++request.current;
    try {
      const page = await api.previewStudy({ id: studyId });
      if (mine !== request.current) return; // a newer preview was asked for meanwhile
      // Redrawing the frame scrolls it to the top; remember where the author was reading.
      scrollY.current = frame.current?.contentWindow?.scrollY ?? 0;
      setHtml(page.html);
      setProblem(null);
    } catch (err) {
      if (mine === request.current) setProblem(errorMessage(err));
    }
  }, [api, studyId]);

  useEffect(() => {
    scrollY.current = 0;
    void load();
  }, [load, version]);

  useEffect(() => {
    let last = autosave.getState().kind;
    return autosave.subscribe(() => {
      const now = autosave.getState().kind;
      if (now === 'saved' && last !== 'saved') void load();
      last = now;
    });
  }, [autosave, load]);

  return (
    <aside className="preview-pane" aria-label="Published page preview">
      <div className="preview-bar">
        <span className="preview-label">Preview</span>
        <span className="preview-note">
          {isDraft ? 'A draft: exported only with “Include drafts”.' : 'As the exported site shows it.'} Links are
          inactive here.
        </span>
      </div>
      {problem ? (
        <div className="preview-problem" role="alert">
          Could not draw the preview: {problem}
        </div>
      ) : null}
      {html !== null ? (
        <iframe
          ref={frame}
          className="preview-frame"
          title="Preview"
          // No allow-scripts: nothing in the page can run, whatever it holds. allow-same-origin
          // only lets this pane read and restore the frame's scroll position between redraws.
          sandbox="allow-same-origin"
          srcDoc={html}
          onLoad={() => frame.current?.contentWindow?.scrollTo(0, scrollY.current)}
        />
      ) : (
        <p className="preview-loading">Drawing the preview…</p>
      )}
    </aside>
  );
}
