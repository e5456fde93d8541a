import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { withTempDir } from '../helpers/temp-dir';
import { casebook } from './cli-git-helpers';

describe('casebook CLI', () => {
  it('export refuses while casebook.json cannot be read (it would publish the defaults), and says so with --allow-errors', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      expect((await casebook(['init', '--workspace', ws])).code).toBe(0);
      const file = path.join(ws, 'casebook.json');
      const settings = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, JSON.stringify({ ...settings, site: { ...settings.site, accent: '#fff' } }));
      const refused = await casebook(['export', '-w', ws, '--format', 'site', '--out', path.join(dir, 'site')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Not exported[^]*casebook\.json could not be read[^]*accent[^]*--allow-errors/i);
      const args = ['export', '-w', ws, '--format', 'site', '--out', path.join(dir, 'site'), '--allow-errors'];
      const site = await casebook(args);
      expect(site.code, site.stderr).toBe(0);
      expect(site.stderr).toMatch(/Skipped casebook\.json \(left where it is\): casebook\.json could not be read/);
    });
  }, 60_000);

  it('init creates a workspace and list shows its studies', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'my cases');
      const init = await casebook(['init', '--workspace', ws]);
      expect(init.code).toBe(0);
      expect(init.stdout).toContain(`Casebook workspace ready at ${ws} (0 case studies)`);
      expect((await readdir(ws)).sort()).toEqual(['.trash', 'assets', 'casebook.json', 'studies', 'templates']);
      const service = await openWorkspace(ws);
      await service.createStudy({ title: 'Queue backlog' });
      const list = await casebook(['list'], { CASEBOOK_WORKSPACE: ws });
      expect(list.stdout).toMatch(/Queue backlog\s+draft/);
      const json = await casebook(['list', '--json', '-w', ws]);
      expect(JSON.parse(json.stdout)[0].slug).toBe('queue-backlog');
    });
  }, 60_000);

  it('fails with one clear line and a non-zero exit on bad input', async () => {
    const badPort = await casebook(['serve', '--port', 'eighty']);
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr.trim()).toBe('casebook: --port: the port must be a number');
    const unknown = await casebook(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  }, 60_000);

  it('exports a site and Markdown, imports the Markdown back, and checks readiness', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'Queue backlog' });
      const para = (text: string) => ({
        type: 'doc' as const,
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      });
      await service.updateStudy({
        id: study.id,
        patch: {
          status: 'published',
          summary: 'Consumers fell behind',
          date: '2026-03-01',
          categories: ['Failure Analysis'],
          problem: para('Lag grew.'),
          decisions: para('Scaled out.'),
          tradeoffs: para('Cost.'),
          lessons: para('Alert on lag.'),
        },
      });
      await service.createStudy({ title: 'Unfinished draft' });

      const site = await casebook(['export', '-w', ws, '--format', 'site', '--out', path.join(dir, 'site')]);
      expect(site.code).toBe(0);
      expect(site.stdout).toMatch(/Exported 1 study as a static site to .* files written, 0 unchanged, 0 removed/);
      expect(await readdir(path.join(dir, 'site', 'queue-backlog'))).toEqual(['index.html']);
      const again = await casebook(['export', '-w', ws, '--format', 'site', '--out', path.join(dir, 'site')]);
      expect(again.stdout).toMatch(/0 files written, \d+ unchanged/);

      const md = await casebook([
        'export',
        '-w',
        ws,
        '-f',
        'markdown',
        '-o',
        path.join(dir, 'md'),
        '--drafts',
        '--allow-errors',
      ]);
      expect(md.code).toBe(0);
      expect((await readdir(path.join(dir, 'md'))).filter((n) => !n.startsWith('.')).sort()).toEqual([
        'queue-backlog',
        'unfinished-draft',
      ]);

      const refused = await casebook(['export', '-w', ws, '-f', 'markdown', '-o', path.join(dir, 'site')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/previous site export/);

      const imported = await casebook(['import', '-w', path.join(dir, 'ws2'), path.join(dir, 'md')]);
      expect(imported.stdout).toContain('Imported 2 studies; skipped 0 files.');
      const list = JSON.parse((await casebook(['list', '--json', '-w', path.join(dir, 'ws2')])).stdout);
      expect(list.map((s: { title: string }) => s.title).sort()).toEqual(['Queue backlog', 'Unfinished draft']);

      const check = await casebook(['check', '-w', ws]);
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/Unfinished draft/);
      const strict = await casebook(['check', '-w', ws, '--strict']);
      expect(strict.code).toBe(1);
    });
  }, 120_000);

  it('has --help on each command', async () => {
    for (const command of ['init', 'list', 'serve', 'export', 'import', 'check']) {
      const help = await casebook([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: casebook ${command}`);
      expect(help.stdout).toContain('--workspace');
    }
  }, 60_000);
});
