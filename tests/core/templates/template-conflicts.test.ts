// The conflicts a git merge left in template files: which files the app lists (only readable
// templates with a valid id and at least one conflict, in name order, a missing name shown as
// the id), and a resolve that rewrites the file only while it is the version the author saw.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import {
  listTemplateConflicts,
  resolveTemplateFileConflict,
} from '../../../src/core/node/templates/template-conflicts';
import { withTempDir } from '../../helpers/temp-dir';

/** A template file as a merge of two edits of one section leaves it: one conflict. */
const conflicted = (name: string) => {
  const file = (problem: string) => `${JSON.stringify({ name, sections: { problem } }, null, 2)}\n`;
  return mergeWorkspaceFile('templates/t.json', file('What broke?'), file('Mine?'), file('Theirs?')).text;
};
/** The same, its name taken out afterwards (a template without one does not merge). */
const unnamed = () => {
  const { name: _name, ...rest } = JSON.parse(conflicted('x')) as Record<string, unknown>;
  return JSON.stringify(rest);
};

async function withTemplates(files: Record<string, string>, run: (ws: string) => Promise<void>) {
  await withTempDir(async (ws) => {
    await mkdir(path.join(ws, 'templates'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(ws, 'templates', name), text);
    await run(ws);
  });
}

describe('listTemplateConflicts', () => {
  it('is empty for a workspace without a templates folder', async () => {
    await withTempDir(async (ws) => {
      expect(await listTemplateConflicts(ws)).toEqual([]);
    });
  });

  it('says why when templates is not a folder', async () => {
    await withTempDir(async (ws) => {
      await writeFile(path.join(ws, 'templates'), 'not a folder');
      await expect(listTemplateConflicts(ws)).rejects.toMatchObject({ code: 'ENOTDIR' });
    });
  });

  it('lists only readable templates with a valid id that hold a conflict, by file name', async () => {
    const clean = JSON.stringify({ name: 'Clean', sections: { problem: 'x' }, conflicts: [] });
    await withTemplates(
      {
        'alpha.json': unnamed(),
        'mid.json': conflicted('Mid'),
        'zeta.json': conflicted('Zeta'),
        'Bad Name.json': conflicted('Bad'),
        'notes.txt': conflicted('Text'),
        'clean.json': clean,
        'plain.json': JSON.stringify({ name: 'Plain' }),
        'broken.json': conflicted('Broken').slice(0, 40),
        'list.json': JSON.stringify([conflicted('List')]),
        'nothing.json': 'null',
        'long.json': conflicted('x'.repeat(81)),
      },
      async (ws) => {
        const listed = await listTemplateConflicts(ws);
        expect(listed.map((t) => [t.id, t.name, t.conflicts.length])).toEqual([
          ['alpha', 'alpha', 1],
          ['mid', 'Mid', 1],
          ['zeta', 'Zeta', 1],
        ]);
        expect(listed[0]!.version).toMatch(/\S/);
        expect(listed[0]!.version).not.toBe(listed[1]!.version);
      },
    );
  });
});

describe('resolveTemplateFileConflict', () => {
  it('takes their section and writes the file back as indented JSON, conflicts gone', async () => {
    await withTemplates({ 'incident.json': conflicted('Incident') }, async (ws) => {
      const [listed] = await listTemplateConflicts(ws);
      const done = await resolveTemplateFileConflict(
        ws,
        'incident',
        listed!.conflicts[0]!.id,
        'theirs',
        listed!.version,
      );
      expect(done).toEqual({ note: null });
      const text = await readFile(path.join(ws, 'templates', 'incident.json'), 'utf8');
      expect(text).toBe(`${JSON.stringify({ name: 'Incident', sections: { problem: 'Theirs?' } }, null, 2)}\n`);
      expect(await listTemplateConflicts(ws)).toEqual([]);
    });
  });

  it('resolves without a version to compare when none is given', async () => {
    await withTemplates({ 'incident.json': conflicted('Incident') }, async (ws) => {
      const [listed] = await listTemplateConflicts(ws);
      await resolveTemplateFileConflict(ws, 'incident', listed!.conflicts[0]!.id, 'mine');
      const file = JSON.parse(await readFile(path.join(ws, 'templates', 'incident.json'), 'utf8')) as object;
      expect(file).toEqual({ name: 'Incident', sections: { problem: 'Mine?' } });
    });
  });

  it('refuses when the file changed since it was shown, and leaves it as it is', async () => {
    await withTemplates({ 'incident.json': conflicted('Incident') }, async (ws) => {
      const [listed] = await listTemplateConflicts(ws);
      const file = path.join(ws, 'templates', 'incident.json');
      const changed = conflicted('Incident, renamed');
      await writeFile(file, changed);
      await expect(
        resolveTemplateFileConflict(ws, 'incident', listed!.conflicts[0]!.id, 'theirs', listed!.version),
      ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since it was shown/) });
      expect(await readFile(file, 'utf8')).toBe(changed);
    });
  });

  it('says the template cannot be read when its file is gone, damaged or not a JSON object', async () => {
    const files = { 'broken.json': '{"name": ', 'list.json': '[{"name": "x"}]', 'text.json': '"x"' };
    await withTemplates(files, async (ws) => {
      for (const id of ['list', 'text'])
        await expect(resolveTemplateFileConflict(ws, id, 'c1', 'theirs')).rejects.toMatchObject({
          code: 'not_found',
          message: `The template "${id}" cannot be read any more.`,
        });
      await expect(resolveTemplateFileConflict(ws, 'gone', 'c1', 'theirs')).rejects.toMatchObject({
        code: 'not_found',
        message: 'The template "gone" cannot be read any more.',
      });
      await expect(resolveTemplateFileConflict(ws, 'broken', 'c1', 'theirs')).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await readFile(path.join(ws, 'templates', 'broken.json'), 'utf8')).toBe('{"name": ');
    });
  });

  it('refuses an id that is not a template file name', async () => {
    await withTempDir(async (ws) => {
      await expect(resolveTemplateFileConflict(ws, '../casebook', 'c1', 'theirs')).rejects.toThrow();
    });
  });
});
