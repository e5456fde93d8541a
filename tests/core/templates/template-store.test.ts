// Templates on disk beyond the first open: what ensureDefaultTemplates leaves alone, the order
// the app lists templates in, which files are problems and which are not templates at all, and
// that only Markdown a team wrote goes to the parsing worker (the built-ins, blank sections and
// structured sections are read at once, so opening a workspace starts no worker).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownParser } from '../../../src/core/node/markdown/markdown-parser';
import {
  ensureDefaultTemplates,
  getTemplate,
  listTemplates,
  templatesDir,
} from '../../../src/core/node/templates/template-store';
import { builtInTemplateIds, builtInTemplates } from '../../../src/core/pure/templates/builtin-templates';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';
import { withTempDir } from '../../helpers/temp-dir';

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function writeTemplates(ws: string, files: Record<string, string>) {
  await mkdir(templatesDir(ws), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(templatesDir(ws), name), text);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ensureDefaultTemplates', () => {
  it('writes each built-in as indented JSON, and leaves any entry already under its name', async () => {
    await withTempDir(async (ws) => {
      await mkdir(path.join(ws, 'templates', 'blank.json'), { recursive: true });
      const written = await ensureDefaultTemplates(ws);
      expect(written).toEqual(builtInTemplateIds.filter((id) => id !== 'blank'));
      const id = written[0]!;
      expect(await readFile(path.join(ws, 'templates', `${id}.json`), 'utf8')).toBe(
        `${JSON.stringify(builtInTemplates[id as keyof typeof builtInTemplates], null, 2)}\n`,
      );
      const { templates, problems } = await listTemplates(ws);
      expect(templates.map((t) => t.id)).toEqual(written);
      expect(problems.map((p) => p.file)).toEqual(['blank.json']);
    });
  });
});

describe('listTemplates', () => {
  it('lists nothing, and no problem, for a workspace without a templates folder', async () => {
    await withTempDir(async (ws) => {
      expect(await listTemplates(ws)).toEqual({ templates: [], problems: [] });
      expect(await getTemplate(ws, 'blank')).toBeNull();
    });
  });

  it('says why when templates is not a folder', async () => {
    await withTempDir(async (ws) => {
      await writeFile(path.join(ws, 'templates'), 'a file');
      await expect(listTemplates(ws)).rejects.toMatchObject({ code: 'ENOTDIR' });
    });
  });

  it('lists the built-ins in their order, then the team’s by name, ignoring hidden and other files', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      await writeTemplates(ws, {
        'a-review.json': JSON.stringify({ name: 'Zed review' }),
        'b-retro.json': JSON.stringify({ name: 'Apple retro' }),
        'c-audit.json': JSON.stringify({ name: 'apple audit' }),
        '.hidden.json': JSON.stringify({ name: 'Hidden' }),
        'notes.txt': 'not a template',
        'readme.json.bak': '{}',
      });
      const { templates, problems } = await listTemplates(ws);
      expect(templates.map((t) => t.id)).toEqual([...builtInTemplateIds, 'c-audit', 'b-retro', 'a-review']);
      expect(templates.map((t) => t.builtIn)).toEqual([...builtInTemplateIds.map(() => true), false, false, false]);
      expect(problems).toEqual([]);
      expect((await getTemplate(ws, 'b-retro'))?.name).toBe('Apple retro');
      expect(await getTemplate(ws, 'missing')).toBeNull();
    });
  });

  it('reports, by file name, names that are not ids, damaged files and folders', async () => {
    await withTempDir(async (ws) => {
      // Written in reverse order: the problems still come by name.
      await mkdir(path.join(templatesDir(ws), 'folder.json'), { recursive: true });
      await writeTemplates(ws, {
        'damaged.json': '{"name": ',
        'Team Review.json': JSON.stringify({ name: 'Team' }),
        'Bad.json': JSON.stringify({ name: 'Bad' }),
      });
      const { templates, problems } = await listTemplates(ws);
      expect(templates).toEqual([]);
      const badName = 'the file name must be lowercase letters, digits or dashes, ending in .json';
      expect(problems).toEqual([
        { file: 'Bad.json', reason: badName },
        { file: 'Team Review.json', reason: badName },
        { file: 'damaged.json', reason: 'the file is not valid JSON (Unexpected end of JSON input)' },
        { file: 'folder.json', reason: 'it is a folder, not a regular file' },
      ]);
    });
  });

  it('reads built-in, blank and structured sections without the parsing worker', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      await writeTemplates(ws, {
        'structured.json': JSON.stringify({
          name: 'Structured',
          sections: { problem: paragraph('Who noticed?'), decisions: '   ', lessons: '' },
        }),
      });
      const parses = vi.spyOn(MarkdownParser.prototype, 'parseSection');
      const { templates, problems } = await listTemplates(ws);
      expect(problems).toEqual([]);
      expect(parses).not.toHaveBeenCalled();
      const structured = templates.find((t) => t.id === 'structured')!;
      expect(docToPlainText(structured.problem)).toBe('Who noticed?');
      expect(docToPlainText(structured.decisions)).toBe('');
      expect(docToPlainText(templates.find((t) => t.id === 'failure-analysis')!.decisions).length).toBeGreaterThan(40);
    });
  });

  it('reads the team’s Markdown in the worker, and a section it refuses is a problem naming the section', async () => {
    await withTempDir(async (ws) => {
      await writeTemplates(ws, {
        'ours.json': JSON.stringify({ name: 'Ours', sections: { problem: 'Who **noticed**?', lessons: '- one' } }),
        'deep.json': JSON.stringify({
          name: 'Deep',
          sections: { problem: 'Fine.', tradeoffs: `${'>'.repeat(150)} x` },
        }),
      });
      const parses = vi.spyOn(MarkdownParser.prototype, 'parseSection');
      const closes = vi.spyOn(MarkdownParser.prototype, 'close');
      const { templates, problems } = await listTemplates(ws);
      // Off the main thread: the team's Markdown can take micromark minutes (templates-slow-markdown).
      expect(parses.mock.calls.map(([source]) => source).sort()).toEqual(
        ['- one', 'Fine.', 'Who **noticed**?', `${'>'.repeat(150)} x`].sort(),
      );
      // The worker is stopped once the list is read.
      expect(closes).toHaveBeenCalledTimes(1);
      expect(templates.map((t) => t.id)).toEqual(['ours']);
      expect(templates[0]!.problem.content![0]!.content).toEqual([
        { type: 'text', text: 'Who ' },
        { type: 'text', text: 'noticed', marks: [{ type: 'bold' }] },
        { type: 'text', text: '?' },
      ]);
      expect(templates[0]!.lessons.content![0]!.type).toBe('bulletList');
      expect(problems).toEqual([{ file: 'deep.json', reason: expect.stringMatching(/^tradeoffs: .*nested/) }]);
    });
  });
});
