// Markdown export benchmark: `npx tsx bench/export-markdown.ts [N]` (default 1000).
// Generates N realistic studies (~1,500 words each), times markdownExport + writing the page
// bundles into an empty temp folder, then times `hugo` building that export (the minimal site
// of tests/core/markdown/markdown-hugo.test.ts), and prints both and their ratio.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOutput } from '../src/core/node/export/output-writer';
import { markdownExport } from '../src/core/node/markdown/markdown-export';
import { defaultSiteSettings } from '../src/core/pure/schemas/site';
import { HUGO_SITE_FILES } from '../tests/fixtures/markdown/sample-workspace';
import { generateRealisticStudies } from './realistic-studies';

const n = Number(process.argv[2] ?? 1000);
const studies = generateRealisticStudies(n, 42).map((s) => ({ ...s, status: 'published' as const }));
const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-md-'));

try {
  for (const [rel, text] of Object.entries(HUGO_SITE_FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const start = performance.now();
  const { files, warnings } = markdownExport({
    site: defaultSiteSettings(),
    studies,
    readAsset: () => null,
    drafts: false,
  });
  const rendered = performance.now();
  await writeOutput(path.join(dir, 'content', 'studies'), files, { format: 'markdown' });
  const written = performance.now();
  const exportMs = written - start;
  const bytes = files.reduce(
    (sum, f) => sum + (typeof f.contents === 'string' ? Buffer.byteLength(f.contents) : f.contents.length),
    0,
  );
  console.log(
    `markdown export of ${n} studies: ${exportMs.toFixed(0)} ms ` +
      `(render ${(rendered - start).toFixed(0)} ms, write ${(written - rendered).toFixed(0)} ms; ` +
      `${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${warnings.length} warnings)`,
  );

  const hugoStart = performance.now();
  const hugo = spawnSync('hugo', ['--source', dir, '--destination', path.join(dir, 'public'), '--quiet'], {
    encoding: 'utf8',
  });
  const hugoMs = performance.now() - hugoStart;
  if (hugo.error || hugo.status !== 0) {
    console.log(`hugo build: not run (${hugo.error?.message ?? hugo.stderr.trim()})`);
  } else {
    console.log(`hugo build of that export: ${hugoMs.toFixed(0)} ms`);
    console.log(`ratio markdown export / hugo build: ${(exportMs / hugoMs).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
