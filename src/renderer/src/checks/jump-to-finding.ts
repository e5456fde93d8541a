// Moves the author to where a finding is: the title or summary, a field in the Properties
// panel (opened first), or the place in a section's editor (TipTap v3 keeps its Editor on the
// view's DOM as `.editor`).
import { flushSync } from 'react-dom';
import { setView } from '../app/view-state';
import type { Finding } from '../../../core/pure/checks/finding';
import { sectionKeys, sectionLabels, type SectionKey } from '../../../core/pure/schemas/study';

/** The metadata form's inputs, by the finding field they hold (slug has no field: the title makes it). */
const fieldInputs: Partial<Record<Finding['field'], string>> = {
  title: '#study-title',
  summary: '#study-summary',
  date: '#study-date',
  slug: '#study-title',
  categories: '.categories input',
  cover: '#study-cover-alt',
};

interface SectionEditorHandle {
  state: { doc: { content: { size: number } } };
  chain(): {
    focus(): { setTextSelection(pos: number): { scrollIntoView(): { run(): boolean } } };
  };
}

function isSection(field: Finding['field']): field is SectionKey {
  return (sectionKeys as readonly string[]).includes(field);
}

export function jumpToFinding(finding: Finding): boolean {
  if (isSection(finding.field)) {
    const dom = document.querySelector<HTMLElement & { editor?: SectionEditorHandle }>(
      `[role="textbox"][aria-label="${sectionLabels[finding.field]}"]`,
    );
    if (!dom) return false;
    const editor = dom.editor;
    if (!editor) {
      dom.focus();
      return true;
    }
    // The text may have changed since the check ran: keep the position inside the document.
    const size = editor.state.doc.content.size;
    const pos = Math.max(1, Math.min(finding.pos ?? 1, Math.max(size - 1, 1)));
    dom.scrollIntoView({ block: 'center' });
    return editor.chain().focus().setTextSelection(pos).scrollIntoView().run();
  }
  // A key result: the Before input of the row holding the metric at path[0] of the saved
  // list (a row not saved yet has no index, so rows and indices can differ).
  const selector =
    finding.field === 'metrics'
      ? `.key-result-list > li[data-saved-index="${Number(finding.path?.[0] ?? 0)}"] .key-result-before input`
      : fieldInputs[finding.field];
  const input = selector ? document.querySelector<HTMLElement>(selector) : null;
  if (!input) return false;
  // A field in the closed Properties panel: open it first, so the field can take focus.
  if (input.closest('[hidden]')) flushSync(() => setView({ propertiesOpen: true, focusMode: false }));
  input.scrollIntoView({ block: 'center' });
  input.focus();
  return true;
}
