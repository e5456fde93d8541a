// A worker thread of the site export's pre-render (site-prerender.ts): renders each chunk of
// sections it is sent (as JSON text) (site-render-job.ts), each image resolved as the export resolved it, and
// sends back their cache entries (null first: ready). Pure work: no disk, no network.
import { parentPort } from 'node:worker_threads';
import { renderJob, type RenderJob } from './site-render-job';

export type { RenderJob } from './site-render-job';

parentPort?.on('message', (jobs: string) => {
  parentPort!.postMessage((JSON.parse(jobs) as RenderJob[]).map(renderJob));
});
// Ready: asks for its first chunk only now, so none waits on a thread still starting.
parentPort?.postMessage(null);
