import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { contract, methodNames, progressMethods, type CasebookHandlers } from '../../../src/core/pure/contract';
import { dispatch, dispatchingApi } from '../../../src/core/pure/dispatch';
import { CasebookError, hasErrorCode, unwrapResult } from '../../../src/core/pure/errors';
import { withTempDir } from '../../helpers/temp-dir';

describe('dispatch', () => {
  it('refuses bad input with a specific message and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Keep me' });
      const file = path.join(dir, 'studies', `${study.id}.json`);
      const before = await readFile(file, 'utf8');
      const attempts: Array<[string, unknown, RegExp]> = [
        ['updateStudy', { id: study.id, patch: { status: 'maybe' } }, /patch\.status/],
        ['updateStudy', { id: study.id, patch: { date: '2026-02-31' } }, /patch\.date: Date must be a real date/],
        ['updateStudy', { id: study.id, patch: { id: 'other' } }, /Unrecognized key/],
        ['updateStudy', { id: study.id, patch: { problem: { type: 'paragraph' } } }, /patch\.problem/],
        ['getStudy', { id: '../../casebook' }, /id: Study id must be/],
        ['getStudy', { id: study.id, editor: '../tab' }, /editor/],
        ['updateStudy', { id: study.id, patch: {}, editor: 'x'.repeat(65) }, /editor/],
        ['updateSite', { patch: { baseUrl: 'javascript:alert(1)' } }, /Base URL/],
        ['createStudy', 'not an object', /Invalid input for createStudy/],
        ['dropDatabase', {}, /Unknown method/],
      ];
      for (const [method, input, message] of attempts) {
        const result = await dispatch(service, method, input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toMatch(message);
      }
      expect(await readFile(file, 'utf8')).toBe(before);
      expect(await readdir(path.join(dir, 'studies'))).toHaveLength(1);
    });
  });

  it('reports a missing study as not_found', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const result = await dispatch(service, 'getStudy', { id: 'nope' });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});

describe('dispatch and the contract table', () => {
  /** Handlers that record which methods ran and what listener each was given. */
  function recordingTarget(readOnlyReason: string | null) {
    const ran = new Map<string, unknown>();
    const handlers = Object.fromEntries(
      methodNames.map((name) => [
        name,
        async (_input: unknown, onProgress?: (p: unknown) => void) => {
          ran.set(name, onProgress);
          onProgress?.({ done: 1, total: 2 });
          return null;
        },
      ]),
    ) as unknown as CasebookHandlers;
    return { ran, target: { ...handlers, readOnlyReason: () => readOnlyReason } };
  }

  it('refuses every method the contract marks as mutating in a read-only workspace, and runs every other', async () => {
    const { ran, target } = recordingTarget('This workspace was saved by a newer version of Casebook.');
    for (const name of methodNames) {
      const result = await dispatch(target, name, {});
      if (contract[name].mutates) {
        expect(result, name).toEqual({
          ok: false,
          error: { code: 'read_only', message: 'This workspace was saved by a newer version of Casebook.' },
        });
        expect(ran.has(name), `${name} must not run`).toBe(false);
      } else if (!result.ok) {
        // A read-only workspace never refuses a read; {} may simply not be valid input for it.
        expect(result.error.code, name).toBe('invalid_input');
      }
    }
    expect([...ran.keys()]).toContain('listStudies');
    // The table, not the test, says which: a write refused here is one the contract marks.
    expect(ran.has('createStudy') || ran.has('updateSite') || ran.has('importMarkdown')).toBe(false);
    expect(ran.has('getSite')).toBe(true);
    // Export writes outside the workspace only: allowed from a read-only one.
    const exported = await dispatch(target, 'exportWorkspace', { format: 'site', outDir: '/tmp/site' });
    expect(exported).toEqual({ ok: true, value: null });
  });

  it('runs mutating methods when the workspace may be written', async () => {
    const { ran, target } = recordingTarget(null);
    expect(await dispatch(target, 'createStudy', {})).toEqual({ ok: true, value: null });
    expect(ran.has('createStudy')).toBe(true);
  });

  it('passes a progress listener only to methods that report progress', async () => {
    const { ran, target } = recordingTarget(null);
    const seen: unknown[] = [];
    await dispatch(target, 'listStudies', { verify: true }, (p) => seen.push(p));
    await dispatch(target, 'getSite', {}, (p) => seen.push(p));
    expect(typeof ran.get('listStudies')).toBe('function');
    expect(ran.get('getSite')).toBeUndefined();
    expect(seen).toEqual([{ done: 1, total: 2 }]);
    expect([...progressMethods].sort()).toEqual(['exportWorkspace', 'importMarkdown', 'listStudies', 'syncWorkspace']);
  });

  it('refuses writes to a workspace from a newer Casebook through the contract, and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const newer = JSON.stringify({ schemaVersion: 99, site: { title: 'From the future' } });
      await writeFile(path.join(dir, 'casebook.json'), newer);
      const api = dispatchingApi(await openWorkspace(dir));
      await expect(api.createStudy({ title: 'x' })).rejects.toMatchObject({
        code: 'read_only',
        message: expect.stringMatching(/newer version of Casebook/),
      });
      await expect(api.addCategory({ name: 'Ops' })).rejects.toBeInstanceOf(CasebookError);
      expect(await api.listStudies({})).toEqual([]);
      expect(await readdir(path.join(dir, 'studies')).catch(() => [])).toEqual([]);
      expect(await readFile(path.join(dir, 'casebook.json'), 'utf8')).toBe(newer);
    });
  });

  it('reports list verification progress through the contract', async () => {
    await withTempDir(async (dir) => {
      const api = dispatchingApi(await openWorkspace(dir));
      await api.createStudy({ title: 'One' });
      const seen: unknown[] = [];
      const listed = await api.listStudies({ verify: true }, (p) => seen.push(p));
      expect(listed.map((s) => s.title)).toEqual(['One']);
      // Nothing was known from its head only: nothing to verify, so no report.
      expect(seen).toEqual([]);
    });
  });
});

describe('unwrapResult (every client unwraps envelopes with it)', () => {
  it('returns the value of a success and throws a CasebookError keeping code and details', () => {
    expect(unwrapResult({ ok: true, value: 3 })).toBe(3);
    const details = { studies: [] };
    let thrown: unknown;
    try {
      unwrapResult({ ok: false, error: { code: 'publish_errors', message: 'Fix them', details } });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CasebookError);
    expect(thrown).toMatchObject({ code: 'publish_errors', message: 'Fix them', details });
    expect(hasErrorCode(thrown, 'publish_errors')).toBe(true);
    expect(hasErrorCode(thrown, 'conflict')).toBe(false);
    expect(hasErrorCode({ code: 'publish_errors' }, 'publish_errors')).toBe(false);
  });

  it('treats what is not an envelope as a bad response, and an unknown code as internal', () => {
    for (const hostile of [null, 'ok', { ok: 'yes' }, 42]) {
      expect(() => unwrapResult(hostile as never)).toThrow(expect.objectContaining({ code: 'bad_response' }));
    }
    expect(() => unwrapResult({ ok: false, error: { code: '__proto__', message: 'm' } })).toThrow(
      expect.objectContaining({ code: 'internal', message: 'm' }),
    );
    expect(() => unwrapResult({ ok: false, error: null as never })).toThrow(
      expect.objectContaining({ code: 'internal', message: 'Casebook reported an error without a message.' }),
    );
  });
});
