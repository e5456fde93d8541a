// What the git methods of the contract accept (git-schemas.ts), as a client sees it: a version
// named by a short or full commit hash, an author git can write into a commit, a remote and a
// message within bounds, and counts that are never negative or fractional.
import { describe, expect, it } from 'vitest';
import {
  commitIdSchema,
  gitAuthorSchema,
  gitStatusSchema,
  initGitInputSchema,
  studyAtVersionInputSchema,
  syncInputSchema,
  syncResultSchema,
} from '../../../src/core/pure/git/git-schemas';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe('a version asked for by its commit', () => {
  it('takes 4 to 40 hex digits in either case, with spaces around trimmed', () => {
    expect(commitIdSchema.parse('  a1B2  ')).toBe('a1B2');
    expect(commitIdSchema.parse('f'.repeat(40))).toBe('f'.repeat(40));
  });

  it('refuses fewer than 4 or more than 40 digits, and anything not hex, saying what a version is', () => {
    for (const bad of ['abc', 'f'.repeat(41), 'abcg', 'HEAD~1', 'a1b2 c3d4', ''])
      expect(message(commitIdSchema.safeParse(bad)), bad).toBe(
        'A version is a commit hash: 4 to 40 hexadecimal digits',
      );
  });

  it('is asked for with a study id, and nothing else', () => {
    expect(studyAtVersionInputSchema.safeParse({ id: 'cache-rollout', commit: 'abcd' }).success).toBe(true);
    expect(studyAtVersionInputSchema.safeParse({ id: 'Cache Rollout', commit: 'abcd' }).success).toBe(false);
    expect(studyAtVersionInputSchema.safeParse({ id: 'cache-rollout', commit: 'abcd', extra: 1 }).success).toBe(false);
  });
});

describe('the author of the first commit', () => {
  const author = (name: string, email: string) => initGitInputSchema.safeParse({ author: { name, email } });

  it('takes a name and an email address, trimmed', () => {
    expect(gitAuthorSchema.parse({ name: ' Ann Lee ', email: ' ann@example.com ' })).toEqual({
      name: 'Ann Lee',
      email: 'ann@example.com',
    });
    expect(initGitInputSchema.parse({})).toEqual({});
  });

  it('refuses an empty name, one git could not write, or a name past 200 characters', () => {
    expect(message(author('   ', 'ann@example.com'))).toBe('Give your name');
    expect(message(author('Ann <ann@example.com>', 'ann@example.com'))).toBe('A name cannot hold < > or line breaks');
    expect(message(author('Ann\nLee', 'ann@example.com'))).toBe('A name cannot hold < > or line breaks');
    expect(message(author('Ann\rLee', 'ann@example.com'))).toBe('A name cannot hold < > or line breaks');
    expect(author('A'.repeat(200), 'ann@example.com').success).toBe(true);
    expect(author('A'.repeat(201), 'ann@example.com').success).toBe(false);
  });

  it('refuses what is not one email address', () => {
    for (const bad of ['ann', 'ann@', '@example.com', 'ann@@example.com', 'ann lee@example.com', '<ann@example.com>'])
      expect(message(author('Ann', bad)), bad).toBe('Give an email address such as you@example.com');
    expect(author('Ann', `${'a'.repeat(242)}@example.com`).success).toBe(true);
    expect(author('Ann', `${'a'.repeat(243)}@example.com`).success).toBe(false);
  });

  it('refuses keys it does not know, in the author or beside it', () => {
    expect(author('Ann', 'ann@example.com').success).toBe(true);
    expect(initGitInputSchema.safeParse({ author: { name: 'Ann', email: 'a@b.c', admin: true } }).success).toBe(false);
    expect(initGitInputSchema.safeParse({ force: true }).success).toBe(false);
  });
});

describe('a sync asked for', () => {
  it('takes an optional remote and message, trimmed, and refuses empty or overlong ones', () => {
    expect(syncInputSchema.parse({ remote: ' ../remote.git ', message: ' Edit ' })).toEqual({
      remote: '../remote.git',
      message: 'Edit',
    });
    expect(syncInputSchema.parse({})).toEqual({});
    expect(syncInputSchema.safeParse({ remote: '  ' }).success).toBe(false);
    expect(syncInputSchema.safeParse({ message: '' }).success).toBe(false);
    expect(syncInputSchema.safeParse({ remote: 'r'.repeat(4096) }).success).toBe(true);
    expect(syncInputSchema.safeParse({ remote: 'r'.repeat(4097) }).success).toBe(false);
    expect(syncInputSchema.safeParse({ message: 'm'.repeat(2000) }).success).toBe(true);
    expect(syncInputSchema.safeParse({ message: 'm'.repeat(2001) }).success).toBe(false);
    expect(syncInputSchema.safeParse({ branch: 'main' }).success).toBe(false);
  });
});

describe('what a sync reports', () => {
  const status = {
    repository: true,
    branch: 'main',
    remote: null,
    toSend: 0,
    toReceive: 2,
    changed: 1,
    conflicts: 0,
    lastSync: null,
  };

  it('holds whole, non-negative counts', () => {
    expect(gitStatusSchema.parse(status)).toEqual(status);
    expect(gitStatusSchema.safeParse({ ...status, toSend: -1 }).success).toBe(false);
    expect(gitStatusSchema.safeParse({ ...status, changed: 1.5 }).success).toBe(false);
  });

  it('names each conflict’s file and whether the file records theirs', () => {
    const result = {
      sent: 1,
      received: [{ id: 'a', title: 'A' }],
      receivedFiles: ['casebook.json'],
      conflicts: [{ id: 'b', title: 'B', recorded: false }],
      status,
    };
    expect(syncResultSchema.parse(result)).toEqual(result);
    const { recorded: _r, ...unsaid } = result.conflicts[0]!;
    expect(syncResultSchema.safeParse({ ...result, conflicts: [unsaid] }).success).toBe(false);
  });
});
