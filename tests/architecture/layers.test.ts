// The layer allowlist (layers.config.js) is enforced by lint: an import it does not list fails.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layers', () => {
  it.each([
    [
      'the renderer reaching Node-side core',
      'src/renderer/src/x.ts',
      "import { StudyStore } from '../../core/node/study-store';",
    ],
    [
      'the renderer reaching the library service',
      'src/renderer/src/x.ts',
      "import { LibraryService } from '../../core/node/library-service';",
    ],
    ['pure core reaching Node-side core', 'src/core/pure/x.ts', "import { writeAtomic } from '../node/atomic-write';"],
    ['pure core reaching Node itself', 'src/core/pure/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['core reaching a transport', 'src/core/node/x.ts', "import { startServer } from '../../server/http-server';"],
    ['the preload reaching Electron main', 'src/preload/x.ts', "import { createWindow } from '../main/window';"],
    ['the server reaching the CLI', 'src/server/x.ts', "import { main } from '../cli/main';"],
    ['main reaching the server', 'src/main/x.ts', "import { startServer } from '../server/http-server';"],
  ])('refuses %s', async (_what, file, code) => {
    expect(await layerErrors(file, `${code}\nexport const used = [${code.match(/\{ (\w+)/)![1]}];\n`)).not.toEqual([]);
  });

  it.each([
    ['the renderer using the contract', 'src/renderer/src/x.ts', "import { methods } from '../../core/pure/contract';"],
    ['the CLI using the server', 'src/cli/x.ts', "import { startServer } from '../server/http-server';"],
    ['main using Node-side core', 'src/main/x.ts', "import { StudyStore } from '../core/node/study-store';"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, `${code}\nexport const used = [${code.match(/\{ (\w+)/)![1]}];\n`)).toEqual([]);
  });
});
