// How deeply rich text may nest. A section nested 1,001 levels deep was once saved, and after a
// restart every method answered 500 "Maximum call stack size exceeded". Now a section nests
// at most MAX_RICH_TEXT_DEPTH levels: a deeper one is refused on save with the section named,
// a deeper file on disk is set aside (quarantined) with the depth in the reason while the rest
// of the workspace opens, and deeper Markdown is skipped on import with its line.
//   CASEBOOK_DEPTH_RUNS=2000 npx vitest run tests/core/rich-text/rich-text-depth.test.ts
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../../src/core/node/casebook-service';
import { checkStudy } from '../../../src/core/pure/checks/publish-checks';
import { StudyNames } from '../../../src/core/pure/checks/study-names';
import { contract } from '../../../src/core/pure/contract';
import { dispatch } from '../../../src/core/pure/dispatch';
import { siteExport } from '../../../src/core/node/export/site-export';
import { studyPreviewHtml } from '../../../src/core/node/export/study-preview';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { studyToMarkdown } from '../../../src/core/node/markdown/markdown-export';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { canonicalDoc } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { readingMinutes } from '../../../src/core/pure/reading-time';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { MAX_RICH_TEXT_DEPTH } from '../../../src/core/pure/schemas/rich-text-depth';
import { studySchema, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';
import { makeTempDir } from '../../helpers/temp-dir';
import { readSampleAsset, sampleSite } from '../../site/sample-site';

const RUNS = Number(process.env.CASEBOOK_DEPTH_RUNS ?? 100);
const TOO_DEEP = /nested \d+ levels deep .*the limit is 100\./;

type Wrapper = 'blockquote' | 'callout' | 'bulletList' | 'orderedList' | 'taskList';

/** Wraps a block in containers, innermost first, as the editor's schema allows; returns the doc and its depth. */
function nestedDoc(wrappers: Wrapper[]): { doc: RichTextDoc; depth: number } {
  let block: RichTextNode = { type: 'paragraph', content: [{ type: 'text', text: 'deepest words' }] };
  let depth = 2; // paragraph and text
  const para = (): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text: 'item' }] });
  for (const wrapper of wrappers) {
    if (wrapper === 'blockquote' || wrapper === 'callout') {
      block = { type: wrapper, content: [block] };
      depth += 1;
    } else {
      const item = wrapper === 'taskList' ? 'taskItem' : 'listItem';
      block = { type: wrapper, content: [{ type: item, content: [para(), block] }] };
      depth += 2;
    }
  }
  return { doc: { type: 'doc', content: [block] }, depth };
}

const quotes = (n: number) => nestedDoc(Array<Wrapper>(n).fill('blockquote'));

/** Everything that reads a section: renderers, exports, checks, counts, search and the editor's schema. */
function readEverywhere(study: Study): void {
  const site = sampleSite();
  const page = siteExport({ site, studies: [study], readAsset: readSampleAsset, drafts: true }).files;
  expect(page.some((f) => String(f.contents).includes('deepest words'))).toBe(true);
  expect(studyPreviewHtml({ site, study, readAsset: readSampleAsset })).toContain('deepest words');
  const { markdown } = studyToMarkdown(study, { readAsset: readSampleAsset, warn: () => {} });
  const back = parseMarkdownStudy(markdown, 'back.md');
  expect(back.ok, back.ok ? '' : back.reason).toBe(true);
  checkStudy(study, { site, names: StudyNames.of([study]) });
  expect(readingMinutes(study)).toBeGreaterThanOrEqual(1);
  canonicalDoc(study.problem); // ProseMirror reads it as the editor would
  const index = new SearchIndex();
  index.upsert(study);
  expect(index.match('deepest').length).toBe(1);
}

