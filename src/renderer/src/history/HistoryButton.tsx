// The way into the open study's History, in its heading area beside Keyboard shortcuts (the
// study's toolbar has no room left on a phone). The App owns the dialog (sync/GitDialogs.tsx).
import { History } from 'lucide-react';
import { requestUi } from '../editor/ui-requests';

export function HistoryButton() {
  return (
    <button
      type="button"
      className="link-button history-button"
      aria-haspopup="dialog"
      title="This study’s versions: what changed, and Restore"
      onClick={() => requestUi({ kind: 'show-history' })}
    >
      <History aria-hidden="true" size={14} />
      History
    </button>
  );
}
