// A brief, polite line about something that happened without the author's doing (the open
// study reloaded because its file changed on disk, the outcome of "Keep both"). Rendered only
// while it shows; goes away by itself after a few seconds or with Dismiss.
import { useEffect } from 'react';

export const OUTSIDE_NOTICE_MS = 8000;

export function OutsideNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, OUTSIDE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="banner outside-notice" role="status">
      <span>{message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
