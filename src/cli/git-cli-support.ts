// What the git commands share: the merge driver's command line (this CLI as it was started),
// and a study named by id or slug.
import type { CasebookApi } from '../core/pure/contract';
import { CasebookError } from '../core/pure/errors';
import { shellQuote as quote } from '../core/pure/shell-quote';

/**
 * The command git runs for `merge=casebook`: this CLI, started as it was now (node, its flags
 * and the script), or $CASEBOOK_DRIVER_COMMAND when set (a packaged install).
 */
export function driverCommand(): string {
  const fromEnv = process.env.CASEBOOK_DRIVER_COMMAND?.trim();
  if (fromEnv) return fromEnv;
  return [process.execPath, ...absoluteFlags(process.execArgv), process.argv[1] ?? 'casebook'].map(quote).join(' ');
}

const LOADER_FLAGS = new Set(['--import', '--loader', '--experimental-loader']);
const isBare = (s: string) => !/^(\.|\/|[a-z]+:)/i.test(s);

/**
 * Node's flags with a loader named as a package (`--import tsx`) made absolute: git runs the
 * driver in the repository's folder, where that package cannot be found.
 */
export function absoluteFlags(flags: readonly string[]): string[] {
  const resolveUrl = (s: string) => (isBare(s) ? import.meta.resolve(s) : s);
  return flags.map((flag, i) => {
    const eq = /^(--[a-z-]+)=(.*)$/.exec(flag);
    if (eq && LOADER_FLAGS.has(eq[1]!)) return `${eq[1]}=${resolveUrl(eq[2]!)}`;
    return i > 0 && LOADER_FLAGS.has(flags[i - 1]!) ? resolveUrl(flag) : flag;
  });
}

/** The study id for an id or a slug; an unknown id is passed on as it is (a deleted study's history). */
export async function studyIdFor(api: CasebookApi, idOrSlug: string): Promise<string> {
  const studies = await api.listStudies({});
  const found = studies.find((s) => s.id === idOrSlug) ?? studies.find((s) => s.slug === idOrSlug);
  if (found) return found.id;
  if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(idOrSlug)) return idOrSlug;
  throw new CasebookError('not_found', `No study with the id or slug "${idOrSlug}" (casebook list shows them).`);
}
