// How one front matter entry of an exported study is written: lists of records (key results)
// in block style, one line per key, as people write them by hand; everything else on one line,
// strings double-quoted, keys quoted only when YAML needs it. YAML reads each back as written.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  PlainToken,
  yamlEntry,
  type YamlMap,
  type YamlValue,
} from '../../../src/core/pure/markdown/front-matter-codec';

const readBack = (key: string, value: YamlValue): unknown => parse(yamlEntry(key, value)) as unknown;

describe('a front matter entry', () => {
  it('writes a list of records in block style, one line per key', () => {
    const metrics: YamlMap[] = [
      { label: 'p95', before: 900, after: 120, unit: 'ms' },
      { label: 'Cost "x"', before: 1.5, after: 0 },
    ];
    expect(yamlEntry('metrics', metrics)).toBe(
      [
        'metrics:',
        '  - label: "p95"',
        '    before: 900',
        '    after: 120',
        '    unit: "ms"',
        '  - label: "Cost \\"x\\""',
        '    before: 1.5',
        '    after: 0',
      ].join('\n'),
    );
    expect(readBack('metrics', metrics)).toEqual({ metrics });
  });

  it('writes other lists, records and empty ones on one line', () => {
    expect(yamlEntry('metrics', [])).toBe('metrics: []');
    expect(yamlEntry('metrics', [{}])).toBe('metrics: [{}]');
    expect(yamlEntry('mixed', [{ a: 1 }, 'x'])).toBe('mixed: [{a: 1}, "x"]');
    const cover = { src: 'a.png', alt: null, size: { w: 1, h: 2 } };
    expect(yamlEntry('cover', cover)).toBe('cover: {src: "a.png", alt: null, size: {w: 1, h: 2}}');
    expect(readBack('cover', cover)).toEqual({ cover });
  });

  it('quotes a key only when it is not a plain name', () => {
    expect(yamlEntry('odd key', 'v')).toBe('"odd key": "v"');
    const value = { 'has space': [1, 'two'], ok_key: true, '9lives': 1, 'a-b': 2, 'x:': 3 };
    expect(yamlEntry('x', value)).toBe('x: {"has space": [1, "two"], ok_key: true, "9lives": 1, "a-b": 2, "x:": 3}');
    expect(readBack('x', value)).toEqual({ x: value });
  });

  it('keeps any title on one quoted line, and writes plain tokens unquoted', () => {
    const title = 'Line\nbreak "quoted" --- ';
    expect(yamlEntry('title', title)).toBe('title: "Line\\nbreak \\"quoted\\" --- "');
    expect(readBack('title', title)).toEqual({ title });
    expect(yamlEntry('date', new PlainToken('2025-05-01'))).toBe('date: 2025-05-01');
    expect(yamlEntry('tags', [new PlainToken('a'), 'b'])).toBe('tags: [a, "b"]');
    expect(yamlEntry('tags', [new PlainToken('a')])).toBe('tags: [a]');
  });
});
