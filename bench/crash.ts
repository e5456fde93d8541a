// Crash safety at any size: SIGKILL a saving process N times (default 500) and check every
// file after each kill. Prints the figures quoted in the README.
//   node --import tsx bench/crash.ts [kills]
import { runCrashTest } from '../tests/reliability/harness/crash-harness';

const kills = Number(process.argv[2] ?? 500);
if (!Number.isInteger(kills) || kills < 1) throw new Error('usage: bench/crash.ts [kills]');

const report = await runCrashTest({ kills, log: (line) => console.log(line) });
console.log(`kills:                          ${report.kills}`);
console.log(`acknowledged saves:             ${report.acknowledgedSaves}`);
console.log(`file checks after kills:        ${report.filesChecked}`);
console.log(`kills mid-write (temp left):    ${report.killsMidWrite}`);
console.log(`unacknowledged save on disk:    ${report.inFlightSavesFound}`);
console.log(`kills while holding the lock:   ${report.killsHoldingLock}`);
console.log(`files damaged or older:         ${report.failures.length}`);
for (const failure of report.failures.slice(0, 20)) console.log(`  ${failure}`);
console.log(`time:                           ${report.seconds.toFixed(1)} s`);
process.exit(report.failures.length ? 1 : 0);
