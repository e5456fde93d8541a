// Bundles the CLI (and the core and server it uses) into out/cli/casebook.mjs.
// npm packages stay external: they are installed beside it.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'out/cli/casebook.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built out/cli/casebook.mjs');
