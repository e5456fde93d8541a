import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SLUG_LENGTH, slugFollowsTitle, slugFromTitle, uniqueSlug } from '../../../src/core/pure/slug';
import { slugSchema } from '../../../src/core/pure/schemas/study';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatch } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';

describe('slugFromTitle', () => {
  it('turns a title into a readable URL slug', () => {
    expect(slugFromTitle('When Nobody Owns the Cloud Bill')).toBe('when-nobody-owns-the-cloud-bill');
    expect(slugFromTitle('Über Café: 50% cheaper!')).toBe('ueber-cafe-50-cheaper');
  });

  it('never escapes a folder or yields an empty or reserved name', () => {
    expect(slugFromTitle('../../etc/passwd')).toBe('etc-passwd');
    expect(slugFromTitle('🚀🔥')).toBe('untitled');
    expect(slugFromTitle('')).toBe('untitled');
    expect(slugFromTitle('CON')).toBe('con-study');
    expect(slugFromTitle('lpt1')).toBe('lpt1-study');
    expect(slugFromTitle('Assets')).toBe('assets-study');
  });

  it('is URL- and filesystem-safe and bounded for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const slug = slugFromTitle(title);
        expect(slugSchema.safeParse(slug).success).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('uniqueSlug', () => {
  it('adds the first free number', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });

  it('stays within the length limit when numbering a long slug', () => {
    const long = 'x'.repeat(MAX_SLUG_LENGTH);
    const slug = uniqueSlug(long, new Set([long]));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-2')).toBe(true);
  });

  it('knows when a slug still follows its title', () => {
    expect(slugFollowsTitle('cloud-bill-2', 'Cloud bill')).toBe(true);
    expect(slugFollowsTitle('my-custom-url', 'Cloud bill')).toBe(false);
  });
});

describe('Windows device names', () => {
  const deviceNames = ['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9'];

  it('are refused as a slug set by hand and as a study id, over the contract', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Console' });
      for (const name of deviceNames) {
        const slug = await dispatch(service, 'updateStudy', { id: study.id, patch: { slug: name } });
        expect(slug).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        if (!slug.ok) expect(slug.error.message).toMatch(/Windows device name/);
        expect(await dispatch(service, 'getStudy', { id: name })).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        });
      }
      expect((await service.getStudy({ id: study.id })).slug).toBe('console');
      expect(slugSchema.safeParse('console').success).toBe(true);
      expect(slugSchema.safeParse('com10').success).toBe(true);
    });
  });

  it('never come out of a title, nor out of a slug given in imported front matter', async () => {
    for (const name of deviceNames) expect(slugFromTitle(name.toUpperCase())).toBe(`${name}-study`);
    await withTempDir(async (dir) => {
      const service = await openWorkspace(path.join(dir, 'ws'));
      const file = path.join(dir, 'aux.md');
      await writeFile(file, '---\ntitle: Aux\nslug: aux\n---\n## Problem\n\nText.\n');
      const report = await service.importMarkdown({ paths: [file] });
      expect(report.imported).toHaveLength(1);
      const imported = await service.getStudy({ id: report.imported[0]!.id });
      expect(imported.slug).toBe('aux-study');
    });
  });
});
