// A study's History: its versions newest first (message, author, when), and for the one
// chosen, what its text was against now (a word diff), with Restore — the study becomes that
// version as a new change, so nothing in the history is lost. Edits still being typed are
// saved first, so "now" is what the author sees.
import { useCallback, useEffect, useState } from 'react';
import type { CasebookApi, MethodOutput } from '../../../core/pure/contract';
import { relativeTime } from '../../../core/pure/history/relative-time';
import { diffCounts, studyDiff, type PartDiff } from '../../../core/pure/history/text-diff';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { ModalDialog } from '../components/ModalDialog';
import { TextDiff } from './TextDiff';
import '../styles/history.css';
import { ProblemAlert } from '../components/ProblemAlert';

type Version = MethodOutput<'studyHistory'>[number];

interface HistoryDialogProps {
  open: boolean;
  onClose: () => void;
  api: CasebookApi;
  autosave: AutosaveQueue;
  studyId: string;
  /** Whether the workspace is a git repository (null: not known yet). */
  repository: boolean | null;
  readOnly: boolean;
  onOpenSyncSettings: () => void;
  /** The study was restored to an older version: show it as it now is. */
  onRestored: (id: string, version: Version) => void;
}

const absolute = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function HistoryDialog(props: HistoryDialogProps) {
  const { open, onClose, api, autosave, studyId, repository, readOnly, onRestored } = props;
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [chosen, setChosen] = useState<Version | null>(null);
  const [diff, setDiff] = useState<PartDiff[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open || repository === false) return;
    let current = true;
    setVersions(null);
    setChosen(null);
    setDiff(null);
    setConfirming(false);
    setProblem(null);
    void (async () => {
      try {
        await autosave.flush(studyId);
        const list = await api.studyHistory({ id: studyId });
        if (current) setVersions(list);
      } catch (err) {
        if (current) setProblem(`Could not read the history: ${errorMessage(err)}`);
      }
    })();
    return () => {
      current = false;
    };
  }, [open, repository, api, autosave, studyId]);

  const choose = useCallback(
    async (version: Version) => {
      setChosen(version);
      setDiff(null);
      setConfirming(false);
      setProblem(null);
      try {
        await autosave.flush(studyId);
        const [then, now] = await Promise.all([
          api.studyAtVersion({ id: studyId, commit: version.commit }),
          api.getStudy({ id: studyId }),
        ]);
        setDiff(studyDiff(then, now));
      } catch (err) {
        setProblem(`Could not read that version: ${errorMessage(err)}`);
      }
    },
    [api, autosave, studyId],
  );

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    try {
      await autosave.flush(studyId);
      await api.restoreStudyVersion({ id: studyId, commit: chosen.commit });
      onRestored(studyId, chosen);
      onClose();
    } catch (err) {
      setProblem(`Could not restore that version: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const now = new Date();
  const counts = diff ? diffCounts(diff) : null;
  return (
    <ModalDialog open={open} title="History" onClose={onClose} className="history-dialog">
      <ProblemAlert problem={problem} />
      {repository === false ? (
        <>
          <p>
            This workspace keeps no history yet: it is not a git repository. Once it is one, every sync records a
            version of each study you changed, and you can compare and restore them here.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={props.onOpenSyncSettings}>
              How to set it up
            </button>
          </div>
        </>
      ) : (
        <div className="history-body">
          <div className="history-versions">
            {versions === null ? (
              problem ? null : (
                <p className="hint">Reading the history…</p>
              )
            ) : versions.length === 0 ? (
              <p className="hint">No versions yet: the first sync records one.</p>
            ) : (
              <ol aria-label="Versions">
                {versions.map((version) => (
                  <li key={version.commit}>
                    <button
                      type="button"
                      className="history-version"
                      aria-pressed={chosen?.commit === version.commit}
                      onClick={() => void choose(version)}
                    >
                      <span className="version-message">{version.message}</span>
                      <span className="version-meta">
                        {version.author} ·{' '}
                        <time dateTime={version.date} title={absolute(version.date)}>
                          {relativeTime(new Date(version.date), now)}
                        </time>
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div className="history-detail">
            {chosen === null ? (
              versions && versions.length > 0 ? (
                <p className="hint">Choose a version to see how its text differs from now.</p>
              ) : null
            ) : (
              <section aria-label="Changes since this version">
                <h3 className="history-detail-title">
                  Since {absolute(chosen.date)} <span className="version-short">({chosen.short})</span>
                </h3>
                {diff === null ? (
                  <p className="hint">Comparing…</p>
                ) : (
                  <>
                    <p className="hint diff-legend">
                      {counts!.added} {counts!.added === 1 ? 'word' : 'words'} added (<ins>underlined</ins>),{' '}
                      {counts!.removed} removed (<del>struck through</del>) since this version.
                    </p>
                    <TextDiff diff={diff} />
                  </>
                )}
                {readOnly ? null : confirming ? (
                  <div className="history-confirm" role="group" aria-label="Restore this version?">
                    <p>
                      The study becomes this version as a new change. What it says now stays in its history, so this can
                      be undone by restoring again.
                    </p>
                    <div className="dialog-actions">
                      <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
                        Cancel
                      </button>
                      <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
                        Restore
                      </button>
                    </div>
                  </div>
                ) : (
                  <div className="dialog-actions">
                    <button type="button" onClick={() => setConfirming(true)} disabled={diff === null}>
                      Restore this version…
                    </button>
                  </div>
                )}
              </section>
            )}
          </div>
        </div>
      )}
      <div className="dialog-actions history-close">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
