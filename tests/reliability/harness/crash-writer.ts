// The process the crash test kills: opens a workspace with the real stores (the service's
// save methods only forward to them; the stores alone start faster, which counts at
// hundreds of kills) and saves without pause, round-robin over some studies and the site
// settings. After each save has resolved it writes "ack <target> <seq>" to stdout (a pipe:
// written synchronously), so the parent knows the last acknowledged save of every file
// when it sends SIGKILL.
import { writeSync } from 'node:fs';
import { SiteStore } from '../../../src/core/node/site-store';
import { StudyStore } from '../../../src/core/node/study-store';
import { bodyFor, seqOf, summaryFor } from './crash-content';

const [workspace, ...studyIds] = process.argv.slice(2);
if (!workspace || studyIds.length === 0) throw new Error('usage: crash-writer <workspace> <study id>...');

const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

const site = new SiteStore(workspace);
await site.open();
const studies = new StudyStore(workspace);
await studies.open();
// Continue from what is on disk: a save that landed but was never acknowledged counts.
const next = new Map<string, number>();
for (const id of studyIds) next.set(id, (seqOf((await studies.get(id)).summary) ?? 0) + 1);
next.set('site', (seqOf(site.get().description) ?? 0) + 1);
say('ready');

for (let round = 0; ; round++) {
  const target = round % (studyIds.length + 1) < studyIds.length ? studyIds[round % (studyIds.length + 1)]! : 'site';
  const seq = next.get(target)!;
  if (target === 'site') {
    await site.update({ description: summaryFor(seq) });
  } else {
    await studies.update(target, { summary: summaryFor(seq), problem: bodyFor(target, seq) });
  }
  say(`ack ${target} ${seq}`);
  next.set(target, seq + 1);
}
