// Proves the remembered-workspace settings: written atomically as JSON, validated on read,
// and a corrupt, invalid or stale file falls back to the default workspace.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAppSettings, startupWorkspace, writeAppSettings } from '../../src/main/app-settings';

let dir: string;
let file: string;
const defaultDir = '/home/someone/Documents/Casebook';

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-settings-'));
  file = path.join(dir, 'userData', 'settings.json');
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('app settings', () => {
  it('remembers the chosen workspace across launches', async () => {
    const chosen = path.join(dir, 'chosen');
    await fsp.mkdir(chosen);
    await writeAppSettings(file, { workspace: chosen });
    const settings = await readAppSettings(file);
    expect(settings).toEqual({ workspace: chosen });
    expect(await startupWorkspace({ envOverride: undefined, settings, defaultDir })).toBe(chosen);
    expect((await fsp.readdir(path.dirname(file))).filter((n) => n !== 'settings.json')).toEqual([]);
  });

  it('falls back to the default when the file is corrupt or invalid', async () => {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    for (const content of ['{"workspace": "/tmp/x"', '{"workspace": "relative/dir"}', '{"workspace": 5}', '[]']) {
      await fsp.writeFile(file, content);
      const settings = await readAppSettings(file);
      expect(settings.workspace).toBeUndefined();
      expect(await startupWorkspace({ envOverride: undefined, settings, defaultDir })).toBe(defaultDir);
    }
  });

  it('does not recreate a remembered workspace that has vanished', async () => {
    const gone = path.join(dir, 'unplugged-drive', 'Casebook');
    expect(await startupWorkspace({ envOverride: undefined, settings: { workspace: gone }, defaultDir })).toBe(
      defaultDir,
    );
  });

  it('lets CASEBOOK_WORKSPACE override the remembered folder', async () => {
    const remembered = path.join(dir, 'remembered');
    await fsp.mkdir(remembered);
    const chosen = await startupWorkspace({ envOverride: 'tmp-ws', settings: { workspace: remembered }, defaultDir });
    expect(chosen).toBe(path.resolve('tmp-ws'));
  });

  it('refuses to write a relative workspace path', async () => {
    await expect(writeAppSettings(file, { workspace: 'relative' })).rejects.toThrow();
  });
});
