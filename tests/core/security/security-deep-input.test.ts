// Input nested thousands of levels deep is refused as bad input (400), over dispatch and
// HTTP alike, and the workspace keeps answering: it once overflowed the stack (500).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { methodNames } from '../../../src/core/pure/contract';
import { dispatch } from '../../../src/core/pure/dispatch';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../../src/core/pure/json-depth';
import { startServer } from '../../../src/server/http-server';
import { withTempDir } from '../../helpers/temp-dir';

/** A section nested `depth` blockquotes deep, as JSON text (JSON.stringify itself would overflow). */
function deepSectionBody(id: string, depth: number): string {
  const open = '{"type":"blockquote","content":['.repeat(depth);
  const close = ']}'.repeat(depth);
  return `{"id":"${id}","patch":{"problem":{"type":"doc","content":[${open}{"type":"paragraph"}${close}]}}}`;
}

describe('deeply nested input', () => {
  it('answers 400 over HTTP for a body nested 20,000 deep, for every method, and keeps serving', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(path.join(dir, 'ws'));
      const study = await service.createStudy({ title: 'Still here' });
      const rendererDir = path.join(dir, 'renderer');
      await mkdir(rendererDir);
      await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casebook</title>');
      const server = await startServer({ handlers: service, rendererDir });
      try {
        const post = (method: string, body: string) =>
          fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
            method: 'POST',
            headers: { 'X-Casebook-Token': server.token, 'Content-Type': 'application/json' },
            body,
          });
        const deepSection = await post('updateStudy', deepSectionBody(study.id, 20_000));
        expect(deepSection.status).toBe(400);
        expect((await deepSection.json()).error.message).toMatch(/nested more than \d+ levels deep/);
        const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);
        for (const method of methodNames) {
          expect((await post(method, `{"id":${deepArray}}`)).status, method).toBe(400);
        }
        const after = await post('getStudy', JSON.stringify({ id: study.id }));
        expect(after.status).toBe(200);
        expect((await after.json()).value.title).toBe('Still here');
      } finally {
        await server.close();
      }
    });
  });

  it('measures depth exactly, without recursion, whatever the shape', () => {
    const nest = (shape: string, depth: number): unknown => {
      let value: unknown = 'leaf';
      for (let i = 0; i < depth; i++) value = shape[i % shape.length] === 'a' ? [value] : { k: value };
      return value;
    };
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ao]{1,4}$/),
        fc.integer({ min: 0, max: 3 * MAX_INPUT_DEPTH }),
        (shape, depth) => {
          const value = { wrap: [1, nest(shape, depth)] };
          expect(nestsDeeperThan(value, MAX_INPUT_DEPTH)).toBe(depth + 2 > MAX_INPUT_DEPTH);
        },
      ),
      { numRuns: 200 },
    );
    expect(nestsDeeperThan(nest('a', 100_000), MAX_INPUT_DEPTH)).toBe(true);
  });

  it('is refused by dispatch before validation, for a method whose schema would recurse', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Deep' });
      const result = await dispatch(service, 'updateStudy', JSON.parse(deepSectionBody(study.id, 5_000)));
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect((await service.getStudy({ id: study.id })).title).toBe('Deep');
    });
  });
});
