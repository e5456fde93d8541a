// What the Export dialog says: the counts of a finished export in words, where its pages are,
// and the folder check the contract itself makes (so a bad path is caught before the call).
import { contract, type MethodOutput } from '../../../core/pure/contract';

export type ExportReport = MethodOutput<'exportWorkspace'>;
export type { ExportFormat } from '../../../core/pure/export/export-formats';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Exported 3 case studies: 12 files written, 0 unchanged, 1 removed". */
export function exportSummary(report: ExportReport): string {
  return (
    `Exported ${count(report.studies, 'case study', 'case studies')}: ` +
    `${count(report.written, 'file', 'files')} written, ${report.unchanged} unchanged, ${report.removed} removed`
  );
}

/** "Exporting 3 case studies…" while the export runs. */
export function exportingMessage(studies: number): string {
  return studies === 0 ? 'Exporting…' : `Exporting ${count(studies, 'case study', 'case studies')}…`;
}

/** A file inside the export folder, with the separator that folder path already uses. */
export function pathInside(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? folder + name : `${folder}${separator}${name}`;
}

/** Why the folder cannot be used, in the contract's own words, or null when it can. */
export function folderProblem(outDir: string): string | null {
  const parsed = contract.exportWorkspace.input.shape.outDir.safeParse(outDir);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Give a full folder path');
}
