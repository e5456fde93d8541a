// V8 flags Casebook sets for the workloads that gain from them. Flags are process-wide (the
// main thread and every worker thread), and any flag that differs from Node's defaults makes V8
// reject Node's built-in code cache for each Node module loaded afterwards (a worker thread
// started then took ~30–45 ms longer to be ready): so a flag is set when its workload starts and
// outweighs that, never at start-up (`casebook list` and every short command would pay).
import { setFlagsFromString } from 'node:v8';

/**
 * Allocation-site pretenuring off, for the rest of the process. With it, V8 allocates the
 * objects of a code site straight in the old generation once most of them outlive a
 * young-generation collection. Reading a study allocates its parsed, validated and plain-text
 * forms, all alive until the study is done; with pretenuring, validating a study took ~800 µs
 * instead of ~190 µs in about half of all processes, and without it never. Measured on
 * 2026-12-03 (two cores, alternating runs): a study read as the intake workers read it, 790 →
 * 630 µs; a first-ever open of 10,000 studies fully searchable 8.2–8.9 → 7.6–8.0 s; a reopen
 * and a site export of 1,000 studies unchanged.
 */
export function turnOffPretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
