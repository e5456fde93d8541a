// The structural check of a rich-text section, and the copy of it Casebook keeps: every node an
// object with a type of 1 to 64 characters and, besides it, only the keys a node has (attrs,
// content, marks, text), each of its kind; any other key is left out of the copy. Node types
// themselves are checked by the editor's schema when a document is loaded (rich-text/known-types.ts).
//
// One plain walk rather than a recursive zod schema: zod's parse of every node (a lazy schema,
// an object, a record, an array per node) was the largest single cost of reading a study, and
// every open, save, export and library read goes through four sections. The same walk bounds
// the nesting (rich-text-depth.ts): it never goes deeper than the limit, so a document nested
// thousands deep is refused without overflowing the stack.
//
// It keeps zod's rules where they matter for hostile input: attributes must be a plain object,
// an own `__proto__` key is dropped (assigning it would replace the copy's prototype), symbol
// keys are refused, and a type's length is counted in characters (code points). Unlike the old
// depth check before zod, it does not measure what it drops (a key a node does not have, the
// doc's own attributes): nothing of it is kept, however deep. A document with several problems
// is refused for the first one met.
import { nestsDeeperThan } from '../json-depth';
import { MAX_ATTRIBUTE_DEPTH, MAX_RICH_TEXT_DEPTH, richTextDepthProblem } from './rich-text-depth';

export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: RichTextMark[];
  text?: string;
}

export interface RichTextDoc {
  type: 'doc';
  content?: RichTextNode[];
}

export type RichTextPath = Array<string | number>;
export type ShapeResult = { doc: RichTextDoc } | { problem: string; path: RichTextPath };

const MAX_TYPE_CHARS = 64;
const TOO_DEEP = `The text is nested more than ${MAX_RICH_TEXT_DEPTH} levels deep; that is not something the editor writes.`;

class ShapeProblem {
  constructor(
    readonly problem: string,
    readonly path: RichTextPath,
  ) {}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * zod's rule for a record: an object literal, a null-prototype object or a parsed JSON object,
 * from this realm or another (a frame's); not an array, a Date or a Map.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true; // nearly always: decided at once
  const ctor: unknown = value.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const shared: unknown = (ctor as { prototype?: unknown }).prototype;
  return isObject(shared) && Object.prototype.hasOwnProperty.call(shared, 'isPrototypeOf');
}

/** Characters as zod counts a string's length: a surrogate pair is one (a long string only: few are). */
function codePoints(text: string): number {
  if (text.length <= MAX_TYPE_CHARS) return text.length;
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** The document is nested deeper than allowed: the whole of it is measured for the reason. */
class TooDeep {}

/** One walk over a document; `path` is where it is (copied only for a problem: most documents have none). */
class ShapeWalk {
  readonly path: RichTextPath = [];
  /** Nodes above the one being read (the doc's children are at depth 1, as rich-text-depth.ts counts). */
  private depth = 0;

  fail(problem: string, ...more: RichTextPath): never {
    throw new ShapeProblem(problem, [...this.path, ...more]);
  }

  type(value: unknown): string {
    if (typeof value === 'string' && value.length >= 1 && codePoints(value) <= MAX_TYPE_CHARS) return value;
    return this.fail(`a type must be text of 1 to ${MAX_TYPE_CHARS} characters`, 'type');
  }

  attrs(value: unknown): Record<string, unknown> {
    if (!isPlainObject(value)) this.fail('attributes must be an object', 'attrs');
    if (Object.getOwnPropertySymbols(value).length > 0) this.fail('attribute names must be text', 'attrs');
    const copy: Record<string, unknown> = {};
    let nested = false;
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      const item = value[key];
      if (typeof item === 'object' && item !== null) nested = true;
      copy[key] = item;
    }
    // Most attributes are flat (a level, a language): only nested ones are measured.
    if (nested && nestsDeeperThan(copy, MAX_ATTRIBUTE_DEPTH)) throw new TooDeep();
    return copy;
  }

  list<T>(value: unknown, key: string, item: (v: unknown) => T): T[] {
    if (!Array.isArray(value)) this.fail(`${key} must be a list`, key);
    const out = new Array<T>(value.length);
    this.path.push(key, 0);
    for (let i = 0; i < value.length; i++) {
      this.path[this.path.length - 1] = i;
      out[i] = item(value[i]);
    }
    this.path.length -= 2;
    return out;
  }

  readonly mark = (value: unknown): RichTextMark => {
    if (!isObject(value)) this.fail('a mark must be an object with a type');
    const mark: RichTextMark = { type: this.type(value.type) };
    if (value.attrs !== undefined) mark.attrs = this.attrs(value.attrs);
    return mark;
  };

  readonly node = (value: unknown): RichTextNode => {
    if (!isObject(value)) this.fail('a node must be an object with a type');
    if (this.depth === MAX_RICH_TEXT_DEPTH) throw new TooDeep();
    // Not restored when a problem is thrown: the walk ends there.
    this.depth++;
    const node = this.nodeAtDepth(value);
    this.depth--;
    return node;
  };

  private nodeAtDepth(value: Record<string, unknown>): RichTextNode {
    // The keys in the order the files have always been written in.
    const node: RichTextNode = { type: this.type(value.type) };
    if (value.attrs !== undefined) node.attrs = this.attrs(value.attrs);
    if (value.content !== undefined) node.content = this.list(value.content, 'content', this.node);
    if (value.marks !== undefined) node.marks = this.list(value.marks, 'marks', this.mark);
    if (value.text !== undefined) {
      if (typeof value.text !== 'string') this.fail('text must be a string', 'text');
      node.text = value.text;
    }
    return node;
  }
}

/** The section's document as Casebook keeps it, or the first problem with where it is (a path into the doc). */
export function readRichTextShape(value: unknown): ShapeResult {
  const walk: ShapeWalk = new ShapeWalk();
  try {
    if (!isObject(value)) walk.fail('a section must be a document (type "doc")');
    if (value.type !== 'doc') walk.fail('a section must be a document (type "doc")', 'type');
    const doc: RichTextDoc = { type: 'doc' };
    if (value.content !== undefined) doc.content = walk.list(value.content, 'content', walk.node);
    return { doc };
  } catch (err) {
    if (err instanceof ShapeProblem) return { problem: err.problem, path: err.path };
    if (err instanceof TooDeep) return { problem: richTextDepthProblem(value) ?? TOO_DEEP, path: [] };
    throw err;
  }
}
