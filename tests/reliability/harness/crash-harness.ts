// Kills a writer process at random points, again and again, and checks the workspace after
// each kill: every file parses and validates, and holds either the last acknowledged save
// or the one that was in flight — never an older one, never a torn or mixed one.
// Used by tests/reliability/reliability-crash.test.ts (CI size) and bench/crash.ts (any size).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCK_PREFIX, TEMP_PREFIX } from '../../../src/core/node/atomic-write';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { parseJsonFile } from '../../../src/core/node/json-file';
import { workspaceFileSchema } from '../../../src/core/pure/schemas/site';
import { studySchema } from '../../../src/core/pure/schemas/study';
import { bundleForNode } from './bundle';
import { bodyFor, seqOf } from './crash-content';
import { withoutBlockIds } from '../../../src/core/pure/rich-text/block-ids';

export interface CrashReport {
  kills: number;
  acknowledgedSaves: number;
  filesChecked: number;
  /** Files that failed to parse or validate, or held a save other than allowed. */
  failures: string[];
  /** Kills after which a file held the in-flight save (renamed into place, not yet acked). */
  inFlightSavesFound: number;
  /** Kills that left a temp file (killed between creating it and the rename). */
  killsMidWrite: number;
  /** Kills that left a lock file (killed while holding it); the next writer broke it. */
  killsHoldingLock: number;
  seconds: number;
}

export interface CrashOptions {
  kills: number;
  studies?: number;
  /** Longest wait after the chosen acknowledgement before the kill. */
  maxDelayMs?: number;
  log?: (line: string) => void;
}

interface RunResult {
  acks: Map<string, number>;
  ackCount: number;
  stderr: string;
  /** Set when the writer stopped by itself (it found the workspace broken, for example). */
  exitedEarly: string | null;
}

/**
 * Starts the writer, waits for `acksBeforeKill` acknowledged saves (counting from "ready"),
 * then `delayMs` more, and kills it. Counting acks rather than only time keeps the kills
 * landing among saves however loaded the machine is; the delay makes the point random.
 */
function runAndKill(
  writer: string,
  workspace: string,
  ids: string[],
  acksBeforeKill: number,
  delayMs: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, workspace, ...ids], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks = new Map<string, number>();
    let ackCount = 0;
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const ack = /^ack (\S+) (\d+)$/.exec(line);
        if (ack) {
          acks.set(ack[1]!, Number(ack[2]));
          ackCount++;
        }
        if ((line === 'ready' || ack) && ackCount === acksBeforeKill && !killTimer)
          killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      const exitedEarly = signal === 'SIGKILL' ? null : `writer stopped by itself (${signal ?? _code})`;
      resolve({ acks, ackCount, stderr, exitedEarly });
    });
  });
}

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-crash-'));
  const workspace = path.join(root, 'workspace');
  const report: CrashReport = {
    kills: 0,
    acknowledgedSaves: 0,
    filesChecked: 0,
    failures: [],
    inFlightSavesFound: 0,
    killsMidWrite: 0,
    killsHoldingLock: 0,
    seconds: 0,
  };
  try {
    const writer = await bundleForNode(path.join(import.meta.dirname, 'crash-writer.ts'), root);
    const service = await openWorkspace(workspace);
    const ids: string[] = [];
    for (let i = 0; i < (options.studies ?? 3); i++) ids.push((await service.createStudy({ title: `Crash ${i}` })).id);
    // What each file held after the previous kill (0: nothing saved by a writer yet).
    const onDisk = new Map<string, number>([...ids, 'site'].map((t) => [t, 0]));
    const seenTemps = new Set<string>();

    for (let kill = 1; kill <= options.kills; kill++) {
      const acksBeforeKill = Math.floor(Math.random() * 3);
      const delay = Math.random() * (options.maxDelayMs ?? 15);
      const run = await runAndKill(writer, workspace, ids, acksBeforeKill, delay);
      report.kills++;
      report.acknowledgedSaves += run.ackCount;
      let inFlight = false;
      for (const target of onDisk.keys()) {
        const acked = run.acks.get(target) ?? onDisk.get(target)!;
        const problem = await checkFile(workspace, target, acked);
        report.filesChecked++;
        if (typeof problem === 'string') report.failures.push(`kill ${kill}: ${problem}`);
        else {
          if (problem === acked + 1) inFlight = true;
          onDisk.set(target, problem);
        }
      }
      if (inFlight) report.inFlightSavesFound++;
      const names = await readdir(path.join(workspace, 'studies')).catch(() => [] as string[]);
      const rootNames = await readdir(workspace);
      const temps = [...names, ...rootNames].filter((n) => n.startsWith(TEMP_PREFIX) && !seenTemps.has(n));
      const locks = [...names, ...rootNames].filter((n) => n.startsWith(LOCK_PREFIX));
      if (temps.length) report.killsMidWrite++;
      if (locks.length) report.killsHoldingLock++;
      temps.forEach((n) => seenTemps.add(n));
      if (run.stderr.trim())
        report.failures.push(`kill ${kill}: writer wrote to stderr: ${run.stderr.trim().slice(0, 300)}`);
      if (run.exitedEarly) {
        report.failures.push(`kill ${kill}: ${run.exitedEarly}`);
        break;
      }
      if (kill % 50 === 0) options.log?.(`${kill} kills, ${report.acknowledgedSaves} acknowledged saves`);
    }
    // Nothing was ever judged damaged, and a fresh open still lists every study.
    const quarantined = await readdir(path.join(workspace, '.quarantine')).catch(() => [] as string[]);
    if (quarantined.length) report.failures.push(`files were quarantined: ${quarantined.join(', ')}`);
    const listed = await (await openWorkspace(workspace)).listStudies({});
    if (listed.length !== ids.length) report.failures.push(`a fresh open lists ${listed.length} of ${ids.length}`);
  } finally {
    report.seconds = (Date.now() - started) / 1000;
    await rm(root, { recursive: true, force: true });
  }
  return report;
}

/**
 * The save number a file holds when it is whole and is the last acknowledged save or the
 * one after it (in flight at the kill); otherwise a description of what is wrong.
 */
async function checkFile(workspace: string, target: string, acked: number): Promise<number | string> {
  const file =
    target === 'site' ? path.join(workspace, 'casebook.json') : path.join(workspace, 'studies', `${target}.json`);
  let seq: number | null;
  try {
    const bytes = await readFile(file);
    if (target === 'site') {
      seq =
        acked === 0 && !/seq/.test(bytes.toString())
          ? 0
          : seqOf(parseJsonFile(file, bytes, workspaceFileSchema).site.description);
    } else {
      const study = parseJsonFile(file, bytes, studySchema);
      seq = study.summary.startsWith('seq') ? seqOf(study.summary) : 0;
      // The store gives every block an id as it writes (block-ids.ts): compare the text, not the ids.
      if (
        seq !== null &&
        seq > 0 &&
        JSON.stringify(withoutBlockIds(study.problem)) !== JSON.stringify(bodyFor(target, seq))
      )
        return `${target}: summary says save ${seq} but the body is from another save`;
    }
  } catch (err) {
    return `${target}: ${(err as Error).message.slice(0, 200)}`;
  }
  if (seq === null) return `${target}: holds no save number`;
  if (seq !== acked && seq !== acked + 1) return `${target}: holds save ${seq}, last acknowledged ${acked}`;
  return seq;
}
