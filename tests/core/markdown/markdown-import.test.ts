// Importing Markdown files and folders into a real workspace: sections and variants, titles,
// images copied by content hash, bad files reported by line and skipped, nothing overwritten.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withoutBlockIds } from '../../../src/core/pure/rich-text/block-ids';
import { markdownExport } from '../../../src/core/node/markdown/markdown-export';
import { importMarkdownPaths } from '../../../src/core/node/markdown/markdown-import';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { StudyStore } from '../../../src/core/node/study-store';
import { writeOutput } from '../../../src/core/node/export/output-writer';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { sectionKeys } from '../../../src/core/pure/schemas/study';
import { IMPORT_FILES } from '../../fixtures/markdown/import-files';
import { SAMPLE_IMAGE_HASH, SAMPLE_PNG, sampleStudies } from '../../fixtures/markdown/sample-workspace';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let tmp: string;
let workspace: string;
let input: string;
let store: StudyStore;

beforeEach(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-md-import-'));
  workspace = path.join(tmp, 'workspace');
  input = path.join(tmp, 'input');
  for (const [rel, text] of Object.entries(IMPORT_FILES)) {
    await fsp.mkdir(path.dirname(path.join(input, rel)), { recursive: true });
    await fsp.writeFile(path.join(input, rel), text);
  }
  await fsp.writeFile(path.join(input, 'hugo-post', 'diagram.png'), PNG);
  await fsp.writeFile(path.join(tmp, 'secret.png'), PNG); // outside the imported folder
  store = new StudyStore(workspace);
  await store.open();
});
afterEach(async () => {
  await fsp.rm(tmp, { recursive: true, force: true });
});

async function importPaths(paths: string[]) {
  const existingIds = new Set((await store.list()).map((s) => s.id));
  return importMarkdownPaths(paths, { workspace, createStudy: (draft) => store.create(draft), existingIds });
}

