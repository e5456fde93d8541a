// A failed write is shown to the user as one sentence: what could not be done, why in plain
// words with the system's code, and what to do next. Every code Casebook explains, and the
// fallback for one it does not.
import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../../src/core/node/atomic-write';
import { CasebookError } from '../../../src/core/pure/errors';

const systemError = (code: string, file?: string) =>
  Object.assign(new Error(`${code}: failed${file ? `, '${file}'` : ''}`), { code, path: file });

describe('writeFailure', () => {
  it('explains each failure a disk or folder can cause, with its code and what to do', () => {
    const file = '/home/ada/cases/studies/x.json';
    const cases: [string, string][] = [
      ['ENOSPC', 'Could not save "Cache": the disk is full (ENOSPC). Free some space and press Retry.'],
      ['EDQUOT', 'Could not save "Cache": your disk quota is used up (EDQUOT). Free some space and press Retry.'],
      [
        'EACCES',
        'Could not save "Cache": Casebook is not allowed to write in /home/ada/cases/studies (EACCES). Check the folder\'s permissions, or open a workspace you can write to, then press Retry.',
      ],
      [
        'EPERM',
        'Could not save "Cache": the system refused the write in /home/ada/cases/studies (EPERM). Check the folder\'s permissions and that no other program locks the file, then press Retry.',
      ],
      [
        'EROFS',
        'Could not save "Cache": the disk or folder is read-only (EROFS). Make it writable, or open the workspace from a writable place, then press Retry.',
      ],
      [
        'EIO',
        'Could not save "Cache": the disk reported an input/output error (EIO). Check the disk or its connection, then press Retry.',
      ],
      [
        'ENOENT',
        'Could not save "Cache": the folder /home/ada/cases/studies is gone (ENOENT): was the workspace moved, renamed or its drive removed? Put it back, then press Retry.',
      ],
      ['EMFILE', 'Could not save "Cache": too many files are open (EMFILE). Close some programs, then press Retry.'],
      ['ENFILE', 'Could not save "Cache": too many files are open (ENFILE). Close some programs, then press Retry.'],
    ];
    for (const [code, message] of cases) {
      const err = writeFailure('save "Cache"', systemError(code, file));
      expect(err).toBeInstanceOf(CasebookError);
      expect(err.code).toBe('io_error');
      expect(err.message).toBe(message);
    }
  });

  it('says "the workspace folder" when the system did not name the file', () => {
    expect(writeFailure('save "Cache"', systemError('EACCES')).message).toContain(
      'not allowed to write in the workspace folder (EACCES)',
    );
  });

  it('passes the system message and code on for a failure it has no words for', () => {
    expect(writeFailure('save "Cache"', systemError('EBUSY', '/x')).message).toBe(
      `Could not save "Cache": EBUSY: failed, '/x' (EBUSY). Press Retry.`,
    );
    expect(writeFailure('save "Cache"', new Error('the cable came loose')).message).toBe(
      'Could not save "Cache": the cable came loose. Press Retry.',
    );
    expect(writeFailure('save "Cache"', 'thrown text').message).toBe(
      'Could not save "Cache": thrown text. Press Retry.',
    );
    expect(writeFailure('save "Cache"', undefined).message).toBe('Could not save "Cache": undefined. Press Retry.');
  });

  it('keeps a Casebook error as it is: it already says what to do', () => {
    const own = new CasebookError('conflict', 'Someone else saved "Cache" meanwhile.');
    expect(writeFailure('save "Cache"', own)).toBe(own);
  });
});
