// The bytes of one Markdown file as the parsing worker reads them: UTF-8 only, a bad byte named
// by its line (never silently replaced), and anything the reader refuses is a reason, not a throw.
import { describe, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../../src/core/node/markdown/markdown-file-parse';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const BAD = 'The file is not valid UTF-8 text; save it as UTF-8.';

describe('parseMarkdownFile', () => {
  it('reads a UTF-8 file into a study, its title from the file name', () => {
    const parsed = parseMarkdownFile(bytes('## Problem\n\nCafé prices — up.\n'), 'notes/price-rise.md');
    expect(parsed).toMatchObject({ ok: true, study: { title: 'price-rise' } });
  });

  it('names the line of the first byte that is not UTF-8', () => {
    expect(parseMarkdownFile(bytes('---\ntitle: "x"\n---\nok\nbad ', [0xff], ' byte\nok\n'), 'a.md')).toEqual({
      ok: false,
      line: 5,
      reason: BAD,
    });
    expect(parseMarkdownFile(bytes([0xc3]), 'a.md')).toEqual({ ok: false, line: 1, reason: BAD });
    // A bad byte that ends the file, after a last line with no newline; after an empty first line.
    expect(parseMarkdownFile(bytes('one\ntwo ', [0xff]), 'a.md')).toEqual({ ok: false, line: 2, reason: BAD });
    expect(parseMarkdownFile(bytes('\nsecond ', [0xff], '\n'), 'a.md')).toEqual({ ok: false, line: 2, reason: BAD });
    // The last line, with no newline after it; and a sequence cut short by a newline.
    expect(parseMarkdownFile(bytes('one\ntwo\n', [0xe2, 0x82]), 'a.md')).toEqual({ ok: false, line: 3, reason: BAD });
    expect(parseMarkdownFile(bytes('one\n', [0xe2, 0x82], '\nthree\n', [0xff]), 'a.md')).toEqual({
      ok: false,
      line: 2,
      reason: BAD,
    });
  });

  it('gives the line of a bad front matter value, as the parser does', () => {
    expect(parseMarkdownFile(bytes('---\ntitle: "x"\noutcome: great\n---\n'), 'x.md')).toMatchObject({
      ok: false,
      line: 3,
    });
  });
});
