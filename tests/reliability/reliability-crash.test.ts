// Crash safety: SIGKILL a process that saves without pause, at random points, many times.
// CI runs CASEBOOK_KILLS=100 by default; run 500+ by hand:
//   CASEBOOK_KILLS=500 npx vitest run tests/reliability/reliability-crash.test.ts
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './harness/crash-harness';

const KILLS = Number(process.env.CASEBOOK_KILLS ?? 100);

describe('crash safety', () => {
  it(`after each of ${KILLS} kills every file is whole and holds the last acknowledged save or the one in flight`, async () => {
    const report = await runCrashTest({ kills: KILLS, log: console.log });
    console.log(
      `crash test: ${report.kills} kills, ${report.acknowledgedSaves} acknowledged saves, ${report.filesChecked} file checks, ` +
        `${report.killsMidWrite} kills mid-write (temp file left), ${report.inFlightSavesFound} with the unacknowledged save on disk, ` +
        `${report.killsHoldingLock} holding the lock, ${report.failures.length} failures, ${report.seconds.toFixed(1)} s`,
    );
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(KILLS);
    // The kills must land while saves are happening, or the test proves nothing.
    expect(report.acknowledgedSaves).toBeGreaterThanOrEqual(KILLS / 2);
    expect(report.killsMidWrite).toBeGreaterThan(0);
  }, 600_000);
});
