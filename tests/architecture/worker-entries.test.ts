// Every worker thread the core starts (startModuleWorker('<name>', …)) is looked up beside the
// built code: each build must ship it as an entry, or the work silently falls back to one thread.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const started = new Map<string, string>();
for (const file of sourceFiles(path.join(root, 'src'))) {
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/startModuleWorker\(\s*'([\w-]+)'/g))
    started.set(name!, path.relative(root, file));
}

describe('worker entries', () => {
  it('finds the workers the core starts', () => {
    expect([...started.keys()].sort()).toEqual(['site-render-worker', 'study-intake-worker']);
  });

  it.each([['electron.vite.config.ts'], ['scripts/build-cli.mjs']])(
    'ships each of them in %s, from beside its starter',
    (config) => {
      const text = readFileSync(path.join(root, config), 'utf8');
      for (const [name, starter] of started) {
        const entry = `'${name}': `;
        expect(text, `${name} is not an entry of ${config}`).toContain(entry);
        // The source a worker is started from in Vitest and tsx is looked up beside its starter.
        expect(text).toContain(`${path.dirname(starter).split(path.sep).join('/')}/${name}.ts`);
      }
    },
  );
});
