// The browser tab (and the desktop window) title: the open study first ("Title — Casebook"),
// else the workspace and its count; a mark in front while edits are unsaved. One writer of
// document.title (the status bar calls it), so the two never fight.
import { useEffect } from 'react';
import { shownTitle } from '../../../core/pure/schemas/study';

export const APP_NAME = 'Casebook';

export interface TitleParts {
  /** The open study's title as typed; null when none is open. */
  study: string | null;
  /** The workspace name and "N studies"; null while the workspace opens. */
  workspace: { name: string; count: string } | null;
  unsaved: boolean;
}

export function windowTitle({ study, workspace, unsaved }: TitleParts): string {
  const mark = unsaved ? '• ' : '';
  if (study !== null) return `${mark}${shownTitle(study)} — ${APP_NAME}`;
  return workspace ? `${mark}${APP_NAME} — ${workspace.name} (${workspace.count})` : APP_NAME;
}

export function useDocumentTitle(parts: TitleParts): void {
  const title = windowTitle(parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
