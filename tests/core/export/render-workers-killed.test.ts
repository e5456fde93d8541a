// A render worker killed part way through its chunks (by the system, or by its heap or time
// bound) must hand back the chunk it held: every section is either rendered or left for this
// thread, none silently dropped.
import { describe, expect, it } from 'vitest';
import { RenderWorkers, renderChunks } from '../../../src/core/node/export/render-workers';
import type { RenderJob } from '../../../src/core/node/export/site-render-job';

const job = (i: number): RenderJob => ({
  key: `k${i}`,
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Section ${i}` }] }] },
  urls: [],
});

describe('a render worker killed mid-run', () => {
  it('hands back the chunk it held, so no section is lost', async () => {
    const pool = new RenderWorkers(1);
    const [handle] = pool.take(1);
    const chunks = Array.from({ length: 6 }, (_, c) => [0, 1, 2].map((i) => job(c * 3 + i)));
    const stored: string[] = [];
    await renderChunks(
      handle!,
      chunks,
      (entries) => {
        stored.push(...entries.map(([key]) => key));
        void handle!.worker.terminate(); // killed just as it is handed its next chunk
      },
      pool.chunkMs,
    );
    pool.close();
    expect(stored).toEqual(['k0', 'k1', 'k2']);
    const left = chunks.flat().map((j) => ('key' in j ? j.key : ''));
    expect([...stored, ...left].sort()).toEqual(Array.from({ length: 18 }, (_, i) => `k${i}`).sort());
  }, 60_000);
});
