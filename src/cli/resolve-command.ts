// `casebook resolve --settings [CONFLICT-ID --keep mine|theirs|both] [--template ID]`: the conflicts
// a sync recorded in casebook.json (or a template), listed with their ids, and resolved one at a
// time as Site settings does (Keep mine, Take theirs, Keep both), so `casebook check --strict`
// can pass in CI or on a machine without the app. Through the contract, like every command.
import type { Command } from 'commander';
import type { Conflict } from '../core/pure/merge/conflict-schema';
import type { SettingsConflicts, SettingsTarget } from '../core/pure/merge/settings-conflict-schema';
import { CliUsageError } from './usage-error';
import { contractOf, type OpenWorkspace } from './workspace-commands';
import { reportWorkspaceProblems } from './workspace-problems';

const keeps = new Map([
  ['mine', 'mine'],
  ['theirs', 'theirs'],
  ['both', 'both'],
] as const);

interface ResolveOptions {
  workspace?: string;
  settings?: boolean;
  template?: string;
  keep?: string;
}

/** The conflicts of the file chosen (the site's, or one template's) and the version they were read at. */
function fileOf(all: SettingsConflicts, template: string | undefined): { version: string; conflicts: Conflict[] } {
  if (template === undefined) return all.site;
  const found = all.templates.find((t) => t.id === template);
  return found ?? { version: '', conflicts: [] };
}

async function listLines(all: SettingsConflicts, template: string | undefined): Promise<string[]> {
  const { conflictValueText, printable, settingConflictPlace } = await import('../core/pure/sync/conflict-text');
  const short = (value: unknown) => {
    const text = printable(conflictValueText(value));
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  const file = template === undefined ? 'site' : 'template';
  return fileOf(all, template).conflicts.map(
    (c) =>
      `${c.id}  ${settingConflictPlace(c, file)}: mine ${short(c.mine)} | theirs${c.theirsAuthor ? ` (${printable(c.theirsAuthor)})` : ''} ${short(c.theirs)}`,
  );
}

export function registerResolveCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('resolve')
    .argument('[conflict-id]', 'the conflict to resolve (without it: list them with their ids)')
    .description('resolve a conflict a sync recorded in the site settings or a template: keep mine, theirs or both')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--settings', 'the site settings’ conflicts (a study’s are resolved in the app)')
    .option('--template <id>', 'with --settings: a template’s conflicts instead of casebook.json’s')
    .option('--keep <side>', 'mine, theirs or both (as Keep mine, Take theirs, Keep both in Site settings)')
    .action(async (conflictId: string | undefined, opts: ResolveOptions) => {
      if (!opts.settings)
        throw new CliUsageError('Say which conflicts: --settings (a study’s conflicts are resolved in the app).');
      const choice = opts.keep === undefined ? undefined : keeps.get(opts.keep as 'mine');
      if (opts.keep !== undefined && choice === undefined)
        throw new CliUsageError(`--keep takes mine, theirs or both, not "${opts.keep}".`);
      const api = await contractOf(open(opts.workspace));
      const all = await api.settingsConflicts({});
      const label = opts.template === undefined ? 'Site settings' : `Template '${opts.template}'`;
      if (conflictId === undefined) {
        if (choice !== undefined)
          throw new CliUsageError('Name the conflict to resolve (run without --keep to list them).');
        const lines = await listLines(all, opts.template);
        console.log(lines.length ? [`${label}:`, ...lines].join('\n') : `${label}: no conflicts to resolve.`);
      } else {
        if (choice === undefined) throw new CliUsageError('Say which to keep: --keep mine, theirs or both.');
        const target: SettingsTarget =
          opts.template === undefined ? { kind: 'site' } : { kind: 'template', id: opts.template };
        const done = await api.resolveSettingsConflict({
          target,
          conflictId,
          choice,
          baseVersion: fileOf(all, opts.template).version || undefined,
        });
        const left = fileOf(done.conflicts, opts.template).conflicts.length;
        console.log(
          `Resolved${done.note ? `: ${done.note}` : '.'} ${label}: ${left} ${left === 1 ? 'conflict' : 'conflicts'} left.`,
        );
      }
      reportWorkspaceProblems(await api.getWorkspaceInfo({}));
    });
}
