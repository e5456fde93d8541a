// The section editors of the open study, and which one the author last worked in. The shared
// toolbar acts on that one; find & replace walks all four in section order.
import { useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { sectionKeys, type SectionKey } from '../../../core/pure/schemas/study';

const editors = new Map<SectionKey, Editor>();
let active: Editor | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function registerSectionEditor(section: SectionKey, editor: Editor): () => void {
  editors.set(section, editor);
  if (!active) active = editor;
  notify();
  return () => {
    if (editors.get(section) === editor) editors.delete(section);
    if (active === editor) active = [...editors.values()][0] ?? null;
    notify();
  };
}

/** Called when an editor gains focus: the toolbar follows the author. */
export function setActiveEditor(editor: Editor): void {
  if (active === editor) return;
  active = editor;
  notify();
}

export function activeEditor(): Editor | null {
  return active;
}

/** The open study's editors, in section order (Problem, Decisions, Tradeoffs, Lessons). */
export function sectionEditors(): { section: SectionKey; editor: Editor }[] {
  return sectionKeys.flatMap((section) => {
    const editor = editors.get(section);
    return editor && !editor.isDestroyed ? [{ section, editor }] : [];
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useActiveEditor(): Editor | null {
  return useSyncExternalStore(subscribe, activeEditor);
}
