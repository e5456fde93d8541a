// A copy of the frozen format-1 workspace (tests/fixtures/workspace-v1) in `dir`.
import { cp } from 'node:fs/promises';
import path from 'node:path';

export async function copyV1Workspace(dir: string): Promise<void> {
  await cp(path.join(__dirname, '../fixtures/workspace-v1'), dir, { recursive: true });
}
