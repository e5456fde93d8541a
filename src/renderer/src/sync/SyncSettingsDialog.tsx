// Sync settings: where the workspace syncs to (the remote, set as `origin` by the first sync
// given one), the https token on the desktop (kept encrypted by the OS, in the app's own data,
// never in the workspace; browser mode takes it from CASEBOOK_GIT_TOKEN on the server), and
// whether to sync every few minutes. A workspace that is not a repository yet is offered a
// button that makes it one (MakeRepositoryForm); then these fields follow.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CasebookShell } from '../api/casebook-client';
import { errorMessage } from '../api/api-error';
import { ModalDialog } from '../components/ModalDialog';
import { AUTO_SYNC_MINUTES, useAutoSync } from './auto-sync-preference';
import { MakeRepositoryForm } from './MakeRepositoryForm';
import type { SyncControls } from './use-sync';
import { AuthorIdentityFields } from './AuthorIdentityFields';
import { ProblemAlert } from '../components/ProblemAlert';

interface SyncSettingsDialogProps {
  open: boolean;
  onClose: () => void;
  sync: SyncControls;
  /** The desktop shell (token storage); null in browser mode. */
  shell: CasebookShell | null;
}

type TokenState = { stored: boolean; canEncrypt: boolean } | null;

export function SyncSettingsDialog({ open, onClose, sync, shell }: SyncSettingsDialogProps) {
  const [remote, setRemote] = useState('');
  const [token, setToken] = useState('');
  const [tokenState, setTokenState] = useState<TokenState>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [autoSync, setAutoSync] = useAutoSync();
  const remoteHint = useId();
  const tokenHint = useId();
  const status = sync.status;
  const repository = status?.repository === true;
  const remoteInput = useRef<HTMLInputElement>(null);
  const wasRepository = useRef(repository);

  // Made a repository here just now: the button that did it is gone; the remote is what comes next.
  useEffect(() => {
    if (open && repository && !wasRepository.current) remoteInput.current?.focus();
    wasRepository.current = repository;
  }, [open, repository]);

  useEffect(() => {
    if (!open) return;
    setRemote(status?.remote ?? '');
    setToken('');
    setProblem(null);
    if (shell) {
      shell.gitTokenState({}).then(setTokenState, (err: unknown) => setProblem(errorMessage(err)));
      shell.gitIdentity({}).then(
        (identity) => {
          setName(identity?.name ?? '');
          setEmail(identity?.email ?? '');
        },
        (err: unknown) => setProblem(errorMessage(err)),
      );
    }
    // Only when it opens: a status refreshed meanwhile must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, shell]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      // The token is kept for the remote's server only (main refuses one without an https remote).
      if (shell && token.trim() !== '')
        await shell.setGitToken({ token: token.trim(), remote: remote.trim() || status?.remote || '' });
      if (shell && (name.trim() !== '' || email.trim() !== ''))
        await shell.setGitIdentity({ identity: { name: name.trim(), email: email.trim() } });
      const newRemote = remote.trim();
      onClose();
      await sync.sync(newRemote !== '' && newRemote !== status?.remote ? { remote: newRemote } : {});
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  const forgetToken = async () => {
    if (!shell) return;
    try {
      await shell.setGitToken({ token: null });
      setTokenState(await shell.gitTokenState({}));
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <ModalDialog open={open} title="Sync settings" onClose={onClose} className="sync-settings">
      <ProblemAlert problem={problem} />
      {!repository ? (
        <MakeRepositoryForm
          name={name}
          email={email}
          setName={setName}
          setEmail={setEmail}
          makeRepository={sync.makeRepository}
          onClose={onClose}
        />
      ) : (
        <form onSubmit={(e) => void save(e)}>
          <div className="field">
            <label htmlFor="sync-remote">Remote</label>
            <input
              ref={remoteInput}
              id="sync-remote"
              type="text"
              value={remote}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={remoteHint}
              onChange={(e) => setRemote(e.target.value)}
            />
            <p className="hint" id={remoteHint}>
              The shared repository: an https address (GitHub, GitLab…), or a folder on a shared drive.
            </p>
          </div>
          {shell ? (
            <div className="field">
              <label htmlFor="sync-token">Access token</label>
              <input
                id="sync-token"
                type="password"
                value={token}
                autoComplete="off"
                aria-describedby={tokenHint}
                disabled={tokenState?.canEncrypt === false}
                onChange={(e) => setToken(e.target.value)}
              />
              <p className="hint" id={tokenHint}>
                {tokenState?.canEncrypt === false
                  ? 'This computer offers no encrypted storage, so Casebook cannot keep a token.'
                  : tokenState?.stored
                    ? 'A token is kept, encrypted, on this computer. Type a new one to replace it.'
                    : 'For an https remote: a personal access token with write access. Kept encrypted on this computer, never in the workspace.'}
              </p>
              {tokenState?.stored ? (
                <button type="button" onClick={() => void forgetToken()}>
                  Forget token
                </button>
              ) : null}
            </div>
          ) : (
            <p className="hint">
              For an https remote, start <code>casebook serve</code> with the token in <code>CASEBOOK_GIT_TOKEN</code>{' '}
              (sent only to the hosts in <code>CASEBOOK_GIT_TOKEN_HOST</code>: github.com and gitlab.com unless it names
              others).
            </p>
          )}
          {shell ? (
            <AuthorIdentityFields
              idPrefix="sync"
              name={name}
              email={email}
              onName={setName}
              onEmail={setEmail}
              hint="Used when the repository’s git settings name no one."
            />
          ) : null}
          <div className="field">
            <label>
              <input type="checkbox" checked={autoSync} onChange={(e) => setAutoSync(e.target.checked)} /> Sync every{' '}
              {AUTO_SYNC_MINUTES} minutes
            </label>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" className="primary">
              Save and sync
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
