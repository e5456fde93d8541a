// The bundled body font's files (Inter, SIL OFL 1.1, from @fontsource/inter) as the site ships
// them under assets/, when the site settings choose it. Read once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OutputFile } from '../../pure/export/output-files';
import { BUNDLED_FONT_FILES } from '../../pure/export/site-theme-brand';
import type { SiteSettings } from '../../pure/schemas/site';

const requireHere = createRequire(import.meta.url);
let files: OutputFile[] | undefined;

export function siteFontFiles(site: Pick<SiteSettings, 'font'>): OutputFile[] {
  if (site.font !== 'inter') return [];
  files ??= Object.values(BUNDLED_FONT_FILES).map((file) => ({
    path: `assets/${file}`,
    contents: new Uint8Array(readFileSync(requireHere.resolve(`@fontsource/inter/files/${file.split('/').pop()}`))),
  }));
  return files;
}