describe('parseMarkdownStudy', () => {
  it('reports the line of a bad front matter value', () => {
    const bad = parseMarkdownStudy('---\ntitle: "x"\noutcome: great\n---\n## Problem\n', 'x.md');
    expect(bad).toEqual({ ok: false, line: 3, reason: expect.stringContaining('outcome') });
  });

  it('matches section headings case-insensitively, with variants, and keeps unknown H2s as headings', () => {
    const parsed = parseMarkdownStudy(
      'Intro text.\n\n## THE PROBLEM\n\nP.\n\n## Approach\n\nD.\n\n## Trade offs\n\nT.\n\n## Notes\n\nN.\n\n## What we learned\n\nL.\n',
      'notes.md',
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const s = parsed.study;
    expect(s.title).toBe('notes');
    expect(docToPlainText(s.problem!)).toBe('Intro text.\nP.');
    expect(docToPlainText(s.decisions!)).toBe('D.');
    expect(docToPlainText(s.tradeoffs!)).toBe('T.\nNotes\nN.');
    expect(s.tradeoffs!.content![1]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(docToPlainText(s.lessons!)).toBe('L.');
  });
});

describe('importMarkdownPaths', () => {
  it('imports a folder: good files become studies, bad files are reported one by one with their line', async () => {
    const report = await importPaths([input]);

    expect(report.skipped.map((s) => [path.basename(s.file), s.line])).toEqual([
      ['bad-date.md', 4],
      ['bad-yaml.md', 3],
      ['unclosed.md', 1],
    ]);
    expect(report.imported.map((i) => i.title).sort()).toEqual([
      'Moving the queue: "one" broker',
      'Title from the first heading',
    ]);

    const hugo = await store.get(report.imported.find((i) => i.title.startsWith('Moving'))!.id);
    expect(hugo).toMatchObject({
      summary: 'Written for another site generator',
      date: '2025-11-03',
      categories: ['Architecture & Design'],
      tags: ['kafka', 'queues'],
      outcome: 'mixed',
      status: 'published',
    });
    expect(docToPlainText(hugo.problem)).toBe('We ran three brokers.');
    // The image beside the file is copied into the workspace under its content hash.
    const image = hugo.problem.content!.find((n) => n.type === 'image')!;
    expect(image.attrs).toMatchObject({ src: `assets/${sha(PNG)}.png`, alt: 'Broker diagram', title: 'Before' });
    expect(await fsp.readFile(path.join(workspace, 'assets', `${sha(PNG)}.png`))).toEqual(PNG);
    // The image outside the imported folder is refused and reported.
    expect(hugo.problem.content!.filter((n) => n.type === 'image')).toHaveLength(1);
    expect(report.warnings.join('\n')).toMatch(/secret\.png.*outside the imported folder/);
    // ~~~ fence with its language; the javascript: link is kept as text only.
    expect(hugo.decisions.content![0]).toMatchObject({ type: 'codeBlock', attrs: { language: 'yaml' } });
    expect(JSON.stringify(hugo.decisions)).not.toContain('javascript:');
    expect(docToPlainText(hugo.decisions)).toContain('See the runbook and this.');
    // Pipe rows without a delimiter row still make a table; unknown H2 stays in Lessons.
    expect(hugo.tradeoffs.content![0]!.type).toBe('table');
    expect(docToPlainText(hugo.lessons)).toBe('Fewer moving parts\nMeasure first\nAppendix\nRaw notes.');

    const plain = await store.get(report.imported.find((i) => i.title === 'Title from the first heading')!.id);
    expect(docToPlainText(plain.problem)).toBe('Some context before any section.');
    expect(docToPlainText(plain.lessons)).toBe('It worked.');
  });

  it('never overwrites a study already in the workspace: a taken id imports as a new study', async () => {
    const existing = await store.create({ title: 'Already here', summary: 'keep me' });
    const exported: Study = { ...existing, title: 'Changed elsewhere', summary: 'different' };
    const { files } = markdownExport({
      site: defaultSiteSettings(),
      studies: [exported],
      readAsset: () => null,
      drafts: true,
    });
    const file = path.join(tmp, 'again.md');
    await fsp.writeFile(file, files[0]!.contents);
    const before = await fsp.readFile(path.join(workspace, 'studies', `${existing.id}.json`), 'utf8');

    const report = await importPaths([file]);

    expect(report.imported).toHaveLength(1);
    expect(report.imported[0]!.id).not.toBe(existing.id);
    expect(report.warnings.join('\n')).toMatch(/already exists/);
    expect(await fsp.readFile(path.join(workspace, 'studies', `${existing.id}.json`), 'utf8')).toBe(before);
    expect((await store.list()).map((s) => s.title).sort()).toEqual(['Already here', 'Changed elsewhere']);
  });

  it('reports a path that is not Markdown and imports the rest', async () => {
    const report = await importPaths([
      path.join(input, 'hugo-post', 'diagram.png'),
      path.join(input, 'plain-notes.md'),
    ]);
    expect(report.skipped).toEqual([
      { file: path.join(input, 'hugo-post', 'diagram.png'), line: 1, reason: expect.any(String) },
    ]);
    expect(report.imported.map((i) => i.title)).toEqual(['Title from the first heading']);
  });

  it('gives back the same studies when a whole exported workspace is imported into an empty one', async () => {
    const studies = sampleStudies();
    const { files } = markdownExport({
      site: defaultSiteSettings(),
      studies,
      readAsset: (rel) => (rel === `assets/${SAMPLE_IMAGE_HASH}.png` ? SAMPLE_PNG : null),
      drafts: true,
    });
    const out = path.join(tmp, 'export');
    await writeOutput(out, files, { format: 'markdown' });

    const report = await importPaths([out]);

    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([]);
    for (const original of studies) {
      const imported = report.imported.find((i) => i.title === original.title);
      expect(imported, original.title).toBeDefined();
      const back = await store.get(imported!.id);
      // id and timestamps are the store's to assign (see the report on StudyStore.create).
      // Block ids too: Markdown carries none, and the importing store gives new ones.
      const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Study) => ({
        ...rest,
        ...Object.fromEntries(sectionKeys.map((k) => [k, withoutBlockIds(rest[k])])),
      });
      expect(strip(back)).toEqual(
        strip({ ...original, ...Object.fromEntries(sectionKeys.map((k) => [k, markdownNormalForm(original[k])])) }),
      );
    }
    expect(await fsp.readFile(path.join(workspace, 'assets', `${SAMPLE_IMAGE_HASH}.png`))).toEqual(
      Buffer.from(SAMPLE_PNG),
    );
  });
});
