// The shape of a rich-text section, checked by one plain walk (rich-text-shape.ts) instead of the
// recursive zod schema it replaced for speed. The zod schema is kept here as the oracle: for any
// value, well-formed or hostile, the walk accepts what zod accepted and keeps exactly what zod
// kept (the same keys, in the same order, so files are written byte for byte alike). One
// difference is meant: nesting inside a key that is dropped (junk keys, the doc's attributes)
// is not measured, as nothing of it is kept; the generated values nest too little to reach it.
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '../../../src/core/pure/errors';
import { richTextDocSchema } from '../../../src/core/pure/schemas/rich-text';
import { richTextDepthProblem } from '../../../src/core/pure/schemas/rich-text-depth';
import { readRichTextShape } from '../../../src/core/pure/schemas/rich-text-shape';
import { studySchema } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const RUNS = Number(process.env.CASEBOOK_SHAPE_RUNS ?? 300);

// The schema as it was, with its depth check first.
const zodMark = z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() });
const zodNode: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(zodNode).optional(),
    marks: z.array(zodMark).optional(),
    text: z.string().optional(),
  }),
);
const zodDoc = z
  .custom<unknown>()
  .check((ctx) => {
    const problem = richTextDepthProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .pipe(z.object({ type: z.literal('doc'), content: z.array(zodNode).optional() }));

const json = fc.jsonValue({ maxDepth: 3 });
// Mostly well-formed pieces, so that many documents pass and what is kept is compared too.
const typeName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('paragraph', 'text', 'heading', 'decisionRecord') },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  // Characters outside the BMP: two UTF-16 units each, one character of a type's 64.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 30, maxLength: 70 }) },
  { weight: 1, arbitrary: json },
);
const attrs = fc.oneof(
  { weight: 12, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 4 }) },
  { weight: 1, arbitrary: json },
);
const mark = fc.oneof(
  { weight: 12, arbitrary: fc.record({ type: typeName, attrs, junk: json }, { requiredKeys: ['type'] }) },
  { weight: 1, arbitrary: json },
);
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 1, arbitrary: json },
    {
      weight: 12,
      arbitrary: fc.record(
        {
          type: typeName,
          attrs,
          content: fc.oneof(
            { weight: 12, arbitrary: fc.array(tie('node'), { maxLength: 4 }) },
            { weight: 1, arbitrary: json },
          ),
          marks: fc.oneof({ weight: 12, arbitrary: fc.array(mark, { maxLength: 3 }) }, { weight: 1, arbitrary: json }),
          text: fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: json }),
          extra: json,
        },
        { requiredKeys: ['type'] },
      ),
    },
  ),
}));
const doc = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('doc'), content: fc.array(node, { maxLength: 4 }), attrs }) },
  { weight: 1, arbitrary: fc.record({ type: typeName, content: fc.array(node, { maxLength: 2 }) }) },
  { weight: 1, arbitrary: json },
);

