// SIGKILL during sync: a child process saves and syncs a clone in a loop while another author
// pushes; it is killed at random moments. After every kill the repository is valid (git fsck,
// or isomorphic-git reading every object), every study file parses, nothing acknowledged is
// lost; and the next sync completes. CASEBOOK_SYNC_KILLS sets how many kills (default 10; ≥ 50 for the full run).
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../src/core/node/casebook-service';
import { gitFs } from '../../src/core/node/git/git-fs';
import { studyFileSchema } from '../../src/core/pure/schemas/study-migrations';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from '../core/git/git-fixtures';
import { bundleForNode } from './harness/bundle';
import { seededRandom } from '../helpers/seeded-random';

const KILLS = Number(process.env.CASEBOOK_SYNC_KILLS ?? 10);

/** Runs the writer until it has been up `ms` after opening, then SIGKILLs it; returns what it acknowledged. */
function runAndKill(
  bundle: string,
  args: string[],
  ms: number,
): Promise<{ acked: Array<[string, number]>; syncs: number; killedInSync: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      const first = !out.includes('ready\n');
      out += c;
      if (first && out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself (${code}): ${err}`));
      const acked = [...out.matchAll(/^ack (\S+) \d+ (\d+)$/gm)].map((m): [string, number] => [m[1]!, Number(m[2])]);
      const lines = out.trim().split('\n');
      resolve({ acked, syncs: (out.match(/^synced$/gm) ?? []).length, killedInSync: lines.at(-1) === 'syncing' });
    });
  });
}

async function assertRepositoryValid(workspace: string): Promise<void> {
  if (hasSystemGit) {
    sysGit(workspace, 'fsck', '--strict', '--no-dangling');
    return;
  }
  // No system git: read every object reachable from every ref with isomorphic-git.
  for (const ref of await git.listBranches({ fs: gitFs, dir: workspace })) {
    for (const { commit } of await git.log({ fs: gitFs, dir: workspace, ref })) {
      await git.walk({
        fs: gitFs,
        dir: workspace,
        trees: [git.TREE({ ref: commit.tree })],
        map: async (_p, [e]) => e && (await e.content(), true),
      });
    }
  }
}

describe('SIGKILL during sync', () => {
  it(`leaves a valid repository and loses nothing acknowledged (${KILLS} kills)`, async () => {
    const { root, cleanup } = await makeRoot();
    try {
      const remote = path.join(root, 'team.git');
      const titles = Array.from({ length: 6 }, (_, i) => `Study ${i}`);
      const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', titles);
      await ann.syncWorkspace({ remote });
      const bobDir = path.join(root, 'bob');
      await cloneAs(remote, bobDir, 'Bob');
      const bundle = await bundleForNode(path.resolve('tests/reliability/harness/sync-writer.ts'), root);
      const random = seededRandom(15);
      const lastAcked = new Map<string, string>();
      let syncs = 0;
      let inSync = 0;
      for (let round = 0; round < KILLS; round++) {
        // Ann changes titles of the same studies, so Bob's syncs merge (and may be killed mid-merge).
        await ann.updateStudy({ id: ids[round % ids.length]!, patch: { title: `Title ${round} by Ann` } });
        await ann.syncWorkspace({});
        const run = await runAndKill(bundle, [bobDir, String(round), ...ids], Math.floor(random() * 1500));
        syncs += run.syncs;
        if (run.killedInSync) inSync++;
        for (const [id, seq] of run.acked) lastAcked.set(id, `r${round}-${seq}`);
        await assertRepositoryValid(bobDir);
        for (const name of await readdir(path.join(bobDir, 'studies'))) {
          if (!name.endsWith('.json')) continue;
          const study = studyFileSchema.parse(JSON.parse(await readFile(path.join(bobDir, 'studies', name), 'utf8')));
          const acked = lastAcked.get(study.id);
          // The file holds the last acknowledged save or a later one of the same run (killed before its ack).
          if (acked) expect(later(study.summary, acked)).toBe(true);
        }
      }
      const bob: CasebookService = await openWorkspace(bobDir);
      const done = await bob.syncWorkspace({});
      expect(done.status.changed).toBe(0);
      await ann.syncWorkspace({});
      for (const [id, summary] of lastAcked) expect(later((await ann.getStudy({ id })).summary, summary)).toBe(true);
      expect((await ann.getStudy({ id: ids[(KILLS - 1) % ids.length]! })).title).toBe(`Title ${KILLS - 1} by Ann`);
      if (hasSystemGit) expect(sysGit(bobDir, 'status', '--porcelain')).toBe('');
      console.log(`${KILLS} kills (${inSync} in the middle of a sync), ${syncs} syncs completed between them`);
      expect(inSync).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  }, 600_000);
});

/** Whether summary "r<round>-<seq>" is `acked` or a later save. */
function later(summary: string, acked: string): boolean {
  const parse = (s: string) => /^r(\d+)-(\d+)$/.exec(s)?.slice(1).map(Number) ?? [-1, -1];
  const [r1, s1] = parse(summary);
  const [r2, s2] = parse(acked);
  return r1! > r2! || (r1 === r2 && s1! >= s2!);
}
