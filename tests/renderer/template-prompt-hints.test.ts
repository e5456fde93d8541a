// A template's prompts read as hints: the paragraph that is still a prompt is marked, entering it
// selects it whole (so the first keystroke replaces it), moving within it leaves the caret alone,
// and the mark follows the text as it is edited.
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { TemplatePrompts } from '../../src/core/pure/checks/template-prompts';
import { richTextExtensions } from '../../src/core/pure/rich-text/extensions';
import { isWholePrompt, templatePromptPlugin } from '../../src/renderer/src/editor/template-prompt-hints';

const schema = getSchema(richTextExtensions());
const prompts = TemplatePrompts.builtIn();
const PROMPT =
  'Who was affected and how: requests failed, data delayed or lost, money or SLO budget spent. Give numbers (error rate, duration, customers, orders).';
const plugin = templatePromptPlugin(() => prompts);

const paragraph = (text: string) => schema.node('paragraph', null, text ? [schema.text(text)] : []);
function stateOf(...texts: string[]): EditorState {
  return EditorState.create({ schema, doc: schema.node('doc', null, texts.map(paragraph)), plugins: [plugin] });
}
/** The texts of the paragraphs marked as prompts. */
function hinted(state: EditorState): string[] {
  const set = plugin.getState(state) as DecorationSet;
  return set.find().map((hint) => state.doc.nodeAt(hint.from)!.textContent);
}
/** Start of the n-th top-level paragraph's text. */
const startOf = (state: EditorState, n: number) => {
  let pos = 1;
  for (let i = 0; i < n; i++) pos += state.doc.child(i).nodeSize;
  return pos;
};
const caretAt = (state: EditorState, pos: number) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

describe('template prompt hints', () => {
  it('marks a paragraph that is a prompt as a whole, not one with the answer appended', () => {
    expect(isWholePrompt(PROMPT, prompts)).toBe(true);
    expect(isWholePrompt(`  ${PROMPT.toUpperCase()} `, prompts)).toBe(true);
    expect(isWholePrompt(`${PROMPT} 40 % of checkouts failed for 2 hours.`, prompts)).toBe(false);
    const state = stateOf('Our own words.', PROMPT, `${PROMPT} Answered.`);
    expect(hinted(state)).toEqual([PROMPT]);
  });

  it('selects the whole prompt when the caret enters it, so typing replaces it', () => {
    let state = stateOf('Our own words.', PROMPT);
    state = caretAt(state, startOf(state, 1) + 10);
    const { from, to } = state.selection;
    expect(state.doc.textBetween(from, to)).toBe(PROMPT);
    state = state.apply(state.tr.insertText('Checkout failed for 2 hours.'));
    expect(state.doc.child(1).textContent).toBe('Checkout failed for 2 hours.');
    expect(hinted(state)).toEqual([]);
  });

  it('selects the prompt after a caret put between blocks (a jump to a finding)', () => {
    let state = stateOf('Our own words.', PROMPT);
    const between = startOf(state, 1) - 1; // before the prompt's paragraph, inside no textblock
    // As TipTap's setTextSelection(pos) makes it: an endpoint at depth 0 (ProseMirror warns).
    const warn = console.warn;
    console.warn = () => undefined;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, between)));
    console.warn = warn;
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe(PROMPT);
    // Entering it afresh from its own start changes nothing.
    state = caretAt(state, startOf(state, 1) + 1);
    expect(state.selection.empty).toBe(true);
  });

  it('leaves the caret alone when it moves within the prompt (the arrows never get stuck)', () => {
    let state = stateOf('Our own words.', PROMPT);
    state = caretAt(state, startOf(state, 1) + 3); // selects it whole
    const end = state.selection.to;
    state = caretAt(state, end); // ArrowRight collapses at its end
    expect(state.selection.empty).toBe(true);
    expect(state.selection.from).toBe(end);
    // And a caret in the author's own text is never widened.
    state = caretAt(state, 4);
    expect(state.selection.empty).toBe(true);
  });

  it("follows edits: text typed into a prompt is the author's, a deleted answer makes it a prompt again", () => {
    let state = stateOf('Intro.', PROMPT);
    state = state.apply(state.tr.insertText(' Answer.', state.doc.content.size - 1));
    expect(hinted(state)).toEqual([]);
    const end = state.doc.content.size - 1;
    state = state.apply(state.tr.delete(end - ' Answer.'.length, end));
    expect(hinted(state)).toEqual([PROMPT]);
    // A new paragraph inserted elsewhere moves the mark with its paragraph.
    state = state.apply(state.tr.insert(0, paragraph('First.')));
    expect(hinted(state)).toEqual([PROMPT]);
  });

  it("marks a timeline entry that is still the template's prompt, and selects it on entering", () => {
    const ENTRY = 'When it started (UTC): the first error, deploy or change that set it off.';
    const entry = (text: string) => schema.node('timelineEntry', { time: '', kind: '' }, [schema.text(text)]);
    let state = EditorState.create({
      schema,
      doc: schema.node('doc', null, [
        paragraph('Intro.'),
        schema.node('timeline', null, [entry(ENTRY), entry('Our own entry.')]),
      ]),
      plugins: [plugin],
    });
    expect(hinted(state)).toEqual([ENTRY]);
    state = caretAt(state, startOf(state, 1) + 2); // inside the first entry
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe(ENTRY);
  });
});
