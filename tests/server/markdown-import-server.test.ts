// importMarkdown over browser mode's HTTP API (issue 10, finding 10): a hostile file is an
// entry in the report's `skipped`, never a 500, and a runaway parse is stopped at the time limit
// in its worker while the server keeps answering other requests.
import { rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MarkdownImportReport } from '../../src/core/node/markdown/markdown-import';
import type { RunningServer } from '../../src/server/http-server';
import { HOSTILE_MARKDOWN } from '../fixtures/markdown/hostile-files';
import { makeTempDir } from '../helpers/temp-dir';
import { startWorkspaceServer } from '../helpers/workspace-server';

let dir: string;
let server: RunningServer;

beforeEach(async () => {
  dir = await makeTempDir();
  server = await startWorkspaceServer(dir);
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: MarkdownImportReport; error?: { code: string; message: string } };
}

function api(method: string, body: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'X-Casebook-Token': server.token,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function files(named: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const [name, text] of Object.entries(named)) {
    await writeFile(path.join(dir, name), text);
    out.push(path.join(dir, name));
  }
  return out;
}

it('answers a batch with a YAML alias bomb and deep nesting with a report, not a 500', async () => {
  const paths = await files({
    'bomb.md': HOSTILE_MARKDOWN.aliasBomb,
    'quotes.md': HOSTILE_MARKDOWN.deepQuotes,
    'bad-yaml.md': '---\ntitle: [x\n---\n',
    'good.md': '# Good\n\n## Problem\n\nText.\n',
  });

  const reply = await api('importMarkdown', { paths });

  expect(reply.status).toBe(200);
  expect(reply.body.value!.skipped).toEqual([
    { file: paths[0], line: 3, column: 8, reason: expect.stringMatching(/YAML aliases/) },
    { file: paths[1], line: 1, reason: expect.stringMatching(/nested more than 116 levels deep/) },
    { file: paths[2], line: 2, column: 10, reason: expect.stringMatching(/^Front matter is not valid YAML: .*\]\.$/) },
  ]);
  expect(reply.body.value!.imported.map((i) => i.title)).toEqual(['Good']);
}, 60_000);

it('keeps answering other requests while a slow file is parsed, and stops that parse at 10 s', async () => {
  const paths = await files({
    'slow.md': HOSTILE_MARKDOWN.quadraticEmphasis,
    'good.md': '# After the slow one\n\n## Problem\n\nText.\n',
  });
  const started = performance.now();
  let finished = false;
  const importing = api('importMarkdown', { paths }).finally(() => (finished = true));

  // Ask for the list over and over while the import runs: each answer must come quickly.
  const waits: number[] = [];
  while (!finished) {
    const asked = performance.now();
    const listed = await api('listStudies', {});
    expect(listed.status).toBe(200);
    waits.push(performance.now() - asked);
    await new Promise((r) => setTimeout(r, 200));
  }
  const reply = await importing;

  expect((performance.now() - started) / 1000).toBeLessThan(10 + 15);
  expect(reply.status).toBe(200);
  expect(reply.body.value!.skipped).toEqual([
    { file: paths[0], line: 1, reason: expect.stringMatching(/took longer than 10 s, so it was stopped/) },
  ]);
  expect(reply.body.value!.imported.map((i) => i.title)).toEqual(['After the slow one']);
  expect(waits.length).toBeGreaterThan(10);
  // A loaded 2-core machine answers in well under a second; a blocked server not at all.
  expect(Math.max(...waits)).toBeLessThan(1500);
}, 60_000);
