// No token over plain http:// beyond this machine: an origin set with plain git (`git remote add
// origin http://…`) is not checked by --remote, and the token must not follow it in clear.
// 127.0.0.2 stands in for a server elsewhere (Casebook allows http only to localhost, 127.0.0.1, [::1]).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitdirOf } from '../../../src/core/node/git/git-repository';
import { setOrigin } from '../../../src/core/node/git/git-remotes';
import { hasErrorCode } from '../../../src/core/pure/errors';
import { makeRepoWorkspace, makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('a token and an http:// origin', () => {
  it('is never sent: the sync stops with advice to use https, and the token is not even asked for', async () => {
    const seenAuth: string[] = [];
    const server = createServer((req, res) => {
      seenAuth.push(req.headers.authorization ?? '');
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    try {
      let asked = 0;
      const credentials = async () => {
        asked++;
        return { token: 'cb-secret-token' };
      };
      const { service } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Private'], {
        git: { credentials },
      });
      const { port } = server.address() as AddressInfo;
      await setOrigin(service.workspace, gitdirOf(service.workspace), `http://127.0.0.2:${port}/team.git`, 'main');
      const refused = await service.syncWorkspace({}).catch((e: unknown) => e);
      expect(hasErrorCode(refused, 'auth_failed')).toBe(true);
      expect((refused as Error).message).toMatch(
        /does not send a token over plain http:\/\/ to 127\.0\.0\.2:\d+.*https:\/\//,
      );
      expect(seenAuth.length).toBeGreaterThan(0);
      expect(seenAuth.filter((h) => h !== '')).toEqual([]);
      expect(asked).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
