// The Checks button: how many findings block publishing, said quietly (no red count on a
// draft); pressing it shows or hides the publish checklist.
import { ListChecks } from 'lucide-react';
import { setView, useView } from '../app/view-state';
import { CHECKLIST_ID } from './PublishChecklist';
import type { StudyChecks } from './use-study-checks';

export function ChecksButton({ checks }: { checks: StudyChecks | null }) {
  const open = useView('checksOpen');
  const known = checks?.findings != null;
  const blocking = checks?.blocking ?? 0;
  return (
    <button
      type="button"
      className="bar-button checks-button"
      aria-expanded={open}
      aria-controls={open ? CHECKLIST_ID : undefined}
      disabled={checks === null}
      // The name says the count in words; the badge shows it as a number.
      aria-label={known ? `Checks, ${blocking > 0 ? `${blocking} blocking` : 'nothing blocking'}` : 'Checks'}
      title="Publish checks"
      onClick={() => setView({ checksOpen: !open })}
    >
      <ListChecks aria-hidden="true" size={16} />
      <span className="bar-label">Checks</span>
      {known && blocking > 0 ? (
        <span className="count" aria-hidden="true">
          {blocking}
        </span>
      ) : null}
    </button>
  );
}
