// Temp files are cleaned up by their name alone, so the name must not match a file of the user
// that merely contains Casebook's prefix or adds to its ending.
import { describe, expect, it } from 'vitest';
import { tempFileTarget, TEMP_PREFIX } from '../../../src/core/node/atomic-write';

describe('a temp file name', () => {
  it('is only what writeFileAtomic makes: the prefix first, 12 hex digits, .tmp or nothing last', () => {
    expect(tempFileTarget(`${TEMP_PREFIX}a-b.html-0a1b2c3d4e5f.tmp`)).toBe('a-b.html');
    for (const name of [
      `notes${TEMP_PREFIX}study.json-0a1b2c3d4e5f.tmp`,
      `${TEMP_PREFIX}study.json-0a1b2c3d4e5f.tmp.bak`,
      `${TEMP_PREFIX}study.json-0a1b2c3d4e5f.txt`,
      `${TEMP_PREFIX}study.json-0a1b2c3d4e5.tmp`,
      `${TEMP_PREFIX}study.json-0A1B2C3D4E5F.tmp`,
      `${TEMP_PREFIX}-0a1b2c3d4e5f.tmp`,
      `${TEMP_PREFIX}study.json0a1b2c3d4e5f.tmp`,
    ]) {
      expect(tempFileTarget(name), name).toBeNull();
    }
  });
});
