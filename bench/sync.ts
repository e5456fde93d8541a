// Git sync at workspace scale: 1,000 realistic studies (~38 KB each), one changed, synced to a
// bare repository on disk. Budgets (issue #15): sync ≤ 1 s, "what changed" status ≤ 300 ms.
// Anchor: system git's `git status` and `git commit -a` on the same repository (when installed).
// Run: npx tsx bench/sync.ts [N] [ROUNDS]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../src/core/node/casebook-service';
import { setAuthor } from '../src/core/node/git/git-identity';
import { gitdirOf } from '../src/core/node/git/git-repository';
import { cloneRepository, initRepository } from '../src/core/node/git/git-setup';
import { generateRealisticStudies } from './realistic-studies';

const N = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 5);
const ann = { name: 'Ann', email: 'ann@example.com' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const root = await mkdtemp(path.join(tmpdir(), 'casebook-bench-sync-'));
try {
  const dir = path.join(root, 'ann');
  await mkdir(path.join(dir, 'studies'), { recursive: true });
  const studies = generateRealisticStudies(N, 7);
  for (const s of studies)
    await writeFile(path.join(dir, 'studies', `${s.id}.json`), `${JSON.stringify(s, null, 2)}\n`);
  const service = await openWorkspace(dir);
  await service.listStudies({ verify: true });
  await initRepository(dir, 'casebook');
  await setAuthor(dir, gitdirOf(dir), ann);
  const firstCommit = await time(() => service.syncWorkspace({ message: 'Start' }));
  const remote = path.join(root, 'team.git');
  const firstPush = await time(() => service.syncWorkspace({ remote }));
  console.log(
    `${N} studies: first commit ${firstCommit.toFixed(0)} ms, first push to a bare remote ${firstPush.toFixed(0)} ms`,
  );

  const status: number[] = [];
  const sync: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await service.updateStudy({ id: studies[round % N].id, patch: { summary: `Edited in round ${round}` } });
    status.push(await time(() => service.gitStatus({})));
    sync.push(await time(() => service.syncWorkspace({})));
  }
  // Receiving: a second clone edits one study; the first syncs it in (fetch + merge + push of the merge).
  const bobDir = path.join(root, 'bob');
  await cloneRepository(remote, bobDir, 'casebook', {});
  await setAuthor(bobDir, gitdirOf(bobDir), { name: 'Bob', email: 'bob@example.com' });
  const bob = await openWorkspace(bobDir);
  const receive: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await bob.updateStudy({ id: studies[(round + 10) % N].id, patch: { summary: `Bob, round ${round}` } });
    await service.updateStudy({ id: studies[(round + 20) % N].id, patch: { summary: `Ann, round ${round}` } });
    await bob.syncWorkspace({});
    receive.push(await time(() => service.syncWorkspace({})));
  }
  const s = median(status);
  const y = median(sync);
  const r = median(receive);
  console.log(`status with one study changed: median ${s.toFixed(0)} ms (budget 300 ms)`);
  console.log(`sync of one changed study (commit + fetch + push): median ${y.toFixed(0)} ms (budget 1,000 ms)`);
  console.log(`sync that also merges one study from another clone: median ${r.toFixed(0)} ms`);

  if (spawnSync('git', ['--version']).status === 0) {
    const sys = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    const gitStatus: number[] = [];
    const gitCommit: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await service.updateStudy({ id: studies[(round + 30) % N].id, patch: { summary: `git round ${round}` } });
      gitStatus.push(await time(async () => sys('status', '--porcelain')));
      gitCommit.push(
        await time(async () => sys('-c', 'user.name=Ann', '-c', 'user.email=ann@example.com', 'commit', '-qam', 'x')),
      );
    }
    const gs = median(gitStatus);
    const gc = median(gitCommit);
    console.log(`anchor, system git (a fresh process each): status ${gs.toFixed(0)} ms, commit -a ${gc.toFixed(0)} ms`);
    console.log(
      `ratios: Casebook status / git status ${(s / gs).toFixed(1)}×; Casebook sync / (git status + commit) ${(y / (gs + gc)).toFixed(1)}×`,
    );
  } else console.log('anchor: system git is not installed here; no ratio.');
} finally {
  await rm(root, { recursive: true, force: true });
}
