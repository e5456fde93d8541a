// Browser mode refuses everything that is not the page it served: a missing or wrong token,
// a token only in the URL or only in a cookie (API calls need the header), a foreign or null
// Origin, and Host names a DNS-rebinding page would send. The printed URL's token is traded
// once for a session cookie that opens the page and its images, and never an API call, nor
// any request whose Host or Origin is not ours. Requests are written byte for byte on a socket, so even a missing Host header
// or an odd one reaches the server as an attacker would send it.
import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server';
import { makeTempDir } from '../helpers/temp-dir';
import { servedWorkspace, startWorkspaceServer } from '../helpers/workspace-server';

// A 1×1 PNG stored the way the workspace stores images: named by the SHA-256 of its bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const ASSET = `${createHash('sha256').update(PNG).digest('hex')}.png`;

const RUNS = Number(process.env.CASEBOOK_PROPERTY_RUNS ?? 60);

let server: RunningServer;
let dir: string;
let workspace: string;

beforeAll(async () => {
  dir = await makeTempDir();
  workspace = servedWorkspace(dir);
  server = await startWorkspaceServer(dir);
  await writeFile(path.join(workspace, 'assets', ASSET), PNG);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface RawReply {
  status: number;
  headers: string;
  body: string;
}

/** Sends one request exactly as written (headers: name → value; null leaves Host out). */
function raw(
  method: string,
  target: string,
  headers: Record<string, string | null>,
  body = '',
  version = 'HTTP/1.1',
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const lines = [`${method} ${target} ${version}`];
    for (const [name, value] of Object.entries({ Connection: 'close', ...headers }))
      if (value !== null) lines.push(`${name}: ${value}`);
    if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    // Write without closing our side: the server answers, then closes (Connection: close).
    const socket = connect(server.port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    socket.setTimeout(5_000, () => socket.destroy());
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', rest = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.\d (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: rest });
    });
  });
}

const create = JSON.stringify({ title: 'Should not exist' });
const ours = (): string => `127.0.0.1:${server.port}`;
const good = (): Record<string, string | null> => ({
  Host: ours(),
  'X-Casebook-Token': server.token,
  'Content-Type': 'application/json',
});

describe('browser mode refuses', () => {
  const refused: Array<[string, () => Record<string, string | null>, string?]> = [
    ['a Host that only starts with 127.0.0.1', () => ({ ...good(), Host: `127.0.0.1.evil.com:${server.port}` })],
    ['a Host that only starts with localhost', () => ({ ...good(), Host: `localhost.evil.com:${server.port}` })],
    ['a Host with our address as user info', () => ({ ...good(), Host: `127.0.0.1:${server.port}@evil.com` })],
    ['the IPv6 loopback [::1]', () => ({ ...good(), Host: `[::1]:${server.port}` })],
    ['another port on 127.0.0.1', () => ({ ...good(), Host: `127.0.0.1:${server.port + 1}` })],
    ['127.0.0.1 without the port', () => ({ ...good(), Host: '127.0.0.1' })],
    ['0.0.0.0', () => ({ ...good(), Host: `0.0.0.0:${server.port}` })],
    ['a decimal spelling of 127.0.0.1', () => ({ ...good(), Host: `2130706433:${server.port}` })],
    ['an empty Host', () => ({ ...good(), Host: '' })],
    ['no Host header at all (HTTP/1.0)', () => ({ ...good(), Host: null }), 'HTTP/1.0'],
    ['Origin: null (sandboxed frame, file:// page)', () => ({ ...good(), Origin: 'null' })],
    ['a foreign Origin', () => ({ ...good(), Origin: 'https://evil.example' })],
    ['an Origin that only starts with ours', () => ({ ...good(), Origin: `http://127.0.0.1.evil.com:${server.port}` })],
    ['our address over https', () => ({ ...good(), Origin: `https://127.0.0.1:${server.port}` })],
    ['our host on another port as Origin', () => ({ ...good(), Origin: `http://127.0.0.1:${server.port + 1}` })],
    ['a file:// Origin', () => ({ ...good(), Origin: 'file://' })],
    ['a browser-extension Origin', () => ({ ...good(), Origin: 'chrome-extension://abcdefghijklmnop' })],
    ['no token', () => ({ ...good(), 'X-Casebook-Token': null })],
    ['a wrong token', () => ({ ...good(), 'X-Casebook-Token': 'x'.repeat(server.token.length) })],
    ['the token minus its last character', () => ({ ...good(), 'X-Casebook-Token': server.token.slice(0, -1) })],
    ['the token with a suffix', () => ({ ...good(), 'X-Casebook-Token': `${server.token}x` })],
    ['the token in upper case', () => ({ ...good(), 'X-Casebook-Token': server.token.toUpperCase() })],
    ['the token in a cookie', () => ({ ...good(), 'X-Casebook-Token': null, Cookie: `token=${server.token}` })],
    ['the token as a bearer', () => ({ ...good(), 'X-Casebook-Token': null, Authorization: `Bearer ${server.token}` })],
  ];

  for (const [label, headers, version] of refused) {
    it(`${label}, changing nothing`, async () => {
      const reply = await raw('POST', '/api/createStudy', headers(), create, version);
      expect(reply.status).toBe(403);
      expect(reply.body).toContain('"forbidden"');
      expect(await readdir(path.join(workspace, 'studies'))).toEqual([]);
    });
  }

  it('the token only in the query string', async () => {
    const reply = await raw(
      'POST',
      `/api/createStudy?token=${server.token}`,
      { ...good(), 'X-Casebook-Token': null },
      create,
    );
    expect(reply.status).toBe(403);
    expect(await readdir(path.join(workspace, 'studies'))).toEqual([]);
  });

  it('a token sent twice (joined by the server into one value)', async () => {
    const reply = await raw(
      'POST',
      `/api/createStudy`,
      { ...good(), 'X-Casebook-Token': `${server.token}\r\nX-Casebook-Token: ${server.token}` },
      create,
    );
    expect(reply.status).toBe(403);
  });

  it('a cross-origin preflight: no CORS permission is ever granted', async () => {
    const reply = await raw('OPTIONS', '/api/createStudy', {
      Host: ours(),
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'x-casebook-token',
    });
    expect(reply.status).toBe(403);
    expect(reply.headers.toLowerCase()).not.toContain('access-control-allow');
  });

  it('the page itself to a rebinding Host', async () => {
    const reply = await raw('GET', '/', { Host: `rebind.attacker.test:${server.port}` });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<title>Casebook');
  });
});

