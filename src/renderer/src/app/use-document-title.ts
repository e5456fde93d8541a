// The browser tab (and the desktop window) names the open study: "Title — Casebook".
import { useEffect } from 'react';
import { shownTitle } from '../../../core/pure/schemas/study';

export const APP_NAME = 'Casebook';

/** The window title for the open study's title (as typed), or the app's name alone. */
export function windowTitle(studyTitle: string | null): string {
  return studyTitle === null ? APP_NAME : `${shownTitle(studyTitle)} — ${APP_NAME}`;
}

export function useDocumentTitle(studyTitle: string | null): void {
  useEffect(() => {
    document.title = windowTitle(studyTitle);
  }, [studyTitle]);
}