describe('the shape of a rich-text section', () => {
  it('accepts what the zod schema accepted, and keeps exactly what it kept', () => {
    fc.assert(
      fc.property(doc, (value) => {
        const before = zodDoc.safeParse(value);
        const now = richTextDocSchema.safeParse(value);
        expect(now.success).toBe(before.success);
        if (before.success && now.success) {
          expect(now.data).toStrictEqual(before.data);
          expect(JSON.stringify(now.data)).toBe(JSON.stringify(before.data));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('drops an own __proto__ key from attributes without changing the copy’s prototype', () => {
    const value = JSON.parse(
      '{"type":"doc","content":[{"type":"heading","attrs":{"level":2,"__proto__":{"polluted":true}},"content":[{"type":"text","text":"Hi","marks":[{"type":"link","attrs":{"__proto__":{"href":"javascript:x"}}}]}]}]}',
    ) as unknown;
    const read = readRichTextShape(value);
    if (!('doc' in read)) throw new Error(read.problem);
    const heading = read.doc.content![0]!;
    expect(heading.attrs).toStrictEqual({ level: 2 });
    expect(Object.getPrototypeOf(heading.attrs)).toBe(Object.prototype);
    expect((heading.attrs as { polluted?: unknown }).polluted).toBeUndefined();
    const link = heading.content![0]!.marks![0]!;
    expect(link.attrs).toStrictEqual({});
    expect((link.attrs as { href?: unknown }).href).toBeUndefined();
  });

  it('refuses attributes that are not a plain object (an array, a Date, a Map) and names where', () => {
    for (const bad of [[1, 2], new Date(0), new Map([['level', 2]])]) {
      const read = readRichTextShape({
        type: 'doc',
        content: [{ type: 'paragraph' }, { type: 'heading', attrs: bad }],
      });
      expect(read).toStrictEqual({ problem: 'attributes must be an object', path: ['content', 1, 'attrs'] });
    }
    // An object made in another realm (a frame) is a plain object there, as zod judged it.
    const foreign = runInNewContext('({ level: 3 })') as Record<string, unknown>;
    expect(readRichTextShape({ type: 'doc', content: [{ type: 'heading', attrs: foreign }] })).toStrictEqual({
      doc: { type: 'doc', content: [{ type: 'heading', attrs: { level: 3 } }] },
    });
    const symbolKey = { [Symbol('x')]: 1 };
    expect(readRichTextShape({ type: 'doc', content: [{ type: 'p', attrs: symbolKey }] })).toMatchObject({
      problem: 'attribute names must be text',
    });
  });

  it('names the section and the node of a problem in the study’s error, as the file’s reason', () => {
    const study = sampleStudy(1, { title: 'Shapes' }) as unknown as Record<string, unknown>;
    const bad = {
      ...study,
      lessons: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 7 }] }] },
    };
    const parsed = studySchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(describeZodError(parsed.error)).toBe('lessons.content.0.content.0.text: text must be a string');
    const typeless = { ...study, problem: { type: 'doc', content: [{ type: 'x'.repeat(65) }] } };
    const again = studySchema.safeParse(typeless);
    expect(again.success || describeZodError(again.error)).toBe(
      'problem.content.0.type: a type must be text of 1 to 64 characters',
    );
  });

  it('refuses a document nested past the limit with its real depth, without overflowing the stack', () => {
    let deep: unknown = { type: 'text', text: 'deepest' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    const read = readRichTextShape({ type: 'doc', content: [deep] });
    expect(read).toStrictEqual({
      problem: 'The text is nested 100001 levels deep (quotes or lists inside one another); the limit is 100.',
      path: [],
    });
    let atLimit: unknown = { type: 'text', text: 'deepest' };
    for (let i = 1; i < 100; i++) atLimit = { type: 'blockquote', content: [atLimit] };
    expect('doc' in readRichTextShape({ type: 'doc', content: [atLimit] })).toBe(true);
    expect('doc' in readRichTextShape({ type: 'doc', content: [{ type: 'blockquote', content: [atLimit] }] })).toBe(
      false,
    );
  });

  it('refuses attributes nested past their limit, in a node or in a mark', () => {
    let nested: unknown = 1;
    for (let i = 0; i < 10; i++) nested = { a: nested };
    const flatEnough = { type: 'doc', content: [{ type: 'p', attrs: { deep: nested } }] };
    expect('doc' in readRichTextShape(flatEnough)).toBe(false);
    const inMark = {
      type: 'doc',
      content: [{ type: 'text', text: 'x', marks: [{ type: 'm', attrs: { deep: nested } }] }],
    };
    expect(readRichTextShape(inMark)).toMatchObject({
      problem: expect.stringMatching(/attributes are nested more than 10/),
    });
    const nine = (nested as { a: unknown }).a;
    expect('doc' in readRichTextShape({ type: 'doc', content: [{ type: 'p', attrs: { deep: nine } }] })).toBe(true);
  });
});