const cookie = (token = server.token, port = server.port): string => `casebook-${port}=${token}`;

const image = (query: string, name = ASSET): string => `/workspace-assets/${name}${query}`;

describe('workspace images in browser mode (/workspace-assets/)', () => {
  it('are served to the signed-in page (session cookie), sandboxed, with a token-free URL', async () => {
    const ok = await raw('GET', image(''), { Host: ours(), Cookie: cookie() });
    expect(ok.status).toBe(200);
    expect(ok.headers).toMatch(/content-security-policy: [^\r]*sandbox/i);
    // Beside other cookies of 127.0.0.1, in any order.
    const among = await raw('GET', image(''), { Host: ours(), Cookie: `a=1; ${cookie()}; casebook-1=x` });
    expect(among.status).toBe(200);
  });

  it('are refused without the cookie, with a wrong one, or with the cookie of another port', async () => {
    for (const value of [
      null,
      cookie(''),
      cookie(server.token.slice(0, -1)),
      cookie(`${server.token}x`),
      cookie(server.token.toUpperCase()),
      cookie(server.token, server.port + 1),
      `token=${server.token}`,
      `casebook=${server.token}`,
    ]) {
      expect((await raw('GET', image(''), { Host: ours(), Cookie: value })).status, String(value)).toBe(403);
    }
    // The header does not open images either: <img> cannot send it, nothing else should.
    expect((await raw('GET', image(''), { Host: ours(), 'X-Casebook-Token': server.token })).status).toBe(403);
  });

  it('refuse a rebinding Host or foreign Origin even with the cookie', async () => {
    expect((await raw('GET', image(''), { Host: `127.0.0.1.evil.com:${server.port}`, Cookie: cookie() })).status).toBe(
      403,
    );
    expect(
      (await raw('GET', image(''), { Host: ours(), Origin: 'https://evil.example', Cookie: cookie() })).status,
    ).toBe(403);
  });

  it('never reach outside assets/, whatever the name', async () => {
    for (const name of [
      '../casebook.json',
      '..%2fcasebook.json',
      '%2e%2e/casebook.json',
      '..%5ccasebook.json',
      `${ASSET.slice(0, -4)}.json`,
      `${ASSET}%00.png`,
      `${ASSET.toUpperCase()}`,
      `../assets/${ASSET}`,
      'studies',
    ]) {
      const reply = await raw('GET', image('', name), { Host: ours(), Cookie: cookie() });
      expect(reply.status, name).toBeGreaterThanOrEqual(400);
      expect(reply.body, name).not.toContain('schemaVersion');
    }
  });
});

