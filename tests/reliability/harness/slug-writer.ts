// A second process creating studies with one title at the same time as the app (as the CLI
// or a second server would): prints "ready", waits for "go" on stdin, creates <count> studies
// titled <title>, prints "slug <slug>" for each, then "done".
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openWorkspace } from '../../../src/core/node/casebook-service';

const [workspace, title, count] = process.argv.slice(2);
if (!workspace || !title || !count) throw new Error('usage: slug-writer <workspace> <title> <count>');

const service = await openWorkspace(workspace);
await service.listStudies({});
writeSync(1, 'ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'go') break;
lines.close();
for (let n = 0; n < Number(count); n++) {
  const study = await service.createStudy({ title });
  writeSync(1, `slug ${study.slug}\n`);
}
writeSync(1, 'done\n');
