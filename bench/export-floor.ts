// The floor under a first site export: what reading a workspace's study files and writing an
// exported site's files cost with nothing rendered, validated or hashed. `npx tsx
// bench/export-floor.ts WORKSPACE SITE` (SITE: a folder `casebook export --format site` wrote from
// WORKSPACE) reads and JSON-parses every study file, then writes every file of SITE again into a
// temporary folder (no fsync, as the export writes pages), and prints both times. Compare them
// with the export's own time and Hugo's in bench/cli.ts: the rest of the export's budget is what
// is left for validating, rendering, the search index and the pages.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [workspace, site] = process.argv.slice(2);
if (!workspace || !site) {
  console.error('usage: npx tsx bench/export-floor.ts WORKSPACE SITE');
  process.exit(2);
}
const out = mkdtempSync(path.join(os.tmpdir(), 'casebook-floor-'));
try {
  const start = performance.now();
  const studyDir = path.join(workspace, 'studies');
  const studyFiles = readdirSync(studyDir).filter((f) => f.endsWith('.json'));
  let bytes = 0;
  for (const f of studyFiles) {
    const text = readFileSync(path.join(studyDir, f), 'utf8');
    bytes += text.length;
    JSON.parse(text);
  }
  const read = performance.now();
  const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  for (const d of files) {
    const rel = path.relative(site, path.join(d.parentPath, d.name));
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), readFileSync(path.join(site, rel)));
  }
  const wrote = performance.now();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(`read and parse ${studyFiles.length} study files (${mb(bytes)} MB)  ${(read - start).toFixed(0)} ms`);
  console.log(`write the ${files.length} files of the site again                ${(wrote - read).toFixed(0)} ms`);
  console.log(`floor                                                   ${(wrote - start).toFixed(0)} ms`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
