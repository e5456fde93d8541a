// Reading the `---` front matter of an imported Markdown file: where it starts and ends, which
// line each key is on, the line and column a YAML mistake is reported at, and how each field's
// value is taken (or refused, naming the key).
import { describe, expect, it } from 'vitest';
import {
  fieldsFromFrontMatter,
  FrontMatterFieldError,
  readFrontMatter,
} from '../../../src/core/pure/markdown/front-matter';

const read = (text: string) => {
  const result = readFrontMatter(text);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.value;
};

describe('front matter of an imported file', () => {
  it('splits the YAML off the body, with the line of each key and of the body', () => {
    expect(read('---\ntitle: "T"\nstatus: draft\n---\n\nBody')).toEqual({
      data: { title: 'T', status: 'draft' },
      lines: { title: 2, status: 3 },
      body: '\nBody',
      bodyLine: 5,
    });
    expect(read('---\n---\nBody')).toEqual({ data: {}, lines: {}, body: 'Body', bodyLine: 3 });
  });

  it('closes at a line of "---" (trailing spaces allowed) or "...", not at "---" inside a value', () => {
    expect(read('---\nnote: a---\ntitle: "T"\n--- \nBody')).toMatchObject({
      data: { note: 'a---', title: 'T' },
      body: 'Body',
      bodyLine: 5,
    });
    expect(read('---\ntitle: "T"\n...\nBody')).toMatchObject({ data: { title: 'T' }, body: 'Body', bodyLine: 4 });
  });

  it('is only front matter when the file opens with a "---" line', () => {
    for (const text of ['---yaml\ntitle: "T"\n---\nBody', 'intro ---\ntitle: x\n---\n', '# Title\n---\n'])
      expect(read(text)).toEqual({ data: {}, lines: {}, body: text, bodyLine: 1 });
    expect(read('---  \ntitle: "T"\n---\n').data).toEqual({ title: 'T' });
  });

  it('refuses front matter that is never closed, at its first line', () => {
    expect(readFrontMatter('---\ntitle: "T"\n')).toEqual({
      ok: false,
      line: 1,
      reason: 'The front matter starting here is never closed with "---".',
    });
  });

  it('reports a YAML mistake at its line and column in the file, in one sentence', () => {
    expect(readFrontMatter('---\ntitle: "T"\ntitle: "U"\n---\n')).toEqual({
      ok: false,
      line: 3,
      column: 1,
      reason: 'Front matter is not valid YAML: Map keys must be unique.',
    });
    // Found only at the end of the YAML: reported at the end of its last line.
    expect(readFrontMatter('---\ntitle: "T"\nbad: "open\n---\n')).toEqual({
      ok: false,
      line: 3,
      column: 11,
      reason: 'Front matter is not valid YAML: Missing closing "quote.',
    });
  });

  it('refuses YAML that is not "key: value" lines, and aliases repeated past the limit', () => {
    expect(readFrontMatter('---\n- a\n- b\n---\n')).toEqual({
      ok: false,
      line: 2,
      reason: 'Front matter must be a list of "key: value" lines.',
    });
    const laughs =
      '---\na: &a [1,2]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n';
    expect(readFrontMatter(laughs)).toEqual({
      ok: false,
      line: 3,
      column: 5,
      reason: 'Front matter repeats YAML aliases (*name) more than 100 times over; write the values out instead.',
    });
  });
});

describe('study fields from front matter', () => {
  const fields = (data: Record<string, unknown>) => fieldsFromFrontMatter(data, () => undefined);
  const refusal = (data: Record<string, unknown>) => {
    try {
      fields(data);
    } catch (err) {
      expect(err).toBeInstanceOf(FrontMatterFieldError);
      return [(err as FrontMatterFieldError).key, (err as Error).message];
    }
    throw new Error('not refused');
  };

  it('takes numbers and booleans as text, one name as a list, and trims names, dropping blank ones', () => {
    expect(
      fields({ title: 42, tags: ' kafka ', categories: [' a ', '', '  ', 3, true], featured: true }),
    ).toMatchObject({
      title: '42',
      tags: ['kafka'],
      categories: ['a', '3', 'true'],
      featured: true,
    });
    expect(fields({ title: false }).title).toBe('false');
  });

  it('leaves out what the file leaves empty', () => {
    const got = fields({ title: null, featured: null, tags: null, categories: null });
    for (const key of ['title', 'featured', 'tags', 'categories']) expect(got).not.toHaveProperty(key);
  });

  it('refuses a value of the wrong kind, naming the key', () => {
    expect(refusal({ title: ['x'] })).toEqual(['title', '"title" must be text.']);
    expect(refusal({ featured: 'yes' })).toEqual(['featured', '"featured" must be true or false.']);
    expect(refusal({ tags: [{ x: 1 }] })).toEqual(['tags', '"tags" must be a list of names, like ["a", "b"].']);
    expect(refusal({ categories: [null] })).toEqual([
      'categories',
      '"categories" must be a list of names, like ["a", "b"].',
    ]);
  });
});
