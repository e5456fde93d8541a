// Running the CLI (as built, see cli-bundle.ts) for the CLI tests, and editing studies as the app would.
export { casebook } from '../helpers/cli-bundle';

/** A study file written as another tool (or an older save) would leave it. */
export async function addStudy(ws: string, id: string, title: string): Promise<void> {
  const { sampleStudy, writeStudy } = await import('../helpers/study-files');
  await writeStudy(ws, { ...sampleStudy(1), id, slug: id, title });
}

export async function setTitle(ws: string, id: string, title: string): Promise<void> {
  const { openWorkspace } = await import('../../src/core/node/casebook-service');
  await (await openWorkspace(ws)).updateStudy({ id, patch: { title } });
}
