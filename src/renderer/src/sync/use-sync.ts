// The workspace's sync with its git remote, as the window sees it: the status (asked at
// start, after saves settle, when the window comes back, every minute, and after each sync),
// a sync on demand or every few minutes (a preference), its progress, and the sentence that
// announces its outcome. A sync first puts every pending edit on disk, so nothing typed is
// left out; afterwards the caller refreshes the library and reloads the studies it changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CasebookApi, MethodInput, MethodOutput, MethodProgress } from '../../../core/pure/contract';
import { CasebookError } from '../../../core/pure/errors';
import { syncOutcomeText, syncState, type SyncState } from '../../../core/pure/sync/sync-state';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { AUTO_SYNC_MINUTES, useAutoSync } from './auto-sync-preference';

export type GitStatus = MethodOutput<'gitStatus'>;
export type SyncProgress = MethodProgress<'syncWorkspace'>;

/** How often the status is asked while nothing else asks (a remote may have moved). */
const STATUS_POLL_MS = 60_000;
/** Error codes that mean the remote could not be reached: the button says Offline. */
const OFFLINE_CODES: ReadonlySet<string> = new Set(['offline', 'network']);

interface Options {
  api: CasebookApi;
  autosave: AutosaveQueue;
  /** After a sync: refresh what the window shows; `changed` are the studies it brought in. */
  onSynced: (changed: readonly string[]) => Promise<void>;
}

export interface SyncControls {
  status: GitStatus | null;
  state: SyncState;
  /** The stage of the sync under way, or null. */
  progress: SyncProgress | null;
  running: boolean;
  /** The outcome of the last sync, for the polite live region. */
  announcement: string;
  sync: (input?: MethodInput<'syncWorkspace'>) => Promise<void>;
  /** Makes the workspace a repository (first commit of everything saved); rejects with the reason. */
  makeRepository: (input: MethodInput<'initGitWorkspace'>) => Promise<void>;
  refresh: () => Promise<void>;
}

export function useSync({ api, autosave, onSynced }: Options): SyncControls {
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [offline, setOffline] = useState<string | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const busy = useRef(false);
  const [autoSync] = useAutoSync();
  const latest = useRef(onSynced);
  latest.current = onSynced;

  const refresh = useCallback(async () => {
    try {
      setStatus(await api.gitStatus({}));
    } catch {
      // Unknown for now: the next ask (or sync) says more; the button keeps what it showed.
    }
  }, [api]);

  const sync = useCallback(
    async (input: MethodInput<'syncWorkspace'> = {}) => {
      if (busy.current) return;
      busy.current = true;
      setRunning(true);
      setAnnouncement('');
      try {
        // Everything typed so far goes into this sync.
        await autosave.flushAll();
        const saved = autosave.getState();
        if (saved.kind === 'error') {
          setAnnouncement(`Not synced: an edit is not saved yet (${saved.message}).`);
          return;
        }
        const result = await api.syncWorkspace(input, (report) => setProgress(report));
        setOffline(null);
        setStatus(result.status);
        setAnnouncement(syncOutcomeText(result));
        await latest.current([...result.received, ...result.conflicts].map((study) => study.id));
      } catch (err) {
        const message = errorMessage(err);
        if (err instanceof CasebookError && OFFLINE_CODES.has(err.code)) setOffline(message);
        setAnnouncement(`Sync failed: ${message}`);
      } finally {
        busy.current = false;
        setRunning(false);
        setProgress(null);
        void refresh();
      }
    },
    [api, autosave, refresh],
  );

  const makeRepository = useCallback(
    async (input: MethodInput<'initGitWorkspace'>) => {
      // The first commit holds everything typed so far.
      await autosave.flushAll();
      const made = await api.initGitWorkspace(input);
      setStatus(made);
      setAnnouncement('This workspace is now a git repository, with every study in its first commit.');
    },
    [api, autosave],
  );

  // Asked at start, every minute, when the window comes back, and once saves settle.
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    let wasSaved = autosave.getState().kind === 'saved';
    const off = autosave.subscribe(() => {
      const saved = autosave.getState().kind === 'saved';
      if (saved && !wasSaved) void refresh();
      wasSaved = saved;
    });
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      off();
    };
  }, [autosave, refresh]);

  const canAutoSync = autoSync && status?.repository === true && status.remote !== null;
  useEffect(() => {
    if (!canAutoSync) return;
    const timer = setInterval(() => void sync(), AUTO_SYNC_MINUTES * 60_000);
    return () => clearInterval(timer);
  }, [canAutoSync, sync]);

  return {
    status,
    state: syncState(status, offline),
    progress,
    running,
    announcement,
    sync,
    makeRepository,
    refresh,
  };
}
