// The folders each export format went to lately (the last one first), so exporting again is
// one click and the folder field can offer them. A local preference in localStorage (per
// machine, not in the workspace: another machine, or a collaborator, has other folders).
import { z } from 'zod';
import type { ExportFormat } from './export-report';

export const RECENT_FOLDERS = 5;

const key = (format: ExportFormat) => `casebook.exportFolders.${format}`;
/** What an earlier version kept: the last folder only. */
const oldKey = (format: ExportFormat) => `casebook.exportFolder.${format}`;
const storedSchema = z.array(z.string()).catch([]);

export function recentExportFolders(format: ExportFormat): string[] {
  try {
    const stored = window.localStorage.getItem(key(format));
    const list = stored === null ? [] : storedSchema.parse(safeJson(stored));
    const old = window.localStorage.getItem(oldKey(format));
    return withFirst(list, old && !list.length ? old : null);
  } catch {
    return []; // storage disabled: the author types or picks the folder again
  }
}

export function lastExportFolder(format: ExportFormat): string {
  return recentExportFolders(format)[0] ?? '';
}

export function rememberExportFolder(format: ExportFormat, folder: string): void {
  try {
    window.localStorage.setItem(key(format), JSON.stringify(withFirst(recentExportFolders(format), folder)));
  } catch {
    // Not remembering is harmless.
  }
}

function withFirst(list: string[], folder: string | null): string[] {
  const rest = list.filter((f) => f !== folder && f.trim() !== '');
  return (folder ? [folder, ...rest] : rest).slice(0, RECENT_FOLDERS);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
