// A child process for the SIGKILL-during-sync test: saves studies and syncs in a loop until it
// is killed. Prints "ready", then "ack <id> <round> <seq>" after each save returns (what an author
// was told is saved), "syncing" before each sync and "synced" after it.
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
    process.stdout.write('syncing\n');
    await service.syncWorkspace({});
    process.stdout.write('synced\n');
  }
}
