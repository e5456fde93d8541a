// Bundles the CLI (and the core and server it uses) into out/cli/casebook.mjs, and the worker
// threads it starts beside it: out/cli/markdown-parse-worker.mjs, site-render-worker.mjs and study-intake-worker.mjs
// (a worker is looked up next to the code that starts it; see src/core/node/module-worker.ts).
// npm packages are bundled in as well (see below). Code split: each command's
// `await import()` becomes its own chunk beside casebook.mjs, so start-up loads only what the
// command run needs (`casebook --help` loads commander and the command table). `node scripts/build-cli.mjs DIR`
// builds into DIR instead (the bundle test builds a copy inside out/).
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'out/cli';
// Chunk names carry content hashes: without a clean folder, every build would leave the last
// build's chunks behind.
rmSync(outdir, { recursive: true, force: true });

// zod re-exports every locale it has (360 KB of the 750 KB it bundles to) as `z.locales`;
// Casebook uses only English, which zod loads on its own. Parsing the rest would cost every
// command ~half of zod's start-up, so `z.locales` holds English alone in the CLI.
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: 'zod-english-locales', namespace: 'casebook' }
        : undefined,
    );
    b.onLoad({ filter: /^zod-english-locales$/, namespace: 'casebook' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

// `import { z } from 'zod'` is zod's whole namespace, so nothing in it can be left out: its JSON
// Schema import (from-json-schema), its ahead-of-time compiler (compile) and the rest Casebook
// never calls would be parsed by every command that validates anything (`casebook list`
// included; zod's bundle shrinks from ~390 KB to ~210 KB). In the CLI, `z` holds the members
// src/ names (`z.object`, ...) alone, found by reading src/, so a schema that starts using one
// more zod function gets it without a change here. (zod's own files still import each other whole.)
const { z: zodNamespace } = await import('zod');
const zodMembersUsed = new Set();
for (const file of readdirSync('src', { recursive: true, withFileTypes: true })) {
  if (!file.isFile() || !/\.tsx?$/.test(file.name)) continue;
  const text = readFileSync(path.join(file.parentPath ?? file.path, file.name), 'utf8');
  for (const [, member] of text.matchAll(/\bz\s*\.\s*([A-Za-z_$][\w$]*)/g))
    if (Object.hasOwn(zodNamespace, member)) zodMembersUsed.add(member);
}
const zodClassic = realpathSync('node_modules/zod/v4/classic/external.js');
const zodUsedMembersOnly = {
  name: 'zod-used-members-only',
  setup(b) {
    // Casebook's own imports of 'zod' only; zod's files reach each other by relative paths.
    b.onResolve({ filter: /^zod$/ }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: 'zod', namespace: 'casebook-zod' } : undefined,
    );
    b.onResolve({ filter: /^zod-members$/ }, () => ({ path: 'zod-members', namespace: 'casebook-zod' }));
    b.onLoad({ filter: /^zod$/, namespace: 'casebook-zod' }, () => ({
      contents: "export * as z from 'zod-members';",
      resolveDir: process.cwd(),
    }));
    b.onLoad({ filter: /^zod-members$/, namespace: 'casebook-zod' }, () => ({
      contents: `export { ${[...zodMembersUsed].join(', ')} } from ${JSON.stringify(zodClassic)};`,
      resolveDir: process.cwd(),
    }));
  },
};

// commander requires node:child_process when it loads, for stand-alone subcommand executables
// (`git-foo` style) that Casebook does not have; loading it (with net and dgram) costs every
// command several milliseconds. In the bundle it is required on first use instead.
const commanderChildProcessOnUse = {
  name: 'commander-child-process-on-use',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      // A commander that loads it otherwise fails the build here, not silently.
      if (!source.includes(eager)) throw new Error(`${args.path} no longer starts with: ${eager}`);
      const onUse = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, onUse), loader: 'js' };
    });
  },
};

await build({
  entryPoints: {
    casebook: 'src/cli/main.ts',
    'markdown-parse-worker': 'src/core/node/markdown/markdown-parse-worker.ts',
    'site-render-worker': 'src/core/node/export/site-render-worker.ts',
    'study-intake-worker': 'src/core/node/study-intake-worker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages are bundled too: Node loads a few chunks far faster than hundreds of
  // package files (zod alone is ~100). CommonJS ones (commander) get a require() to call.
  banner: {
    js: "import { createRequire as __casebookRequire } from 'node:module'; const require = __casebookRequire(import.meta.url);",
  },
  sourcemap: true,
  // A native module (social cards): required at run time from node_modules, never bundled.
  external: ['@resvg/resvg-js'],
  plugins: [englishZodLocalesOnly, zodUsedMembersOnly, commanderChildProcessOnUse],
  logLevel: 'warning',
});
console.log(`built ${outdir}/casebook.mjs and its workers`);
