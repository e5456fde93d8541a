// The folders a caller may name (an export's destination, files to import) are full paths on
// any desktop: a POSIX path, a Windows drive path with either slash, or a network share. A
// relative path would land wherever the process happens to run, so it is refused with a
// message that shows what to give instead.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/core/pure/contract';

const exportTo = (outDir: string) => contract.exportWorkspace.input.safeParse({ format: 'site', outDir });
const importFrom = (path: string) => contract.importMarkdown.input.safeParse({ paths: [path] });
const messageOf = (result: ReturnType<typeof exportTo>) => (result.success ? null : result.error.issues[0]!.message);

describe('a folder path in the contract', () => {
  const full = ['/home/me/site', '/', 'C:\\Users\\me\\site', 'c:/Users/me/site', 'Z:\\', '\\\\server\\share\\site'];
  const partial = [
    'site',
    './site',
    '../site',
    'C:site',
    'C:',
    '1:\\site',
    'CC:\\site',
    '\\single\\slash',
    ' /home/me',
  ];

  it('takes a POSIX path, a drive path with either slash and a network share', () => {
    for (const path of full) {
      expect(exportTo(path).success, path).toBe(true);
      expect(importFrom(path).success, path).toBe(true);
    }
  });

  it('refuses a relative path, saying what a full one looks like', () => {
    for (const path of partial) {
      expect(messageOf(exportTo(path)), path).toBe(
        'Give a full folder path (for example /home/me/site or C:\\Users\\me\\site)',
      );
      expect(importFrom(path).success, path).toBe(false);
    }
  });

  it('refuses an empty path, a NUL character and a path longer than 4096 characters', () => {
    expect(messageOf(exportTo(''))).toBe('Choose a folder');
    expect(messageOf(exportTo('/home/me\0/site'))).toBe('The path holds a NUL character');
    expect(exportTo(`/${'a'.repeat(4095)}`).success).toBe(true);
    expect(exportTo(`/${'a'.repeat(4096)}`).success).toBe(false);
  });
});
