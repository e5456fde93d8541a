// `npm start`: runs the desktop app. Where the Electron binary was not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD), says so and opens browser mode instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
let electronPath = null;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}

const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if (typeof electronPath === 'string' && existsSync(electronPath)) {
  run(electronPath, ['.']);
} else {
  const workspace = process.env.CASEBOOK_WORKSPACE ?? path.join(homedir(), 'Documents', 'Casebook');
  console.log('The Electron binary is not installed here, so Casebook starts in browser mode.');
  console.log(`Workspace: ${workspace} (set CASEBOOK_WORKSPACE to use another folder)`);
  run(process.execPath, ['bin/casebook.mjs', 'serve', '--workspace', workspace]);
}
