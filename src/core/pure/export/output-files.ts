// Export pipelines are pure: (workspace data) → a list of files relative to the output
// folder. One writer (output-writer.ts) puts them on disk safely.
import type { ExportFormat } from './export-formats';

export interface OutputFile {
  /** POSIX-style path relative to the output folder, e.g. `my-study/index.html`. */
  path: string;
  contents: string | Uint8Array;
}

export type { ExportFormat } from './export-formats';

export interface ExportReport {
  format: ExportFormat;
  outDir: string;
  studies: number;
  written: number;
  unchanged: number;
  removed: number;
  warnings: string[];
  /** Studies exported although they have publish-check errors (allowErrors). */
  studiesWithErrors: number;
}
