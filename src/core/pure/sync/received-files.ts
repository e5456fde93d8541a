// What came in besides studies, in words: "site settings, 2 templates, 3 assets". A sync that
// brought only these must not read as if nothing came in (casebook sync, the app's outcome).
import { workspaceFileKind } from '../merge/workspace-file-kind';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The non-study files received, grouped by what they are; [] when there are none. */
export function receivedFilesParts(paths: readonly string[]): string[] {
  let site = false;
  let templates = 0;
  let assets = 0;
  let other = 0;
  for (const p of new Set(paths)) {
    const kind = workspaceFileKind(p);
    if (kind === 'study') continue;
    if (kind === 'site') site = true;
    else if (kind === 'template') templates++;
    else if (p.startsWith('assets/')) assets++;
    else other++;
  }
  return [
    site ? 'site settings' : '',
    templates ? count(templates, 'template', 'templates') : '',
    assets ? count(assets, 'asset', 'assets') : '',
    other ? count(other, 'other file', 'other files') : '',
  ].filter(Boolean);
}
