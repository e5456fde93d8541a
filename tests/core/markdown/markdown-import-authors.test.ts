// Front matter `authors` names people: an import keeps the names on the study and adds the
// ones the site does not know to its settings (through the service's site store), once each,
// matched without case; a file that is skipped adds no one.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { withTempDir } from '../../helpers/temp-dir';

const study = (title: string, authors: string) =>
  `---\ntitle: "${title}"\nauthors: ${authors}\n---\n## Problem\n\nText.\n`;

describe('Markdown import of authors', () => {
  it('keeps the names on the study and adds unknown ones to the site settings', async () => {
    await withTempDir(async (dir) => {
      const sources = path.join(dir, 'sources');
      await fsp.mkdir(sources);
      await fsp.writeFile(path.join(sources, 'a.md'), study('One', '["Dana Kim", "Lee Ortiz"]'));
      await fsp.writeFile(path.join(sources, 'b.md'), study('Two', '["dana kim", "Sam Reyes"]'));
      await fsp.writeFile(path.join(sources, 'c.md'), study('Bad', '["Nobody"]\ndate: not-a-date'));
      const workspace = await openWorkspace(path.join(dir, 'workspace'));
      await workspace.updateSite({
        patch: { authors: [{ name: 'Lee Ortiz', bio: 'Known already', url: '', avatar: '' }] },
      });
      const report = await workspace.importMarkdown({ paths: [sources] });
      expect(report.imported.map((i) => i.title).sort()).toEqual(['One', 'Two']);
      expect(report.skipped.map((s) => path.basename(s.file))).toEqual(['c.md']);
      const one = await workspace.getStudy({ id: report.imported.find((i) => i.title === 'One')!.id });
      expect(one.authors).toEqual(['Dana Kim', 'Lee Ortiz']);
      const site = await workspace.getSite({});
      expect(site.authors.map((a) => a.name)).toEqual(['Lee Ortiz', 'Dana Kim', 'Sam Reyes']);
      expect(site.authors[0]!.bio).toBe('Known already');
      // Saved in casebook.json: a workspace opened again knows them.
      const again = await openWorkspace(path.join(dir, 'workspace'));
      expect((await again.getSite({})).authors).toHaveLength(3);
    });
  });
});
