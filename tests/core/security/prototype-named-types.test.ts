// Node and mark types are the document's own strings. A type named after a member of
// Object.prototype (`constructor`, `hasOwnProperty`, `__proto__`, …) once found an Object
// method in the renderers' lookup tables, and every export and the preview answered 500. Now
// every reader treats it as an unknown type (its text kept), and a save or a template that
// would write one is refused with a message naming the section and the type.
//   CASEBOOK_PROTO_RUNS=5000 npx vitest run tests/core/security/prototype-named-types.test.ts
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../../src/core/node/casebook-service';
import { checkStudy } from '../../../src/core/pure/checks/publish-checks';
import { StudyNames } from '../../../src/core/pure/checks/study-names';
import { dispatch } from '../../../src/core/pure/dispatch';
import { siteExport } from '../../../src/core/node/export/site-export';
import { studyPreviewHtml } from '../../../src/core/node/export/study-preview';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { studyToMarkdown } from '../../../src/core/node/markdown/markdown-export';
import { readingMinutes } from '../../../src/core/pure/reading-time';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { docToPlainText, type RichTextDoc, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { sectionKeys, sectionLabels, type SectionKey, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';
import { makeTempDir } from '../../helpers/temp-dir';
import { PROTOTYPE_NAMES, readSampleAsset, sampleSite } from '../../site/sample-site';

const RUNS = Number(process.env.CASEBOOK_PROTO_RUNS ?? 200);
const MARKER = 'kept-text';

/** A section holding `name` as a node type or a mark type, `depth` blocks down. */
function sectionWith(name: string, kind: 'node' | 'mark', depth: number): RichTextDoc {
  const text: RichTextNode = { type: 'text', text: MARKER, ...(kind === 'mark' ? { marks: [{ type: name }] } : {}) };
  let node: RichTextNode = kind === 'node' ? { type: name, content: [text] } : { type: 'paragraph', content: [text] };
  for (let i = 0; i < depth; i++) node = { type: i % 2 ? 'blockquote' : 'callout', content: [node] };
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'before' }] }, node] };
}

const studyWith = (key: SectionKey, doc: RichTextDoc): Study =>
  sampleStudy(1, { [key]: doc, status: 'published', title: 'Proto', summary: 'A summary' });

/** Everything that reads a study's rich text, outside the service. */
function readEverywhere(study: Study): void {
  const site = sampleSite();
  const pages = siteExport({ site, studies: [study], readAsset: readSampleAsset, drafts: true }).files;
  const page = String(pages.find((f) => f.path === `${study.slug}/index.html`)!.contents);
  const preview = studyPreviewHtml({ site, study, readAsset: readSampleAsset });
  const { markdown } = studyToMarkdown(study, { readAsset: readSampleAsset, warn: () => {} });
  for (const out of [page, preview, markdown, ...sectionKeys.map((k) => richTextToHtml(study[k]))]) {
    // No Object method's answer leaks in ("[object Object]", "false", a function's source).
    expect(out).not.toMatch(/\[object |function |native code/);
  }
  for (const out of [page, preview, markdown]) expect(out).toContain(MARKER); // the text is kept
  checkStudy(study, { site, names: StudyNames.of([study]) });
  expect(readingMinutes(study)).toBeGreaterThanOrEqual(1);
  expect(sectionKeys.map((k) => docToPlainText(study[k])).join('\n')).toContain(MARKER);
  const index = new SearchIndex();
  index.upsert(study);
  expect(index.match(MARKER).map((m) => m.id)).toEqual([study.id]);
}

describe('node and mark types named after Object.prototype members', () => {
  it('covers every member name, __proto__ included', () => {
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(['constructor', 'hasOwnProperty', 'valueOf', '__proto__']));
    expect(PROTOTYPE_NAMES.length).toBeGreaterThanOrEqual(12);
  });

  it('every renderer, export, check, count and search reads them as unknown types (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOTYPE_NAMES),
        fc.constantFrom<'node' | 'mark'>('node', 'mark'),
        fc.constantFrom(...sectionKeys),
        fc.nat({ max: 4 }),
        (name, kind, key, depth) => readEverywhere(studyWith(key, sectionWith(name, kind, depth))),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('through the service', () => {
  let root: string;
  let ws: string;
  let service: CasebookService;
  let existing: Study;
  beforeAll(async () => {
    root = await makeTempDir();
    ws = path.join(root, 'workspace');
    service = await openWorkspace(ws);
    existing = await service.createStudy({ title: 'Existing' });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a save holding one is refused (invalid_input naming the section and the type); nothing changes', async () => {
    for (const name of PROTOTYPE_NAMES) {
      for (const kind of ['node', 'mark'] as const) {
        const key = sectionKeys[(name.length + (kind === 'mark' ? 1 : 0)) % sectionKeys.length]!;
        const answer = await dispatch(service, 'updateStudy', {
          id: existing.id,
          patch: { [key]: sectionWith(name, kind, 2) },
        });
        expect(answer.ok, `${kind} ${name}`).toBe(false);
        if (answer.ok) continue;
        expect(answer.error.code).toBe('invalid_input');
        expect(answer.error.message).toContain(`the ${sectionLabels[key]} section`);
        expect(answer.error.message).toContain(`"${name}"`);
      }
    }
    expect((await service.getStudy({ id: existing.id })).updatedAt).toBe(existing.updatedAt);
  });

  it('a workspace template holding one cannot create a study', async () => {
    await mkdir(path.join(ws, 'templates'), { recursive: true });
    const doc = sectionWith('constructor', 'node', 1);
    await writeFile(
      path.join(ws, 'templates', 'proto.json'),
      JSON.stringify({ name: 'Proto', sections: { decisions: doc } }),
    );
    const answer = await dispatch(service, 'createStudy', { title: 'From template', template: 'proto' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input');
      expect(answer.error.message).toMatch(/the Decisions section holds .*"constructor"/);
    }
  });

  it('a study file already holding them still opens, previews, checks, searches and exports', async () => {
    const study: Study = { ...sampleStudy(7), status: 'published', summary: 'On disk' };
    for (const [i, key] of sectionKeys.entries()) {
      const name = PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length]!;
      study[key] = sectionWith(name === '__proto__' ? name : '__proto__', i % 2 ? 'mark' : 'node', i);
    }
    study.problem = sectionWith('valueOf', 'node', 0);
    await writeFile(path.join(ws, 'studies', `${study.id}.json`), JSON.stringify(study));
    const reopened = await openWorkspace(ws);
    const calls: Array<[string, unknown]> = [
      ['getStudy', { id: study.id }],
      ['previewStudy', { id: study.id }],
      ['checkStudy', { id: study.id }],
      ['searchLibrary', { query: MARKER }],
      ['exportWorkspace', { format: 'site', outDir: path.join(root, 'out-site'), drafts: true, allowErrors: true }],
      ['exportWorkspace', { format: 'markdown', outDir: path.join(root, 'out-md'), drafts: true, allowErrors: true }],
    ];
    for (const [name, input] of calls) {
      const answer = await dispatch(reopened, name, input);
      expect(answer.ok, `${name}: ${answer.ok ? '' : answer.error.message}`).toBe(true);
    }
    expect((await reopened.getWorkspaceInfo({})).quarantined).toEqual([]);
  });
});
