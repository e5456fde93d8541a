// The contract's progress over browser mode's HTTP, through the renderer's own client: a call
// given a listener receives the method's progress reports (NDJSON lines) before its answer; a
// call without one gets plain JSON. Failures arrive as the one client error type.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CasebookError } from '../../src/core/pure/errors';
import { API_PREFIX, PROGRESS_MEDIA_TYPE, TOKEN_HEADER } from '../../src/core/pure/transport';
import { createHttpClient } from '../../src/renderer/src/api/http-client';
import type { RunningServer } from '../../src/server/http-server';
import { makeTempDir } from '../helpers/temp-dir';
import { startWorkspaceServer } from '../helpers/workspace-server';

let dir: string;
let server: RunningServer;
let origin: string;

beforeEach(async () => {
  dir = await makeTempDir();
  server = await startWorkspaceServer(dir);
  origin = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function markdownFolder(count: number): Promise<string> {
  const folder = path.join(dir, 'import');
  await mkdir(folder);
  for (let i = 1; i <= count; i++) {
    await writeFile(path.join(folder, `study-${i}.md`), `# Study ${i}\n\n## Problem\n\nText ${i}.\n`);
  }
  return folder;
}

describe('progress over HTTP', () => {
  it('delivers each progress report to the listener, then the answer', async () => {
    const folder = await markdownFolder(3);
    const { api } = createHttpClient(server.token, origin);
    const seen: Array<{ done: number; total: number; file: string }> = [];
    const report = await api.importMarkdown({ paths: [folder] }, (p) => seen.push(p));
    expect(report.imported.map((s) => s.title).sort()).toEqual(['Study 1', 'Study 2', 'Study 3']);
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(seen.every((p) => p.total === 3)).toBe(true);
    expect(seen[0]!.file).toMatch(/study-1\.md$/);
  });

  it('streams NDJSON only when asked, and only for a method with progress', async () => {
    const folder = await markdownFolder(1);
    const post = (method: string, body: unknown, accept?: string) =>
      fetch(`${origin}${API_PREFIX}${method}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: server.token, ...(accept ? { Accept: accept } : {}) },
        body: JSON.stringify(body),
      });
    const streamed = await post('importMarkdown', { paths: [folder] }, PROGRESS_MEDIA_TYPE);
    expect(streamed.headers.get('content-type')).toContain(PROGRESS_MEDIA_TYPE);
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, -1).every((l) => 'progress' in l)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ ok: true, value: { imported: [{ title: 'Study 1' }] } });

    // getSite reports no progress: the same Accept gets plain JSON, with its usual status.
    const plain = await post('getSite', {}, PROGRESS_MEDIA_TYPE);
    expect(plain.headers.get('content-type')).toContain('application/json');
    expect(await plain.json()).toMatchObject({ ok: true, value: { categories: expect.any(Array) } });
    const unasked = await post('importMarkdown', { paths: [] });
    expect(unasked.status).toBe(400);
    expect(unasked.headers.get('content-type')).toContain('application/json');
  });

  it('answers a failure inside the stream as the envelope, thrown as a CasebookError', async () => {
    const { api } = createHttpClient(server.token, origin);
    const seen: unknown[] = [];
    const failure = await api.importMarkdown({ paths: [] }, (p) => seen.push(p)).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(CasebookError);
    expect(failure).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('at least one') });
    expect(seen).toEqual([]);
    const refused = await api.getStudy({ id: 'no-such-study' }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(CasebookError);
    expect(refused).toMatchObject({ code: 'not_found' });
  });

  it('says the server cannot be reached with the network code', async () => {
    const { api } = createHttpClient(server.token, origin);
    await server.close();
    await expect(api.listStudies({})).rejects.toMatchObject({ code: 'network' });
  });
});

describe('a progress listener that throws', () => {
  it('does not turn a call the server completed into a failure (as over IPC)', async () => {
    const folder = await markdownFolder(2);
    const { api } = createHttpClient(server.token, origin);
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const report = await api.importMarkdown({ paths: [folder] }, () => {
        throw new Error('a bug in the progress bar');
      });
      expect(report.imported.map((s) => s.title).sort()).toEqual(['Study 1', 'Study 2']);
    } finally {
      console.error = quiet;
    }
  });
});