describe('the printed URL signs the browser in and leaves no token in the address', () => {
  it('trades ?token= for an HttpOnly, SameSite=Strict cookie named after the port, and redirects to the bare address', async () => {
    const reply = await raw('GET', `/?token=${server.token}`, { Host: ours() });
    expect(reply.status).toBe(303);
    expect(reply.headers).toMatch(/\r\nlocation: \/\r\n/i);
    const setCookie = /\r\nset-cookie: ([^\r]*)/i.exec(reply.headers)?.[1];
    expect(setCookie).toBe(`casebook-${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`);
    expect(reply.headers.toLowerCase()).toContain('cache-control: no-store');
    // Other parameters stay; only the token goes.
    const other = await raw('GET', `/?study=a&token=${server.token}`, { Host: ours() });
    expect(other.headers).toMatch(/\r\nlocation: \/\?study=a\r\n/i);
  });

  it('a wrong token in the URL is refused and sets no cookie', async () => {
    for (const wrong of ['', 'x', server.token.slice(0, -1), `${server.token}x`]) {
      const reply = await raw('GET', `/?token=${wrong}`, { Host: ours() });
      expect(reply.status, wrong).toBe(403);
      expect(reply.headers.toLowerCase()).not.toContain('set-cookie');
    }
  });

  it('the page carries the API token (in a meta tag) only when the cookie signs it in', async () => {
    const signedIn = await raw('GET', '/', { Host: ours(), Cookie: cookie() });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toContain(`<meta name="casebook-token" content="${server.token}">`);
    expect(signedIn.headers.toLowerCase()).toContain('cache-control: no-store');
    for (const value of [null, cookie('x'), cookie(server.token, server.port + 1)]) {
      const reply = await raw('GET', '/', { Host: ours(), Cookie: value });
      expect(reply.body, String(value)).not.toContain(server.token);
    }
  });

  it('the cookie alone never makes an API call', async () => {
    const reply = await raw(
      'POST',
      '/api/createStudy',
      { ...good(), 'X-Casebook-Token': null, Cookie: cookie() },
      create,
    );
    expect(reply.status).toBe(403);
    expect(await readdir(path.join(workspace, 'studies'))).toEqual([]);
  });

  it('with the right cookie, a Host or Origin that is not ours is still refused and learns nothing (property)', async () => {
    const hostile = fc.oneof(
      fc.constantFrom(
        `127.0.0.1.evil.com:${server.port}`,
        `localhost.evil.com:${server.port}`,
        `[::1]:${server.port}`,
        `127.0.0.1:${server.port + 1}`,
        `0.0.0.0:${server.port}`,
        '127.0.0.1',
        '',
      ),
      fc.stringMatching(/^[a-z0-9.:-]{1,40}$/).filter((h) => h !== ours() && h !== `localhost:${server.port}`),
    );
    const origin = fc.option(
      fc.constantFrom('null', 'https://evil.example', `https://${ours()}`, `http://127.0.0.1:${server.port + 1}`),
    );
    await fc.assert(
      fc.asyncProperty(
        hostile,
        origin,
        fc.constantFrom('/', image(''), `/?token=${server.token}`),
        async (host, from, target) => {
          const reply = await raw('GET', target, { Host: host, Origin: from, Cookie: cookie() });
          expect(reply.status).toBe(403);
          expect(reply.body).not.toContain(server.token);
          expect(reply.headers.toLowerCase()).not.toContain('set-cookie');
        },
      ),
      { numRuns: RUNS },
    );
    // And with our Host, a foreign Origin: refused the same way.
    await fc.assert(
      fc.asyncProperty(
        origin.filter((o) => o !== null),
        async (from) => {
          const reply = await raw('GET', '/', { Host: ours(), Origin: from, Cookie: cookie() });
          expect(reply.status).toBe(403);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('browser mode accepts its own page', () => {
  it('127.0.0.1 and localhost with the token, with or without an Origin (the controls)', async () => {
    for (const headers of [
      good(),
      { ...good(), Origin: `http://${ours()}` },
      { ...good(), Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` },
    ]) {
      const reply = await raw('POST', '/api/listStudies', headers, '{}');
      expect(reply.status, JSON.stringify(reply)).toBe(200);
      expect(reply.headers.toLowerCase()).not.toContain('access-control-allow');
    }
  });
});
