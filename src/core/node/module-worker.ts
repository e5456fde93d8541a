// Starts one of Casebook's worker-thread entries from wherever the running code is. Each
// build ships a worker entry as its own file beside the code that starts it, so one lookup
// relative to the caller's URL finds it everywhere:
//   source (tsx, Vitest)     src/core/node/…/<name>.ts, loaded through tsx
//   CLI bundle (esbuild)     out/cli/<name>.mjs        (scripts/build-cli.mjs)
//   Electron (electron-vite) out/main/<name>.js        (electron.vite.config.ts), also from out/main/chunks/
// The name is built at run time so no bundler rewrites the URL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CasebookError } from '../pure/errors';

/** A worker running `<name>` found beside `here` (the caller's import.meta.url). */
export function startModuleWorker(name: string, here: string, options: WorkerOptions = {}): Worker {
  // Code split into a chunk (electron-vite puts a dynamically imported module in out/main/chunks/)
  // looks one folder up, where the entries are.
  for (const candidate of [`./${name}.mjs`, `./${name}.js`, `../${name}.js`]) {
    const built = new URL(candidate, here);
    if (existsSync(built)) return new Worker(built, options);
  }
  const source = new URL(`./${name}.ts`, here);
  if (!existsSync(source)) {
    throw new CasebookError('internal', `${name}.mjs is missing beside ${fileURLToPath(here)}; rebuild Casebook.`);
  }
  // Running from source: a worker does not inherit tsx's loader, so it registers tsx first.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
