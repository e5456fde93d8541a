// The file system isomorphic-git is given: Node's, except that every file it writes (objects,
// packs, refs, the index, checked-out files) is written beside its target and renamed into
// place. A process killed mid-write (SIGKILL during a sync) then leaves the old file or the new
// one, never a truncated object that the repository would take for a whole one.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { TEMP_PREFIX, TEMP_SUFFIX } from '../atomic-write';

async function writeFileAtomically(
  file: string,
  data: string | Uint8Array,
  options?: { mode?: number; encoding?: BufferEncoding } | BufferEncoding,
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `${TEMP_PREFIX}${path.basename(file)}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    await fsp.writeFile(temp, data, options);
    await fsp.rename(temp, file);
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
}

/** Writes one file atomically (temp file, then rename): for the engine's own writes too. */
export const writeAtomically = writeFileAtomically;

export const gitFs = {
  promises: {
    readFile: fsp.readFile,
    writeFile: writeFileAtomically,
    unlink: fsp.unlink,
    readdir: fsp.readdir,
    mkdir: fsp.mkdir,
    rmdir: fsp.rmdir,
    stat: fsp.stat,
    lstat: fsp.lstat,
    readlink: fsp.readlink,
    symlink: fsp.symlink,
    chmod: fsp.chmod,
  },
};
