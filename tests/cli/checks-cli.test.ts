import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerCheckCommand } from '../../src/cli/check-command';
import { formatCheck, type CheckOptions } from '../../src/cli/check-report';
import { checkWorkspace } from '../../src/core/pure/checks/workspace-checks';
import type { Study } from '../../src/core/pure/schemas/study';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { defaultSiteSettings } from '../../src/core/pure/schemas/site';
import { sampleStudy } from '../helpers/study-files';
import { withTempDir } from '../helpers/temp-dir';

const site = defaultSiteSettings();

/** The command's report for studies held in memory. */
const runCheck = (studies: Study[], settings: typeof site, options: CheckOptions = {}) =>
  formatCheck(checkWorkspace(settings, studies, { publishedOnly: options.publishedOnly }), options);
const body = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Filled.' }] }] };
const ready = (n: number, title: string) =>
  sampleStudy(n, {
    title,
    summary: 'A one-line summary.',
    status: 'published',
    categories: ['Failure Analysis'],
    date: '2026-01-01',
    problem: body,
    decisions: body,
    tradeoffs: body,
    lessons: body,
  });

describe('casebook check report', () => {
  it('groups findings by study, errors first, and fails only with --strict', () => {
    const broken = { ...ready(1, 'Queue outage'), summary: '', categories: [] };
    const fine = ready(2, 'Cache design');
    const relaxed = runCheck([broken, fine], site);
    expect(relaxed.exitCode).toBe(0);
    expect(relaxed.text).toContain('Checked 2 studies: 1 error, 1 warning.');
    const lines = relaxed.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Queue outage'));
    expect(lines[at + 1]).toMatch(/^ {2}error +Summary: Add a one-line summary/);
    expect(lines[at + 2]).toMatch(/^ {2}warning +Categories: Pick a category/);
    expect(relaxed.text).not.toContain('Cache design');
    expect(relaxed.text).toContain('1 study without findings.');

    const strict = runCheck([broken, fine], site, { strict: true });
    expect(strict.exitCode).toBe(1);
    expect(strict.text).toContain('Not ready: fix the 1 error above (--strict).');
  });

  it('passes --strict when only warnings remain', () => {
    const warned = { ...ready(1, 'Queue outage'), categories: ['Not a site category'] };
    const run = runCheck([warned], site, { strict: true });
    expect(run.exitCode).toBe(0);
    expect(run.text).toContain('Ready to publish: no errors.');
  });
});

describe('casebook check command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('checks a real workspace and exits 1 under --strict while an error remains', async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const created = await service.createStudy({ title: 'Half-written study' });
      const output: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => void output.push(line));
      const program = new Command().exitOverride();
      registerCheckCommand(program, (dir) => openWorkspace(dir ?? ws));

      await program.parseAsync(['check', '--workspace', ws], { from: 'user' });
      expect(output.join('\n')).toContain('Half-written study  (draft, half-written-study)');
      expect(output.join('\n')).toContain('The Problem section is empty.');

      const failure = await program.parseAsync(['check', '--strict'], { from: 'user' }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(CommanderError);
      expect((failure as CommanderError).exitCode).toBe(1);

      // Drafts can be left out: with no published study there is nothing to fail on.
      await program.parseAsync(['check', '--strict', '--published-only'], { from: 'user' });
      expect(output.at(-1)).toContain('Checked 0 published studies');
      expect(created.status).toBe('draft');
    });
  });

  it('fails --strict when casebook.json cannot be read, naming the file and line, as the export refuses it', async () => {
    await withTempDir(async (ws) => {
      await openWorkspace(ws);
      // A site settings file cut off mid-write by another tool: the workspace opens read-only on defaults.
      await writeFile(path.join(ws, 'casebook.json'), '{\n  "schemaVersion": 1,\n  "title": "Eng');
      const output: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => void output.push(line));
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const program = new Command().exitOverride();
      registerCheckCommand(program, (dir) => openWorkspace(dir ?? ws));

      const failure = await program
        .parseAsync(['check', '--strict', '--workspace', ws], { from: 'user' })
        .catch((err: unknown) => err);
      expect((failure as CommanderError).exitCode).toBe(1);
      const text = output.join('\n');
      expect(text).toContain('Checked 0 studies: 1 error, 0 warnings.');
      expect(text).toMatch(
        /Site settings\n {2}error +casebook\.json: casebook\.json could not be read \(line 3, column \d+\)/,
      );
      expect(text).not.toContain('Ready to publish');
    });
  });
});
