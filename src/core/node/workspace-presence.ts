// Whether a folder already holds a Casebook workspace: commands that only read must not
// create one in a mistyped folder.
import path from 'node:path';
import { statOrNull } from './file-exists';
import { WORKSPACE_FILE } from './site-store';
import { STUDIES_DIR } from './study-store';

export function holdsWorkspace(dir: string): boolean {
  return statOrNull(path.join(dir, WORKSPACE_FILE)) !== null || statOrNull(path.join(dir, STUDIES_DIR)) !== null;
}
