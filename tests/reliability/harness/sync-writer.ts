// A child process for the SIGKILL-during-sync test: saves studies and syncs in a loop until it
// is killed. Prints "ready", then "ack <id> <seq>" after each save returns (what an author was
// told is saved) and "synced" after each sync.
// Usage: node sync-writer.mjs <workspace> <round> <id>...
import { openWorkspace } from '../../../src/core/node/casebook-service';

const [workspace, round, ...ids] = process.argv.slice(2);
const service = await openWorkspace(workspace!);
process.stdout.write('ready\n');
for (let seq = 0; ; seq++) {
  const id = ids[seq % ids.length]!;
  await service.updateStudy({ id, patch: { summary: `r${round}-${seq}` } });
  process.stdout.write(`ack ${id} ${round} ${seq}\n`);
  if (seq % 3 === 2) {
    await service.syncWorkspace({});
    process.stdout.write('synced\n');
  }
}
