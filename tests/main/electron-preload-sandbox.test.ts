// Proves the preload can run in Electron's sandbox: bundled as one CommonJS file, it may
// require nothing but `electron` (a sandboxed preload has no Node modules) and must still
// expose both bridges. The bundle is built from source here so the check needs no prior build.
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src/core/pure/contract';

async function bundlePreload(): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve('src/preload/index.ts')],
    bundle: true,
    format: 'cjs',
    // 'browser' refuses Node built-ins at bundle time, as the sandbox does at run time.
    platform: 'browser',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('sandboxed preload bundle', () => {
  it('requires only electron and exposes casebook and casebookShell', async () => {
    const code = await bundlePreload();
    const required: string[] = [];
    const exposed: Record<string, Record<string, unknown>> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
      ipcRenderer: { invoke: async () => undefined, send() {}, on() {}, removeListener() {} },
    };
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      if (name !== 'electron') throw new Error(`A sandboxed preload cannot require "${name}"`);
      return electron;
    };
    const module = { exports: {} };
    // A fresh context with no Node globals (no process, no Buffer), like the isolated world.
    const run = vm.runInNewContext(`(function (require, module, exports) {\n${code}\n})`, {});
    run(sandboxRequire, module, module.exports);

    expect([...new Set(required)]).toEqual(['electron']);
    expect(Object.keys(exposed).sort()).toEqual(['casebook', 'casebookShell']);
    expect(Object.keys(exposed.casebook!).sort()).toEqual([...methodNames].sort());
  });
});
