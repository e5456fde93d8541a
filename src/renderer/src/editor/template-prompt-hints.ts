// A template's prompts read as hints, not as text to delete: a paragraph that is still one of
// the workspace's template prompts (whole, as the template wrote it) is shown quietly, and when
// the caret enters it the whole prompt is selected, so the author's first keystroke replaces it
// (as a placeholder vanishes in Notion). The text stays in the document — the publish check still
// names a prompt left in — and moving on with the arrows never gets stuck: only entering the
// paragraph from elsewhere selects it.
import { useEffect } from 'react';
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { normalizePromptText, TemplatePrompts } from '../../../core/pure/checks/template-prompts';
import type { CasebookApi } from '../../../core/pure/contract';
import { adoptDomSelection } from './dom-selection';

/** Longer than any prompt a template holds: such a paragraph is the author's own text. */
const MAX_PROMPT_CHARS = 600;

const key = new PluginKey<DecorationSet>('templatePromptHints');

/** The textblocks a template writes prompts into: paragraphs and a timeline's entries. */
const HINTED = new Set(['paragraph', 'timelineEntry']);

/** Whether `text` is a prompt of `prompts` as a whole (not a prompt with an answer appended). */
export function isWholePrompt(text: string, prompts: TemplatePrompts): boolean {
  if (text.length > MAX_PROMPT_CHARS) return false;
  const prompt = prompts.find(text);
  return prompt !== undefined && normalizePromptText(prompt.text) === normalizePromptText(text);
}

function hintsBetween(doc: PMNode, from: number, to: number, prompts: TemplatePrompts): Decoration[] {
  const hints: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    if (HINTED.has(node.type.name) && isWholePrompt(node.textContent, prompts))
      hints.push(Decoration.node(pos, pos + node.nodeSize, { class: 'template-prompt', 'data-template-prompt': '' }));
    return false;
  });
  return hints;
}

/** The document's prompt hints after `tr`: only the paragraphs it touched are looked at again. */
function nextHints(tr: Transaction, hints: DecorationSet, prompts: TemplatePrompts): DecorationSet {
  let next = hints.map(tr.mapping, tr.doc);
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldFrom, _oldTo, newFrom, newTo) => {
      // Into the final document's positions, then out to the whole textblocks around them.
      const rest = tr.mapping.slice(i + 1);
      const from = Math.max(0, Math.min(rest.map(newFrom, -1), tr.doc.content.size));
      const to = Math.max(from, Math.min(rest.map(newTo, 1), tr.doc.content.size));
      const $from = tr.doc.resolve(from);
      const $to = tr.doc.resolve(to);
      const start = $from.depth > 0 ? $from.before(1) : from;
      const end = $to.depth > 0 ? $to.after(1) : to;
      next = next.remove(next.find(start, end));
      next = next.add(tr.doc, hintsBetween(tr.doc, start, end, prompts));
    });
  });
  return next;
}

/** The ProseMirror plugin, apart from TipTap so it can be tested on an EditorState. */
export function templatePromptPlugin(prompts: () => TemplatePrompts): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) =>
        DecorationSet.create(state.doc, hintsBetween(state.doc, 0, state.doc.content.size, prompts())),
      apply(tr, hints) {
        if (tr.getMeta(key) === 'refresh')
          return DecorationSet.create(tr.doc, hintsBetween(tr.doc, 0, tr.doc.content.size, prompts()));
        return tr.docChanged ? nextHints(tr, hints, prompts()) : hints;
      },
    },
    appendTransaction(transactions, before, state) {
      if (transactions.some((tr) => tr.docChanged)) return null;
      const selection = state.selection;
      if (!(selection instanceof TextSelection) || !selection.empty) return null;
      const { $from } = selection;
      // A caret put just before a prompt's paragraph (a jump to a finding's block) takes it too.
      if (!$from.parent.isTextblock) {
        const next = $from.nodeAfter;
        if (!next?.isTextblock || !promptAt(state, $from.pos)) return null;
        return state.tr.setSelection(TextSelection.create(state.doc, $from.pos + 1, $from.pos + 1 + next.content.size));
      }
      if ($from.depth === 0 || !promptAt(state, $from.before())) return null;
      // Moving within the prompt (after it was selected, the arrows) leaves the caret alone.
      const was = before.selection.$from;
      if (was.depth === $from.depth && was.start() === $from.start()) return null;
      return state.tr.setSelection(TextSelection.create(state.doc, $from.start(), $from.end()));
    },
    props: {
      decorations: (state) => key.getState(state),
      // A key typed right after an arrow moved the caret can arrive before ProseMirror hears of
      // the move (dom-selection.ts): take the DOM's caret first, so a prompt it entered is
      // selected before the key replaces it.
      handleKeyDown(view, event) {
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey)
          for (const type of HINTED) adoptDomSelection(view, type);
        return false;
      },
    },
  });
}

function promptAt(state: EditorState, pos: number): boolean {
  const hints = key.getState(state);
  return hints !== undefined && hints.find(pos, pos + 1).some((hint) => hint.from === pos);
}

let workspacePrompts = TemplatePrompts.builtIn();
const refreshers = new Set<() => void>();

/** The workspace's templates were read: their prompts become hints in every open editor. */
export function setWorkspacePrompts(prompts: TemplatePrompts): void {
  workspacePrompts = prompts;
  for (const refresh of refreshers) refresh();
}

export const TemplatePromptHints = Extension.create({
  name: 'templatePromptHints',
  addProseMirrorPlugins() {
    return [templatePromptPlugin(() => workspacePrompts)];
  },
  onCreate() {
    const refresh = () => {
      if (this.editor.isDestroyed) return;
      this.editor.view.dispatch(this.editor.state.tr.setMeta(key, 'refresh').setMeta('addToHistory', false));
    };
    refreshers.add(refresh);
    this.storage.refresh = refresh;
  },
  onDestroy() {
    refreshers.delete(this.storage.refresh as () => void);
  },
  addStorage() {
    return { refresh: null as (() => void) | null };
  },
});

/** Reads the workspace's templates whenever a workspace is (re)loaded: their prompts become hints. */
export function useWorkspacePrompts(api: CasebookApi, workspace: unknown): void {
  useEffect(() => {
    if (workspace === null) return;
    let current = true;
    api.listTemplates({}).then(
      (list) => current && setWorkspacePrompts(TemplatePrompts.withWorkspace(list.templates)),
      // Unreadable templates: the built-ins' prompts still read as hints; the chooser says why.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, workspace]);
}
