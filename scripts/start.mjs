// `npm start`: runs the desktop app. Where the Electron binary was not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD), says so and opens browser mode instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

// Requiring `electron` without its binary starts a download, so read its path.txt instead.
function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const exe = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}
const electronPath = electronBinary();

const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if (electronPath) {
  run(electronPath, ['.']);
} else {
  const workspace = process.env.CASEBOOK_WORKSPACE ?? path.join(homedir(), 'Documents', 'Casebook');
  console.log('The Electron binary is not installed here, so Casebook starts in browser mode.');
  console.log(`Workspace: ${workspace} (set CASEBOOK_WORKSPACE to use another folder)`);
  run(process.execPath, ['bin/casebook.mjs', 'serve', '--workspace', workspace]);
}
