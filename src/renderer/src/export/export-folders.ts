// The folder each export format went to last time, so exporting again is one click. Kept
// in localStorage (per machine, not in the workspace: another machine has other folders).
import type { ExportFormat } from './export-report';

const key = (format: ExportFormat) => `casebook.exportFolder.${format}`;

export function lastExportFolder(format: ExportFormat): string {
  try {
    return window.localStorage.getItem(key(format)) ?? '';
  } catch {
    return ''; // storage disabled: the author types or picks the folder again
  }
}

export function rememberExportFolder(format: ExportFormat, folder: string): void {
  try {
    window.localStorage.setItem(key(format), folder);
  } catch {
    // Not remembering is harmless.
  }
}
