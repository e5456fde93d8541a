// A generated site for the interrupted-export test: `pages` pages in folders, a stylesheet
// and binary images. `round` changes some pages, so each run rewrites and removes files.
import type { OutputFile } from '../../../src/core/pure/export/output-files';

export function generatedSite(pages: number, round: number): OutputFile[] {
  const files: OutputFile[] = [{ path: 'index.html', contents: `<h1>Index, round ${round}</h1>` }];
  files.push({ path: 'assets/site.css', contents: 'body { margin: 0 }\n'.repeat(200) });
  // Every third round leaves out the last tenth of the pages, so removals happen too.
  const count = round % 3 === 2 ? Math.floor(pages * 0.9) : pages;
  for (let i = 0; i < count; i++) {
    const changed = i % 4 === round % 4 ? `, changed in round ${round}` : '';
    files.push({ path: `study-${i}/index.html`, contents: `<p>Study ${i}${changed}</p>\n${'x'.repeat(2000)}` });
    if (i % 10 === 0)
      files.push({ path: `assets/img/${i}.png`, contents: Uint8Array.from({ length: 4096 }, (_, j) => (i + j) % 256) });
  }
  return files;
}
