// Workers started ahead (worker-pool.ts) wait in a pool until taken. One that fails while it
// waits must end only its own thread: its taker finds it ended, the process goes on.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startWorker, WorkerPool } from '../../../src/core/node/worker-pool';
import { withTempDir } from '../../helpers/temp-dir';

describe('a worker waiting in the pool', () => {
  it('that throws after saying it is ready ends its thread, not the process', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        path.join(dir, 'fails-later.mjs'),
        "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('ready');\nsetTimeout(() => { throw new Error('failed while waiting'); }, 50);\n",
      );
      const here = pathToFileURL(path.join(dir, 'starter.mjs')).href;
      const pool = new WorkerPool(1, () => startWorker({ name: 'fails-later', here, startMs: 10_000 }));
      const [handle] = pool.take(1);
      expect(await handle!.ready).toBe(true);
      const exit = await new Promise<number>((resolve) => handle!.worker.once('exit', resolve));
      expect(exit).toBe(1); // its thread ended with the error; this process is still here to see it
      expect(handle!.worker.threadId).toBe(-1);
      pool.close();
    });
  });

  it('that never says it is ready is stopped after its time, and told as late', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'silent.mjs'), 'setInterval(() => undefined, 1000);\n');
      const here = pathToFileURL(path.join(dir, 'starter.mjs')).href;
      let late = 0;
      const handle = startWorker({ name: 'silent', here, startMs: 300, onLate: () => late++ })!;
      expect(await handle.ready).toBe(false);
      expect(late).toBe(1);
      await new Promise((resolve) => handle.worker.once('exit', resolve));
    });
  });
});
