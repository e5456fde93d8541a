// The export formats, declared once. The contract's `format` field, the CLI's --format, the
// Export dialog's choices, the export marker and workspace-export.ts's pipelines all derive
// from this table; a format missing from any of them is a compile error (Record over the id
// type), and an id that is not here is refused by the schema, never exported as another format.
// Adding a format: one entry here, its pipeline in core/node/export/export-pipelines.ts.
// No zod here: `casebook --help` names the formats and must not load a schema library to do so
// (export-formats.ts adds the schema).
export interface ExportFormatInfo {
  /** The dialog's name for it, and the sentence "… export to update". */
  label: string;
  /** One line under the name in the dialog. */
  detail: string;
  /** What the CLI's summary line calls the result ("Exported 3 studies as …"). */
  result: string;
  /** The CLI's progress line while files are written. */
  writing: string;
  /** The page to open afterwards, relative to the export folder (none: the folder itself). */
  entryPage: string | null;
  /** What the result dialog calls the path it shows (the entry page, else the folder). */
  startLabel: string;
  /** The result dialog's button that opens the entry page. */
  openLabel: string | null;
}

export const exportFormats = {
  site: {
    label: 'Static site',
    detail: 'HTML pages, styles and images; opens from disk or any web host.',
    result: 'a static site',
    writing: 'Writing site',
    entryPage: 'index.html',
    startLabel: 'Site start page',
    openLabel: 'Open site',
  },
  markdown: {
    label: 'Markdown',
    detail: 'One folder per study with index.md and its images.',
    result: 'Markdown',
    writing: 'Writing Markdown',
    entryPage: null,
    startLabel: 'Markdown folder',
    openLabel: null,
  },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof exportFormats;

/** Every format id, in the order the dialog shows them. */
export const exportFormatIds = Object.keys(exportFormats) as [ExportFormat, ...ExportFormat[]];

/** What the registry says about a format (the id is checked by its type, never looked up raw). */
export function exportFormatInfo(format: ExportFormat): ExportFormatInfo {
  return exportFormats[format];
}
