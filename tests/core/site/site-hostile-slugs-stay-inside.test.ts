// Whatever slugs, titles and category names hold, an exported site writes nothing outside
// the chosen folder: 1,000 generated hostile studies are exported into a folder inside a
// fresh parent, and the parent is walked to prove nothing appeared beside the folder.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeOutput } from '../../../src/core/node/export/output-writer';
import { siteExport } from '../../../src/core/node/export/site-export';
import { withTempDir } from '../../helpers/temp-dir';
import { makeStudy, sampleSite } from '../../site/sample-site';
import { isStudyPage } from '../../site/site-files';

const nasty = fc.oneof(
  fc.constantFrom(
    '..',
    '../..',
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows',
    '..\\..\\x',
    'a/../../b',
    '.',
    '',
    ' ',
    '%2e%2e%2f',
    'assets',
    'category',
    'feed',
    'index',
    'con',
    'NUL',
    'a\u0000b',
    '~',
    '.casebook-export.json',
    'index.html',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(fc.constantFrom('..', '/', '\\', '.', 'a', ':', '\u0000', '%', '~'), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out.push(full);
    if (entry.isDirectory()) out.push(...(await walk(full)));
  }
  return out;
}

describe('hostile slugs', () => {
  it('1,000 generated hostile slugs, titles and categories write only inside the output folder', async () => {
    const inputs = fc.sample(fc.record({ slug: nasty, title: nasty, category: nasty }), {
      numRuns: 1000,
      seed: 20261125,
    });
    const studies = inputs.map((input, i) =>
      makeStudy({ id: `s${i}`, slug: input.slug, title: input.title, categories: [input.category.trim() || 'x'] }),
    );
    await withTempDir(async (parent) => {
      const out = path.join(parent, 'site');
      const { files } = siteExport({
        site: sampleSite({ categories: inputs.slice(0, 20).map((x, i) => `${x.category} ${i}`) }),
        studies,
        readAsset: () => null,
        drafts: true,
      });
      expect(files.filter((f) => isStudyPage(f.path))).toHaveLength(1000);
      const result = await writeOutput(out, files, { format: 'site', durable: false });
      expect(result.written).toBe(files.length);
      const everything = await walk(parent);
      const outside = everything.filter((p) => p !== out && !p.startsWith(out + path.sep));
      expect(outside).toEqual([]);
      // and every file the export listed is where it said, under the folder
      expect(everything.filter((p) => !p.endsWith('.casebook-export.json')).length).toBeGreaterThanOrEqual(
        files.length,
      );
    });
  });
});
