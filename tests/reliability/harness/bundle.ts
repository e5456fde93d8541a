// Bundles a TypeScript entry point (and everything it imports) into one .mjs file, so a
// test can start it as a child process in ~0.1 s instead of tsx's ~0.5 s, always from the
// current sources (out/ may be stale).
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleForNode(entry: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    minify: true, // parses faster at start-up
    // Bundled CommonJS dependencies call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