describe('rich-text depth limit', () => {
  it('refuses a section 1,001 blockquotes deep in the schema, before zod recurses', () => {
    const result = studySchema.safeParse(sampleStudy(1, { problem: quotes(1001).doc }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['problem']);
    expect(result.error!.issues[0]!.message).toBe(
      'The text is nested 1003 levels deep (quotes or lists inside one another); the limit is 100.',
    );
    // 100,000 deep: still a clean refusal, not a RangeError.
    expect(studySchema.safeParse(sampleStudy(1, { lessons: quotes(100_000).doc })).success).toBe(false);
  });

  it('accepts exactly the limit', () => {
    const { doc, depth } = quotes(MAX_RICH_TEXT_DEPTH - 2);
    expect(depth).toBe(MAX_RICH_TEXT_DEPTH);
    expect(studySchema.safeParse(sampleStudy(1, { problem: doc })).success).toBe(true);
    expect(studySchema.safeParse(sampleStudy(1, { problem: quotes(MAX_RICH_TEXT_DEPTH - 1).doc })).success).toBe(false);
  });

  it('refuses attributes nested absurdly deep (JSON.stringify would overflow on them)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 50_000; i++) value = [value];
    const doc: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph', attrs: { x: value } }] };
    const result = studySchema.safeParse(sampleStudy(1, { decisions: doc }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/attributes are nested more than 10 levels deep/);
  });

  it('any depth from 0 to 2,000 is either accepted and readable everywhere, or refused clearly (property)', () => {
    const wrapper = fc.constantFrom<Wrapper>('blockquote', 'callout', 'bulletList', 'orderedList', 'taskList');
    fc.assert(
      fc.property(
        // Half the runs near the limit (where acceptance turns to refusal), half anywhere up to 2,000.
        fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2000 })),
        wrapper,
        wrapper,
        (n, a, b) => {
          const { doc, depth } = nestedDoc(Array.from({ length: n }, (_, i) => (i % 3 ? a : b)));
          const patch = contract.updateStudy.input.safeParse({ id: 'study-1', patch: { problem: doc } });
          const read = studySchema.safeParse(sampleStudy(1, { problem: doc }));
          expect(patch.success).toBe(read.success);
          if (depth <= MAX_RICH_TEXT_DEPTH) {
            expect(read.success).toBe(true);
            readEverywhere(read.data!);
          } else {
            expect(read.success).toBe(false);
            expect(read.error!.issues[0]!.message).toMatch(TOO_DEEP);
            expect(patch.error!.issues[0]!.path).toEqual(['patch', 'problem']);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('in a workspace', () => {
  let root: string;
  let ws: string;
  let service: CasebookService;
  beforeAll(async () => {
    root = await makeTempDir();
    ws = path.join(root, 'workspace');
    service = await openWorkspace(ws);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a save 1,001 levels deep is refused naming the section; after a restart everything answers', async () => {
    const study = await service.createStudy({ title: 'Kept' });
    const answer = await dispatch(service, 'updateStudy', {
      id: study.id,
      patch: { tradeoffs: quotes(1001).doc },
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input');
      // Past the contract's JSON depth (dispatch refuses it before any schema recurses).
      expect(answer.error.message).toContain('patch.tradeoffs is nested more than 512 levels deep');
    }
    const bullets = nestedDoc(Array<Wrapper>(500).fill('bulletList')).doc;
    const lists = await dispatch(service, 'updateStudy', { id: study.id, patch: { lessons: bullets } });
    expect(lists.ok).toBe(false);
    const reopened = await openWorkspace(ws);
    for (const name of ['listStudies', 'getWorkspaceInfo', 'checkWorkspace']) {
      const result = await dispatch(reopened, name, {});
      expect(result.ok, name).toBe(true);
    }
    expect((await reopened.getStudy({ id: study.id })).updatedAt).toBe(study.updatedAt);
  });

  it('a 34 KB study file nested 800+ deep is set aside with the depth in the reason; the rest lists', async () => {
    const deep = sampleStudy(99, { problem: quotes(1000).doc });
    const file = path.join(ws, 'studies', `${deep.id}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(deep));
    expect((await stat(file)).size).toBeGreaterThan(34_000);
    const reopened = await openWorkspace(ws);
    const listed = await dispatch(reopened, 'listStudies', {});
    expect(listed.ok).toBe(true);
    if (listed.ok) expect((listed.value as Study[]).map((s) => s.title)).toEqual(['Kept']);
    const info = await reopened.getWorkspaceInfo({});
    const quarantined = info.quarantined.find((q) => q.file.includes(deep.id));
    expect(quarantined?.reason).toMatch(/nested 1002 levels deep .*the limit is 100/);
    expect(await readdir(path.join(ws, 'studies'))).not.toContain(`${deep.id}.json`);
  });

  it('Markdown deeper than the limit is skipped with its line; the other files are imported', async () => {
    const dir = path.join(root, 'import');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'a-deep.md'), `# Deep\n\nIntro.\n\n${'>'.repeat(1000)} deep\n`);
    await writeFile(path.join(dir, 'b-fine.md'), '# Fine\n\n> > quoted twice\n');
    const report = await service.importMarkdown({ paths: [dir] });
    expect(report.imported.map((i) => path.basename(i.file))).toEqual(['b-fine.md']);
    expect(report.skipped).toEqual([
      {
        file: path.join(dir, 'a-deep.md'),
        line: 5,
        reason: expect.stringMatching(/nested more than 116 levels deep; a section may nest 100 at most/),
      },
    ]);
    // Just over the limit in the editor's terms: refused by the schema, naming the section.
    const over = parseMarkdownStudy(`# Over\n\n${'>'.repeat(MAX_RICH_TEXT_DEPTH - 1)} deep\n`, 'over.md');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.reason).toMatch(/^problem: The text is nested 101 levels deep/);
  });
});
