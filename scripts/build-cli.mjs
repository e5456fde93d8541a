// Bundles the CLI (and the core and server it uses) into out/cli/casebook.mjs, and the Markdown
// parsing worker it starts into out/cli/markdown-parse-worker.mjs beside it (the worker is
// looked up next to the code that starts it; see src/core/node/markdown/markdown-parser.ts).
// npm packages stay external: they are installed beside it. Code split: each command's
// `await import()` becomes its own chunk beside casebook.mjs, so start-up loads only what the
// command run needs (`casebook --help` loads commander and the command table). `node scripts/build-cli.mjs DIR`
// builds into DIR instead (the bundle test builds a copy inside out/).
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'out/cli';

await build({
  entryPoints: {
    casebook: 'src/cli/main.ts',
    'markdown-parse-worker': 'src/core/node/markdown/markdown-parse-worker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built ${outdir}/casebook.mjs and ${outdir}/markdown-parse-worker.mjs`);
