// What the status bar's Sync button says: the workspace's git state in a few words, and the
// outcome of a sync as one sentence for the live region. Pure, so the wording is tested once
// and the button only draws it.
import { shownTitle } from '../schemas/study';
import { receivedFilesParts } from './received-files';

/** The fields of gitStatus the button reads (the contract's answer has more). */
export interface SyncCounts {
  repository: boolean;
  /** Commits the remote has not got. */
  toSend: number;
  toReceive: number;
  /** Files changed since the last commit: the next sync commits and sends them. */
  changed: number;
  conflicts: number;
}

export type SyncState =
  | { kind: 'not-git' }
  | { kind: 'unknown' }
  | { kind: 'offline'; reason: string }
  | { kind: 'conflicts'; count: number }
  | { kind: 'pending'; toSend: number; toReceive: number }
  | { kind: 'up-to-date' };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The state to show: conflicts first (the author has something to do), then a failed fetch
 * (nothing is known about the remote), then what is waiting either way.
 */
export function syncState(counts: SyncCounts | null, offline: string | null): SyncState {
  if (!counts) return { kind: 'unknown' };
  if (!counts.repository) return { kind: 'not-git' };
  if (counts.conflicts > 0) return { kind: 'conflicts', count: counts.conflicts };
  if (offline !== null) return { kind: 'offline', reason: offline };
  // What the author has to send: their changed files, and commits made but not pushed yet.
  const toSend = counts.toSend + counts.changed;
  if (toSend > 0 || counts.toReceive > 0) return { kind: 'pending', toSend, toReceive: counts.toReceive };
  return { kind: 'up-to-date' };
}

/** The button's visible words for a state. */
export function syncStateText(state: SyncState): string {
  switch (state.kind) {
    case 'not-git':
      return 'Not a git workspace';
    case 'unknown':
      return 'Checking…';
    case 'offline':
      return 'Offline';
    case 'conflicts':
      return plural(state.count, 'conflict', 'conflicts');
    case 'pending':
      return [
        state.toSend > 0 ? `${state.toSend.toLocaleString()} to send` : '',
        state.toReceive > 0 ? `${state.toReceive.toLocaleString()} to receive` : '',
      ]
        .filter(Boolean)
        .join(', ');
    case 'up-to-date':
      return 'Up to date';
  }
}

export interface SyncOutcome {
  sent: number;
  received: readonly { id: string; title: string }[];
  /** Other files that came in (site settings, templates, assets): their paths. */
  receivedFiles?: readonly string[];
  /** `recorded`: the file holds theirs beside ours (resolvable in the app); false: ours was kept whole. */
  conflicts: readonly { id: string; title: string; recorded?: boolean }[];
  /** Deleted on one side, edited on the other: kept (here, or back here). */
  editsKept?: readonly { id: string; title: string }[];
}

const quoted = (items: readonly { title: string }[]) => items.map((s) => `‘${shownTitle(s.title)}’`).join(', ');

/** One sentence for the live region: "Sent 2 changes, received 1: ‘Title’." */
export function syncOutcomeText(outcome: SyncOutcome): string {
  const { sent, received, conflicts } = outcome;
  const kept = outcome.editsKept ?? [];
  const files = receivedFilesParts(outcome.receivedFiles ?? []);
  if (sent === 0 && received.length === 0 && files.length === 0 && conflicts.length === 0 && kept.length === 0)
    return 'Synced: nothing to send or receive.';
  const said: string[] = [];
  if (sent > 0) said.push(`sent ${plural(sent, 'change', 'changes')}`);
  if (received.length > 0) said.push(`received ${received.length.toLocaleString()}: ${quoted(received)}`);
  if (files.length > 0) said.push(`received ${files.join(', ')}`);
  const toResolve = conflicts.filter((c) => c.recorded !== false);
  const keptWhole = conflicts.filter((c) => c.recorded === false);
  // Another file in conflict is named by its path (site settings: casebook.json), a study by its id.
  const noun = toResolve.every((c) => !c.id.includes('.')) ? ['study has', 'studies have'] : ['file has', 'files have'];
  if (toResolve.length > 0)
    said.push(`${plural(toResolve.length, noun[0]!, noun[1]!)} conflicts to resolve: ${quoted(toResolve)}`);
  if (keptWhole.length > 0) said.push(`not merged, yours kept whole (theirs is in the history): ${quoted(keptWhole)}`);
  if (kept.length > 0) said.push(`kept, as deleted on one side but edited on the other: ${quoted(kept)}`);
  const sentence = said.join(', ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** A sync stage in words, for the progress shown while it runs. */
export function syncStageText(progress: { stage: 'commit' | 'fetch' | 'merge' | 'push'; done: number; total: number }) {
  const verb = { commit: 'Saving changes', fetch: 'Receiving', merge: 'Merging', push: 'Sending' }[progress.stage];
  return progress.total > 0 ? `${verb} ${progress.done}/${progress.total}…` : `${verb}…`;
}
