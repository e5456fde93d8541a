// import(export(workspace)) gives back the same studies: ids, times, metadata and sections.
import path from 'node:path';
import { withoutBlockIds } from '../../../src/core/pure/rich-text/block-ids';
import { sectionKeys } from '../../../src/core/pure/schemas/study';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { withTempDir } from '../../helpers/temp-dir';

const doc = (...content: RichTextNode[]) => ({ type: 'doc' as const, content });
const p = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('workspace round trip through Markdown', () => {
  it('gives back the same studies', async () => {
    await withTempDir(async (dir) => {
      const source = await openWorkspace(path.join(dir, 'a'));
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const { src } = await source.saveAsset({
        fileName: 'd.png',
        mediaType: 'image/png',
        dataBase64: png.toString('base64'),
      });
      const one = await source.createStudy({ title: 'Queue backlog: "the" fix' });
      await source.updateStudy({
        id: one.id,
        patch: {
          summary: 'Consumers fell behind | badly',
          status: 'published',
          outcome: 'mixed',
          date: '2026-02-03',
          categories: ['Failure Analysis'],
          tags: ['kafka', 'ops'],
          featured: true,
          problem: doc(p('Lag grew *fast*.'), {
            type: 'image',
            attrs: { src, alt: 'Lag graph', title: null, width: null, height: null },
          }),
          decisions: doc({
            type: 'codeBlock',
            attrs: { language: 'yaml' },
            content: [{ type: 'text', text: 'replicas: 12' }],
          }),
          tradeoffs: doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p('Cost')] }] }),
          lessons: doc(
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Alerting' }] },
            p('Alert on lag.'),
          ),
        },
      });
      await source.createStudy({ title: 'Draft' });
      const out = path.join(dir, 'md');
      await source.exportWorkspace({ format: 'markdown', outDir: out, drafts: true, allowErrors: true });
      const target = await openWorkspace(path.join(dir, 'b'));
      const report = await target.importMarkdown({ paths: [out] });
      expect(report.skipped).toEqual([]);
      const before = await source.loadAllStudies();
      const after = await target.loadAllStudies();
      // Block ids are not in Markdown: the importing store gives new ones, like a new id would be.
      const byId = (list: typeof before) =>
        [...list]
          .sort((x, y) => x.id.localeCompare(y.id))
          .map((study) => ({
            ...study,
            ...Object.fromEntries(sectionKeys.map((k) => [k, withoutBlockIds(study[k])])),
          }));
      expect(byId(after)).toEqual(byId(before));
    });
  });
});
