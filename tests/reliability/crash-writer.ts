// The process the crash test kills: opens a workspace through the real service and saves
// without pause, round-robin over some studies and the site settings. After each save has
// resolved it writes "ack <target> <seq>" to stdout (a pipe: written synchronously), so
// the parent knows the last acknowledged save of every file when it sends SIGKILL.
import { writeSync } from 'node:fs';
import { openWorkspace } from '../../src/core/casebook-service';
import { bodyFor, seqOf, summaryFor } from './crash-content';

const [workspace, ...studyIds] = process.argv.slice(2);
if (!workspace || studyIds.length === 0) throw new Error('usage: crash-writer <workspace> <study id>...');

const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

const service = await openWorkspace(workspace);
// Continue from what is on disk: a save that landed but was never acknowledged counts.
const next = new Map<string, number>();
for (const id of studyIds) next.set(id, (seqOf((await service.getStudy({ id })).summary) ?? 0) + 1);
next.set('site', (seqOf((await service.getSite({})).description) ?? 0) + 1);
say('ready');

for (let round = 0; ; round++) {
  const target = round % (studyIds.length + 1) < studyIds.length ? studyIds[round % (studyIds.length + 1)]! : 'site';
  const seq = next.get(target)!;
  if (target === 'site') {
    await service.updateSite({ patch: { description: summaryFor(seq) } });
  } else {
    await service.updateStudy({ id: target, patch: { summary: summaryFor(seq), problem: bodyFor(target, seq) } });
  }
  say(`ack ${target} ${seq}`);
  next.set(target, seq + 1);
}
