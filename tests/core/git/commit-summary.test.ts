// The default message of a sync's commit names what changed as the author knows it.
import { describe, expect, it } from 'vitest';
import { commitSummary } from '../../../src/core/pure/git/commit-summary';

describe('commitSummary', () => {
  it('names studies by title, with what happened to each', () => {
    expect(
      commitSummary([
        { path: 'studies/a.json', kind: 'edit', title: 'Title A' },
        { path: 'studies/b.json', kind: 'add', title: 'Title B' },
        { path: 'studies/c.json', kind: 'delete', title: 'Old one' },
      ]),
    ).toBe("Edit 'Title A', add 'Title B', delete 'Old one'");
  });

  it('names site settings, templates, images and other files, and counts beyond five studies', () => {
    const studies = Array.from({ length: 8 }, (_, i) => ({
      path: `studies/s${i}.json`,
      kind: 'edit' as const,
      title: `S${i}`,
    }));
    const text = commitSummary([
      ...studies,
      { path: 'casebook.json', kind: 'edit', title: null },
      { path: 'templates/postmortem.json', kind: 'add', title: null },
      { path: 'assets/x.png', kind: 'add', title: null },
      { path: 'notes.md', kind: 'add', title: null },
    ]);
    expect(text).toBe(
      "Edit 'S0', edit 'S1', edit 'S2', edit 'S3', edit 'S4', 3 more studies, edit the site settings, add the template 'postmortem', update 1 image, update 1 other file",
    );
  });

  it('flattens line breaks and control characters so a title cannot forge message lines', () => {
    const text = commitSummary([
      { path: 'studies/x.json', kind: 'add', title: 'Evil\n\nSigned-off-by: someone\u0007' },
    ]);
    expect(text).toBe("Add 'Evil Signed-off-by: someone'");
    expect(commitSummary([{ path: 'studies/y.json', kind: 'edit', title: '  ' }])).toBe("Edit 'Untitled'");
    expect(commitSummary([{ path: 'studies/y.json', kind: 'edit', title: 'Cache \t  warm-up' }])).toBe(
      "Edit 'Cache warm-up'",
    );
  });

  it('cuts a title longer than 60 characters, and keeps one of 60 whole', () => {
    const sixty = 'x'.repeat(60);
    expect(commitSummary([{ path: 'studies/a.json', kind: 'edit', title: sixty }])).toBe(`Edit '${sixty}'`);
    expect(commitSummary([{ path: 'studies/a.json', kind: 'edit', title: `${sixty}y` }])).toBe(
      `Edit '${'x'.repeat(59)}…'`,
    );
  });

  it('names six studies rather than "1 more", and counts from seven', () => {
    const edits = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ path: `studies/s${i}.json`, kind: 'edit' as const, title: `S${i}` }));
    expect(commitSummary(edits(6))).toBe("Edit 'S0', edit 'S1', edit 'S2', edit 'S3', edit 'S4', edit 'S5'");
    expect(commitSummary(edits(7))).toBe("Edit 'S0', edit 'S1', edit 'S2', edit 'S3', edit 'S4', 2 more studies");
  });

  it('counts images and other files in plural, and says something for nothing named', () => {
    const files = (paths: string[]) => paths.map((path) => ({ path, kind: 'add' as const, title: null }));
    expect(commitSummary(files(['assets/a.png', 'assets/b.png', 'notes.md', 'old/templates/x.json']))).toBe(
      'Update 2 images, update 2 other files',
    );
    expect(commitSummary(files(['templates/nested/x.json', 'templates/x.json.bak']))).toBe('Update 2 other files');
    expect(commitSummary([])).toBe('Update the workspace');
  });
});
