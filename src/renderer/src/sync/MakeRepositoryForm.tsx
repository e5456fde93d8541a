// Sync settings for a workspace that is not a git repository yet: one button makes it one
// (initGitWorkspace: first commit, ignore and attribute files, merge driver — the same work as
// `casebook init --git`), signed with the name and email given here or git's own settings.
// Joining a workspace someone already shares is a clone, which makes a new folder: a command.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/api-error';
import { AuthorIdentityFields } from './AuthorIdentityFields';
import { ProblemAlert } from '../components/ProblemAlert';

interface MakeRepositoryFormProps {
  name: string;
  email: string;
  setName: (name: string) => void;
  setEmail: (email: string) => void;
  makeRepository: (input: { author?: { name: string; email: string } }) => Promise<void>;
  onClose: () => void;
}

export function MakeRepositoryForm({
  name,
  email,
  setName,
  setEmail,
  makeRepository,
  onClose,
}: MakeRepositoryFormProps) {
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setWorking(true);
    try {
      const given = name.trim() !== '' || email.trim() !== '';
      await makeRepository(given ? { author: { name: name.trim(), email: email.trim() } } : {});
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-busy={working}>
      <p>
        This workspace is not a git repository yet. Git keeps every version of each study and lets a team share a
        workspace: each author syncs, and Casebook merges their edits field by field.
      </p>
      <ProblemAlert problem={problem} />
      <AuthorIdentityFields
        idPrefix="git-init"
        name={name}
        email={email}
        onName={setName}
        onEmail={setEmail}
        hint="Leave both empty to use your git settings."
      />
      <p className="hint">
        To join a workspace someone already shares instead: <code>casebook clone &lt;remote&gt; &lt;folder&gt;</code>,
        then open that folder.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" className="primary" disabled={working}>
          Make this a git workspace
        </button>
      </div>
    </form>
  );
}
