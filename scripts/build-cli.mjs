// Bundles the CLI (and the core and server it uses) into out/cli/casebook.mjs, and the worker
// threads it starts beside it: out/cli/markdown-parse-worker.mjs and site-render-worker.mjs
// (a worker is looked up next to the code that starts it; see src/core/node/module-worker.ts).
// npm packages stay external: they are installed beside it. `node scripts/build-cli.mjs DIR`
// builds into DIR instead (the bundle test builds a copy inside out/).
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'out/cli';

await build({
  entryPoints: {
    casebook: 'src/cli/main.ts',
    'markdown-parse-worker': 'src/core/node/markdown/markdown-parse-worker.ts',
    'site-render-worker': 'src/core/node/export/site-render-worker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built ${outdir}/casebook.mjs and its workers`);
