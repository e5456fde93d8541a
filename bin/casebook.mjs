#!/usr/bin/env node
// Entry point of the `casebook` command; the CLI itself is bundled by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../out/cli/casebook.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('casebook: the CLI is not built yet — run `npm install` (or `npm run build`) in the Casebook folder.');
  process.exit(1);
}
await import(cli.href);
