import { readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server';
import { makeTempDir } from '../helpers/temp-dir';
import { servedWorkspace, startWorkspaceServer } from '../helpers/workspace-server';

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  headers: Record<string, string | string[] | undefined>;
}

function call(
  server: RunningServer,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Reply['body'];
          try {
            body = JSON.parse(text);
          } catch {
            body = { ok: false, value: text };
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let server: RunningServer;
let dir: string;
let workspace: string;

beforeEach(async () => {
  dir = await makeTempDir();
  workspace = servedWorkspace(dir);
  server = await startWorkspaceServer(dir);
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('prints a 127.0.0.1 URL carrying the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('answers contract calls with the token', async () => {
    const auth = { 'X-Casebook-Token': server.token, 'Content-Type': 'application/json' };
    const created = await call(server, '/api/createStudy', {
      headers: auth,
      body: JSON.stringify({ title: 'Over HTTP' }),
    });
    expect(created.status).toBe(200);
    const listed = await call(server, '/api/listStudies', { headers: auth, body: '{}' });
    expect(listed.body).toMatchObject({ ok: true, value: [{ title: 'Over HTTP' }] });
  });

  it('refuses a missing or wrong token, a foreign Origin and a rebinding Host, changing nothing', async () => {
    const body = JSON.stringify({ title: 'Should not exist' });
    const attempts: Array<{ headers: Record<string, string> }> = [
      { headers: {} },
      { headers: { 'X-Casebook-Token': 'wrong' } },
      { headers: { 'X-Casebook-Token': server.token, Origin: 'https://evil.example' } },
      { headers: { 'X-Casebook-Token': server.token, Host: `evil.example:${server.port}` } },
      { headers: { 'X-Casebook-Token': server.token, Host: 'rebind.attacker.test' } },
    ];
    for (const attempt of attempts) {
      const reply = await call(server, '/api/createStudy', { headers: attempt.headers, body });
      expect(reply.status).toBe(403);
      expect(reply.body.error?.code).toBe('forbidden');
    }
    expect(await readdir(path.join(workspace, 'studies'))).toEqual([]);
  });

  it('gives a 4xx with a clear error for bad input and unknown methods', async () => {
    const auth = { 'X-Casebook-Token': server.token };
    const bad = await call(server, '/api/updateStudy', {
      headers: auth,
      body: '{"id":"x","patch":{"featured":"yes"}}',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/patch\.featured/);
    const notJson = await call(server, '/api/listStudies', { headers: auth, body: '{nope' });
    expect(notJson.status).toBe(400);
    const unknown = await call(server, '/api/rmrf', { headers: auth, body: '{}' });
    expect(unknown.status).toBe(404);
    const get = await call(server, '/api/listStudies', { method: 'GET', headers: auth });
    expect(get.status).toBe(405);
  });

  it('serves the UI with a strict CSP and nothing outside its folder', async () => {
    const page = await call(server, '/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const escape = await call(server, '/..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(escape.status).toBe(404);
  });

  it('serves workspace images only to the signed-in page (session cookie) and only from assets/', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const saved = await call(server, '/api/saveAsset', {
      headers: { 'X-Casebook-Token': server.token },
      body: JSON.stringify({ fileName: 'a.png', mediaType: 'image/png', dataBase64: png.toString('base64') }),
    });
    const name = (saved.body.value as { src: string }).src.replace('assets/', '');
    const cookie = { Cookie: `casebook-${server.port}=${server.token}` };
    const image = await call(server, `/workspace-assets/${name}`, { method: 'GET', headers: cookie });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await call(server, `/workspace-assets/${name}`, { method: 'GET' })).status).toBe(403);
    const escape = await call(server, `/workspace-assets/..%2fcasebook.json`, { method: 'GET', headers: cookie });
    expect(escape.status).toBe(404);
  });
});
