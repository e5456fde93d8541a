import { describe, expect, it } from 'vitest';
import { syncOutcomeText, syncStageText, syncState, syncStateText } from '../../../src/core/pure/sync/sync-state';

const counts = { repository: true, toSend: 0, toReceive: 0, changed: 0, conflicts: 0 };
const text = (c: typeof counts | null, offline: string | null = null) => syncStateText(syncState(c, offline));

describe('the Sync button state', () => {
  it('says what is waiting either way, changed files and unsent commits alike', () => {
    expect(text(counts)).toBe('Up to date');
    expect(text({ ...counts, toSend: 1, changed: 1 })).toBe('2 to send');
    expect(text({ ...counts, toReceive: 3 })).toBe('3 to receive');
    expect(text({ ...counts, toSend: 1, toReceive: 1 })).toBe('1 to send, 1 to receive');
  });

  it('puts conflicts first, then a failed fetch, and names a folder that is not a repository', () => {
    expect(text({ ...counts, conflicts: 2, toSend: 1 }, 'no network')).toBe('2 conflicts');
    expect(text({ ...counts, toSend: 1 }, 'no network')).toBe('Offline');
    expect(text({ ...counts, repository: false })).toBe('Not a git workspace');
    expect(text(null)).toBe('Checking…');
  });
});

describe('the sync outcome sentence', () => {
  it('names what was sent, received and left in conflict', () => {
    expect(syncOutcomeText({ sent: 2, received: [{ id: 'a', title: 'Cache' }], conflicts: [] })).toBe(
      'Sent 2 changes, received 1: ‘Cache’.',
    );
    expect(syncOutcomeText({ sent: 0, received: [], conflicts: [{ id: 'b', title: ' ' }] })).toBe(
      '1 study has conflicts to resolve: ‘Untitled’.',
    );
    expect(syncOutcomeText({ sent: 0, received: [], conflicts: [] })).toBe('Synced: nothing to send or receive.');
  });

  it('says when a deletion lost to an edit, even with nothing else to tell', () => {
    expect(syncOutcomeText({ sent: 0, received: [], conflicts: [], editsKept: [{ id: 'a', title: 'Cache' }] })).toBe(
      'Kept, as deleted on one side but edited on the other: ‘Cache’.',
    );
  });

  it('says what came in besides studies, and which conflicts kept yours whole', () => {
    expect(
      syncOutcomeText({
        sent: 0,
        received: [],
        receivedFiles: ['casebook.json', 'templates/a.json', 'templates/b.json', 'assets/x.png', '.gitignore'],
        conflicts: [],
      }),
    ).toBe('Received site settings, 2 templates, 1 asset, 1 other file.');
    expect(
      syncOutcomeText({
        sent: 1,
        received: [],
        conflicts: [
          { id: 'a', title: 'Cache', recorded: true },
          { id: 'b', title: 'Queue', recorded: false },
        ],
      }),
    ).toBe(
      'Sent 1 change, 1 study has conflicts to resolve: ‘Cache’, not merged, yours kept whole (theirs is in the history): ‘Queue’.',
    );
    expect(
      syncOutcomeText({
        sent: 0,
        received: [],
        conflicts: [{ id: 'casebook.json', title: 'Site settings', recorded: true }],
      }),
    ).toBe('1 file has conflicts to resolve: ‘Site settings’.');
  });
});

describe('the sync outcome sentence, one thing at a time', () => {
  it('says a sync that only sent, or only received, did so', () => {
    expect(syncOutcomeText({ sent: 3, received: [], conflicts: [] })).toBe('Sent 3 changes.');
    expect(
      syncOutcomeText({
        sent: 0,
        received: [
          { id: 'a', title: 'Cache' },
          { id: 'b', title: 'Queue' },
        ],
        conflicts: [],
      }),
    ).toBe('Received 2: ‘Cache’, ‘Queue’.');
    expect(syncOutcomeText({ sent: 0, received: [], receivedFiles: ['templates/a.json'], conflicts: [] })).toBe(
      'Received 1 template.',
    );
  });

  it('counts other files in the plural, and leaves out the studies it already named', () => {
    expect(
      syncOutcomeText({
        sent: 0,
        received: [{ id: 'a', title: 'Cache' }],
        receivedFiles: ['studies/a.json', 'assets/x.png', 'assets/y.png', 'notes.md', 'README.md', 'notes.md'],
        conflicts: [],
      }),
    ).toBe('Received 1: ‘Cache’, received 2 assets, 2 other files.');
  });

  it('calls conflicts in studies studies, and in a study and another file files', () => {
    const study = (id: string) => ({ id, title: id.toUpperCase(), recorded: true });
    expect(syncOutcomeText({ sent: 0, received: [], conflicts: [study('a'), study('b')] })).toBe(
      '2 studies have conflicts to resolve: ‘A’, ‘B’.',
    );
    expect(syncOutcomeText({ sent: 0, received: [], conflicts: [study('a'), study('casebook.json')] })).toBe(
      '2 files have conflicts to resolve: ‘A’, ‘CASEBOOK.JSON’.',
    );
    expect(text({ ...counts, conflicts: 1 })).toBe('1 conflict');
  });
});

describe('the stage shown while a sync runs', () => {
  it('names the stage, with how far it got when it knows', () => {
    expect(syncStageText({ stage: 'fetch', done: 0, total: 0 })).toBe('Receiving…');
    expect(syncStageText({ stage: 'push', done: 3, total: 10 })).toBe('Sending 3/10…');
    expect(syncStageText({ stage: 'commit', done: 0, total: 0 })).toBe('Saving changes…');
    expect(syncStageText({ stage: 'merge', done: 1, total: 2 })).toBe('Merging 1/2…');
  });
});
