// A study's history: the commits that changed its file, newest first, and the study as it was
// at one of them.
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import type { StudyVersion } from '../../pure/git/git-schemas';
import type { Study } from '../../pure/schemas/study';
import { gitFs } from './git-fs';
import { studyFromBytes, studyPath } from './study-blob';
import { resolveOrNull } from './git-sync';

export async function studyHistory(workspace: string, gitdir: string, id: string): Promise<StudyVersion[]> {
  if (!(await resolveOrNull(gitdir, 'HEAD'))) return [];
  const commits = await git
    .log({ fs: gitFs, dir: workspace, gitdir, filepath: studyPath(id), ref: 'HEAD', force: true })
    .catch((err: unknown) => {
      // No commit has the file (a study not committed yet).
      if ((err as { code?: string }).code === 'NotFoundError') return [];
      throw err;
    });
  return commits.map(({ oid, commit }) => ({
    commit: oid,
    short: oid.slice(0, 7),
    date: new Date(commit.author.timestamp * 1000).toISOString(),
    author: commit.author.name,
    message: commit.message.trim(),
  }));
}

/** The full commit id a (possibly short) hash names, or not_found. */
export async function resolveCommit(gitdir: string, commit: string): Promise<string> {
  const wanted = commit.toLowerCase();
  try {
    const oid = wanted.length === 40 ? wanted : await git.expandOid({ fs: gitFs, gitdir, oid: wanted });
    await git.readCommit({ fs: gitFs, gitdir, oid });
    return oid;
  } catch {
    throw new CasebookError(
      'not_found',
      `No version ${commit} in this workspace's history (casebook history lists them).`,
    );
  }
}

export async function studyAtCommit(gitdir: string, id: string, commit: string): Promise<Study> {
  const oid = await resolveCommit(gitdir, commit);
  let bytes: Uint8Array;
  try {
    const { blob } = await git.readBlob({ fs: gitFs, gitdir, oid, filepath: studyPath(id) });
    bytes = blob;
  } catch {
    throw new CasebookError('not_found', `The study "${id}" did not exist at version ${commit.slice(0, 7)}.`);
  }
  try {
    return studyFromBytes(studyPath(id), bytes);
  } catch (err) {
    throw new CasebookError(
      'invalid_input',
      `The study "${id}" at version ${commit.slice(0, 7)} cannot be read: ${(err as Error).message}`,
    );
  }
}
