// Which files an import reads from the paths the user named: Markdown files only, walked in name
// order, hidden entries, node_modules, .git and Hugo's _index.md left out; a symbolic link
// followed only while its real target stays inside the named folder; each real file read once.
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMarkdownSources, isInside } from '../../../src/core/node/markdown/import-sources';
import type { MarkdownImportProblem } from '../../../src/core/node/markdown/markdown-import';
import { withTempDir } from '../../helpers/temp-dir';

async function files(root: string, tree: Record<string, string>) {
  for (const [rel, text] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
}

async function find(paths: string[]) {
  const skipped: MarkdownImportProblem[] = [];
  const warnings: string[] = [];
  const found = await findMarkdownSources(
    paths,
    (p) => skipped.push(p),
    (m) => warnings.push(m),
  );
  return { found, skipped, warnings };
}

describe('isInside', () => {
  it('holds for the folder itself and what lies in it, never for a sibling or a parent', () => {
    expect(isInside('/w/in', '/w/in')).toBe(true);
    expect(isInside('/w/in', '/w/in/a/b.md')).toBe(true);
    // A name that only starts with two dots is inside.
    expect(isInside('/w/in', '/w/in/..notes.md')).toBe(true);
    expect(isInside('/w/in', '/w')).toBe(false);
    expect(isInside('/w/in', '/w/in-other/a.md')).toBe(false);
    expect(isInside('/w/in', '/w/other/a.md')).toBe(false);
  });
});

describe('findMarkdownSources', () => {
  it('walks a folder in name order, Markdown files only, leaving out hidden, tool and section files', async () => {
    await withTempDir(async (dir) => {
      const input = path.join(dir, 'input');
      await files(input, {
        'b.md': '',
        'a.markdown': '',
        'C.MD': '',
        'notes.txt': '',
        '_index.md': '',
        'posts/_INDEX.markdown': '',
        'posts/z.md': '',
        'posts/deeper/y.md': '',
        '.drafts/hidden.md': '',
        '.hidden.md': '',
        'node_modules/pkg/readme.md': '',
        '.git/description.md': '',
        'readme.md.bak': '',
        'my_index.md': '',
      });
      const { found, skipped, warnings } = await find([input]);
      const real = await realpath(input);
      expect(found.map((s) => path.relative(input, s.file))).toEqual([
        'a.markdown',
        'b.md',
        'C.MD',
        'my_index.md',
        path.join('posts', 'deeper', 'y.md'),
        path.join('posts', 'z.md'),
      ]);
      expect(found.every((s) => s.root === real && s.real === path.join(real, path.relative(input, s.file)))).toBe(
        true,
      );
      expect(skipped).toEqual([]);
      expect(warnings).toEqual([]);
    });
  });

  it('follows links that stay inside, once per real file or folder, and never a link out', async () => {
    await withTempDir(async (dir) => {
      const input = path.join(dir, 'input');
      const outside = path.join(dir, 'outside');
      await files(input, { 'post/index.md': '', 'shared/page.md': '' });
      await files(outside, { 'secret.md': '', 'notes/n.md': '', 'plain.txt': '' });
      await symlink(path.join(input, 'post', 'index.md'), path.join(input, 'again.md'));
      await symlink(path.join(input, 'shared'), path.join(input, 'linked-shared'));
      await symlink(path.join(input, 'shared'), path.join(input, 'shared', 'loop'));
      await symlink(path.join(outside, 'secret.md'), path.join(input, 'out.md'));
      await symlink(path.join(outside, 'notes'), path.join(input, 'out-folder'));
      await symlink(path.join(outside, 'plain.txt'), path.join(input, 'out.txt'));
      await symlink(path.join(dir, 'missing.md'), path.join(input, 'dangling.md'));
      await symlink(path.join(dir, 'missing'), path.join(input, 'dangling-folder'));

      const { found, skipped, warnings } = await find([input]);
      expect(found.map((s) => path.relative(input, s.file))).toEqual([
        'again.md',
        path.join('linked-shared', 'page.md'),
      ]);
      expect(found.map((s) => path.basename(path.dirname(s.real)))).toEqual(['post', 'shared']);
      expect(skipped.map((s) => [path.relative(input, s.file), s.line, s.reason])).toEqual([
        ['dangling.md', 1, 'It is a symbolic link to a file that does not exist.'],
        ['out.md', 1, expect.stringMatching(/^It is a symbolic link to a file outside the folder you imported \(/)],
      ]);
      expect(warnings).toEqual([
        expect.stringMatching(/out-folder: It is a symbolic link to a folder outside the folder you imported/),
        expect.stringMatching(/post[/\\]index\.md: the same file as another one imported; read once\.$/),
      ]);
    });
  });

  it('takes a named file, refuses one that is not Markdown, missing, or a link out of its folder', async () => {
    await withTempDir(async (dir) => {
      await files(dir, { 'in/page.md': '', 'in/photo.png': '', 'elsewhere/far.md': '' });
      await symlink(path.join(dir, 'elsewhere', 'far.md'), path.join(dir, 'in', 'near.md'));
      const named = (name: string) => path.join(dir, 'in', name);
      const { found, skipped } = await find([
        named('page.md'),
        named('photo.png'),
        named('gone.md'),
        named('near.md'),
        named('page.md'),
      ]);
      expect(found.map((s) => s.file)).toEqual([named('page.md')]);
      expect(found[0]!.root).toBe(path.dirname(found[0]!.real));
      expect(skipped).toEqual([
        { file: named('photo.png'), line: 1, reason: 'Not a Markdown file (.md or .markdown).' },
        { file: named('gone.md'), line: 1, reason: expect.stringMatching(/^Cannot be read: ENOENT/) },
        {
          file: named('near.md'),
          line: 1,
          reason: expect.stringMatching(/^It is a symbolic link to a file outside its folder \(.*far\.md\)/),
        },
      ]);
    });
  });

  it('keeps a named folder’s own name in what it shows, whatever its real path', async () => {
    await withTempDir(async (dir) => {
      await files(dir, { 'real-site/post.md': '' });
      await symlink(path.join(dir, 'real-site'), path.join(dir, 'site'));
      const { found } = await find([path.join(dir, 'site')]);
      expect(found.map((s) => s.file)).toEqual([path.join(dir, 'site', 'post.md')]);
      expect(path.basename(found[0]!.root)).toBe('real-site');
    });
  });
});
